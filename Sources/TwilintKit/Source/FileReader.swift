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

/// Reads whole files with one `read` loop into one buffer.
public enum FileReader {
    public enum Failure: Error, Equatable {
        /// The file is larger than the limit; carries its size in bytes.
        case tooLarge(Int)
        /// The OS refused; carries its message.
        case system(String)
    }

    /// The bytes of the file at `path`, refusing files over `limit` bytes.
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure.system(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure.system(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw Failure.system("is a folder") }
        let size = Int(info.st_size)
        guard size <= limit else { throw Failure.tooLarge(size) }

        // Size from fstat is a hint: the file may grow or shrink while we read.
        // One spare byte lets the common case see end-of-file without growing.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard bytes.count < limit else { throw Failure.tooLarge(bytes.count + 1) }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure.system(String(cString: strerror(errno)))
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return bytes
    }
}
