#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file is code someone writes, not a minified bundle: the behaviour rules
/// (TW003–TW010) reason about functions, calls and names, which a minifier
/// mangles, and a finding in a bundle belongs to the source it was built from
/// (which twilint scans). The secret rules still read bundles: a credential in
/// one has shipped. Minified means named `*.min.js` (`.mjs`, `.cjs`), or 64 KiB
/// or larger with lines that average over 1 KiB in its first 64 KiB (bundlers
/// emit lines of hundreds of kilobytes; hand-written code stays under 100 bytes).
public struct HandWritten: MatchCondition {
    public let name = "hand-written"
    static let sample = 64 << 10

    public init() {}

    public func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }

    public func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) { !Self.isMinified(path: file.path, bytes: file.bytes) }
    }

    static func isMinified(path: String, bytes: [UInt8]) -> Bool {
        if [".min.js", ".min.mjs", ".min.cjs"].contains(where: path.hasSuffix) { return true }
        guard bytes.count >= sample else { return false }
        // Fewer than one line break per KiB of the sample.
        return bytes.withUnsafeBufferPointer { buffer in
            var breaks = 0
            var offset = 0
            while breaks < sample >> 10, offset < sample, let hit = memchr(buffer.baseAddress! + offset, 0x0A, sample - offset) {
                breaks += 1
                offset = UnsafeRawPointer(hit) - UnsafeRawPointer(buffer.baseAddress!) + 1
            }
            return breaks < sample >> 10
        }
    }
}
