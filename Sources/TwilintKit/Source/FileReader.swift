#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif

/// Reads whole files with one `read` loop into one buffer. Only regular files are
/// read: a FIFO, socket or device could block forever or never end.
public enum FileReader {
    public enum Failure: Error, Equatable {
        /// The file is larger than the limit; carries its size in bytes.
        case tooLarge(Int)
        /// The path is not a regular file; carries what it is ("a FIFO", "a folder").
        case notRegular(String)
        /// The OS refused; carries its message.
        case system(String)

        /// Why the file was not read, as a clause for a message ("it is a FIFO, not a regular file").
        public var reason: String {
            switch self {
            case let .tooLarge(size): return "\(size) bytes is over the size limit"
            case let .notRegular(kind): return "it is \(kind), not a regular file"
            case let .system(message): return message
            }
        }
    }

    /// The bytes of the file at `path`, refusing files over `limit` bytes and
    /// anything that is not a regular file.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        // stat first, so a device is never even opened (opening some has side effects);
        // then open without blocking (a FIFO swapped in meanwhile would wait for a
        // writer) and check again what was opened.
        var info = stat()
        guard stat(path, &info) == 0 else { throw Failure.system(String(cString: strerror(errno))) }
        if let kind = kind(of: info.st_mode) { throw Failure.notRegular(kind) }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else { throw Failure.system(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { throw Failure.system(String(cString: strerror(errno))) }
        if let kind = kind(of: info.st_mode) { throw Failure.notRegular(kind) }
        let size = Int(info.st_size)
        guard size <= limit else { throw Failure.tooLarge(size) }

        // Size from fstat is a hint: the file may grow or shrink while we read.
        // One spare byte lets the common case see end-of-file without growing, and
        // the buffer is not zeroed first (that memset cost as much as the read).
        var bytes = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            count = try fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor)
        }
        if bytes.count == size + 1 {
            // It grew: read on in chunks, up to the limit.
            var chunk = [UInt8](repeating: 0, count: 64 << 10)
            while true {
                let count = try chunk.withUnsafeMutableBytes { try fill($0, from: descriptor) }
                bytes += chunk[..<count]
                guard bytes.count <= limit else { throw Failure.tooLarge(bytes.count) }
                if count < chunk.count { break }
            }
        }
        return bytes
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read.
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) throws -> Int {
        var total = 0
        while total < buffer.count {
            let count = systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.system(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
        }
        return total
    }

    /// What a file that is not regular is, in words; nil for a regular file.
    public static func kind(of mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "an unknown kind of file"
        }
    }
}
