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
/// Compiler output is not hand-written either: a JS file that ends with a
/// `//# sourceMappingURL=` comment, or that starts with TypeScript's or Babel's
/// CommonJS preamble (`Object.defineProperty(exports, "__esModule", …)`) — its
/// findings belong to the `.ts` it was compiled from.
public struct HandWritten: MatchCondition {
    public let name = "hand-written"
    static let sample = 64 << 10

    public init() {}

    public func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }

    public func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) { !Self.isMinified(path: file.path, bytes: file.bytes) && !Self.isCompiled(file) }
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

    private static let sourceMapComment = Array("//# sourceMappingURL=".utf8)
    private static let commonJSPreamble = Array("Object.defineProperty(exports, \"__esModule\"".utf8)

    static func isCompiled(_ file: SourceFile) -> Bool {
        guard file.language == .javascript else { return false }
        return file.withBytes { bytes in
            let tail = UnsafeBufferPointer(rebasing: bytes[max(0, bytes.count - 512)...])
            let head = UnsafeBufferPointer(rebasing: bytes[..<min(bytes.count, 2048)])
            return ByteSearch.firstOffset(of: sourceMapComment, in: tail) != nil || ByteSearch.firstOffset(of: commonJSPreamble, in: head) != nil
        }
    }
}
