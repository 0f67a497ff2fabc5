#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// Writes what twilint was asked to write (`--output`, `--write-baseline`,
/// standard output), checking every write.
///
/// A regular file (or a missing one) is replaced whole: the bytes go to a
/// temporary file beside it, renamed over it only once all of them are written,
/// so a full disk leaves the old file as it was and no partial report. Anything
/// else — a FIFO, a device such as `/dev/full`, a terminal — is written into
/// in place, as renaming over it would replace the node itself. A symbolic link
/// is followed: the file it points to is the one replaced.
public enum OutputFile {
    /// Writes `text` to `path`; throws `TwilintError.unwritable` naming `path`.
    public static func write(_ text: String, to path: String) throws {
        let target = resolved(path)
        var info = stat()
        if lstat(target, &info) != 0 {
            guard errno == ENOENT || errno == ENOTDIR else { throw failure(path, system: errno) }
            try replace(target, with: text, mode: nil, shownAs: path)
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try replace(target, with: text, mode: info.st_mode & 0o7777, shownAs: path)
        case S_IFDIR:
            throw TwilintError.unwritable(path: path, reason: "it is a folder; name a file to write")
        default:
            let descriptor = open(target, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw failure(path, system: errno) }
            let written = writeAll(text, to: descriptor)
            let closed = close(descriptor) == 0 ? 0 : errno
            if let error = written ?? (closed == 0 ? nil : closed) { throw failure(path, system: error) }
        }
    }

    /// Writes `text` to standard output; throws `TwilintError.unwritable` when it cannot.
    public static func writeStandardOutput(_ text: String) throws {
        if let error = writeAll(text, to: STDOUT_FILENO) {
            throw TwilintError.unwritable(path: "standard output", reason: "\(message(error)); the report is incomplete")
        }
    }

    /// Writes `text` to standard error; a failure is ignored, as there is nowhere left to report it.
    public static func writeStandardError(_ text: String) {
        _ = writeAll(text, to: STDERR_FILENO)
    }

    /// Closes standard output once everything is written: a file system may report
    /// a failed write only then (NFS, quotas). Throws `TwilintError.unwritable`.
    public static func closeStandardOutput() throws {
        guard close(STDOUT_FILENO) != 0, errno != EBADF, errno != EINTR else { return }
        throw TwilintError.unwritable(path: "standard output", reason: "\(message(errno)); the report may be incomplete")
    }

    /// The path a symbolic link leads to, when it leads to something; `path` otherwise
    /// (a missing path, or a link to nothing, is created where it is named).
    private static func resolved(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Writes a temporary file beside `target` and renames it over `target`.
    /// `mode` is the replaced file's; nil for a new file.
    private static func replace(_ target: String, with text: String, mode: mode_t?, shownAs path: String) throws {
        let folder = target.lastIndex(of: "/").map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0 else {
            throw TwilintError.unwritable(path: path, reason: "the folder \(folder) does not exist; create it first or name another file")
        }
        guard folderInfo.st_mode & S_IFMT == S_IFDIR else {
            throw TwilintError.unwritable(path: path, reason: "\(folder) is not a folder; name a file in a folder")
        }
        let name = target.lastIndex(of: "/").map { String(target[target.index(after: $0)...]) } ?? target
        var template = Array("\(folder)/.\(name).twilint-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure(path, system: errno) }
        let temporary = String(cString: template)
        // mkstemp makes the file 0600; a new report gets the usual 0666 less the umask,
        // a replaced one keeps its mode.
        fchmod(descriptor, mode ?? newFileMode())
        let written = writeAll(text, to: descriptor)
        let closed = close(descriptor) == 0 ? 0 : errno
        if let error = written ?? (closed == 0 ? nil : closed) {
            unlink(temporary)
            throw TwilintError.unwritable(path: path, reason: "\(message(error)); the file was left as it was")
        }
        guard rename(temporary, target) == 0 else {
            let error = errno
            unlink(temporary)
            throw failure(path, system: error)
        }
    }

    /// 0666 less the umask, as `open` with `O_CREAT` would make it.
    private static func newFileMode() -> mode_t {
        let mask = umask(0)
        umask(mask)
        return 0o666 & ~mask
    }

    /// Writes every byte, retrying short writes and interruptions; returns the errno of a failure.
    private static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += count
            }
            return nil
        }
    }

    private static func failure(_ path: String, system error: Int32) -> TwilintError {
        TwilintError.unwritable(path: path, reason: message(error))
    }

    /// strerror's text, with what to do for the failures users meet.
    private static func message(_ error: Int32) -> String {
        let text = String(cString: strerror(error))
        switch error {
        case ENOSPC: return "\(text) (the disk is full; free some space or write elsewhere)"
        case EACCES, EPERM, EROFS: return "\(text) (choose a path you may write to)"
        default: return text
        }
    }
}
