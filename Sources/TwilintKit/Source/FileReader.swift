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
}
