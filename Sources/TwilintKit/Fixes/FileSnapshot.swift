import Foundation

/// A file's bytes as read, with what identifies that version on disk (size,
/// modification time, inode), so that a fix is written only over the very
/// version it was made from.
public struct FileSnapshot: Sendable {
    /// The path as named; `target` is the regular file it resolves to.
    public let path: String
    public let target: String
    public let bytes: [UInt8]
    private let identity: Identity

    private struct Identity: Equatable, Sendable {
        var size: Int64, seconds: Int, nanoseconds: Int, inode: UInt64
    }

    /// Reads `path` (through symbolic links); refuses anything but a regular file.
    public init(path: String, limit: Int) throws {
        self.path = path
        target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let before = try Self.identity(of: target, path: path)
        do {
            bytes = try FileReader.read(target, limit: limit)
        } catch FileReader.Failure.system(let reason) {
            throw TwilintError.unreadable(path: path, reason: reason)
        } catch FileReader.Failure.tooLarge(let size) {
            throw TwilintError.unreadable(path: path, reason: "\(size) bytes is over the \(limit)-byte limit")
        }
        identity = before
        guard try Self.identity(of: target, path: path) == before else {
            throw TwilintError.unwritable(path: path, reason: "it changed while twilint read it; run twilint again")
        }
    }

    /// Replaces the file with `bytes` through a temporary file in its folder and a
    /// rename, keeping its permissions; refuses when the file changed since it was read.
    public func replace(with newBytes: [UInt8]) throws {
        guard let now = try? Self.identity(of: target, path: path), now == identity,
              (try? FileReader.read(target, limit: max(bytes.count, 1) * 2 + 1)) == bytes else {
            throw TwilintError.unwritable(path: path, reason: "it changed on disk since twilint read it; it was left as it is, run twilint again")
        }
        let folder = (target as NSString).deletingLastPathComponent
        let temporary = (folder as NSString).appendingPathComponent(".\((target as NSString).lastPathComponent).twilint-\(getpid()).tmp")
        var info = stat()
        let mode = stat(target, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        guard FileManager.default.createFile(atPath: temporary, contents: Data(newBytes), attributes: [.posixPermissions: Int(mode)]) else {
            throw TwilintError.unwritable(path: path, reason: "its folder does not accept a temporary file (permission denied?)")
        }
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw TwilintError.unwritable(path: path, reason: reason)
        }
    }

    private static func identity(of target: String, path: String) throws -> Identity {
        var info = stat()
        guard stat(target, &info) == 0 else { throw TwilintError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw TwilintError.unwritable(path: path, reason: "it is not a regular file, so twilint does not rewrite it")
        }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        #else
        let modified = info.st_mtim
        #endif
        return Identity(size: Int64(info.st_size), seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                        inode: UInt64(info.st_ino))
    }
}
