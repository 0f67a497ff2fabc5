#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over bytes: `memchr` to each candidate position of the needle's
/// rarest byte, then a compare. (`memmem` is a GNU extension Swift's Glibc module
/// does not export; anchoring on a rare byte keeps `memchr` from stopping at every `t`.)
enum ByteSearch {
    static func firstOffset<Needle: Collection>(of needle: Needle, in bytes: UnsafeBufferPointer<UInt8>, from offset: Int = 0) -> Int?
    where Needle.Element == UInt8 {
        let pattern = Array(needle)
        guard let base = bytes.baseAddress, !pattern.isEmpty else { return pattern.isEmpty ? offset : nil }
        let anchor = pattern.indices.min { commonness(pattern[$0]) < commonness(pattern[$1]) }!
        let length = pattern.count
        var start = offset
        while start + length <= bytes.count {
            let from = start + anchor, span = bytes.count - length + 1 - start
            guard let hit = memchr(base + from, Int32(pattern[anchor]), span) else { return nil }
            let index = (UnsafeRawPointer(hit) - UnsafeRawPointer(base)) - anchor
            if bytes[index..<(index + length)].elementsEqual(pattern) { return index }
            start = index + 1
        }
        return nil
    }

    /// A rough rank of how often a byte occurs in source code: lower is rarer.
    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "j"), UInt8(ascii: "k"), UInt8(ascii: "q"), UInt8(ascii: "v"), UInt8(ascii: "w"),
             UInt8(ascii: "x"), UInt8(ascii: "y"), UInt8(ascii: "z"): return 1
        case UInt8(ascii: " "), UInt8(ascii: "e"), UInt8(ascii: "t"), UInt8(ascii: "a"), UInt8(ascii: "o"),
             UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "s"), UInt8(ascii: "r"), UInt8(ascii: "\n"): return 3
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "."),
             UInt8(ascii: "_"), UInt8(ascii: "="), UInt8(ascii: ","), UInt8(ascii: "\""), UInt8(ascii: "'"): return 2
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ":"): return 1
        default: return 0
        }
    }
}

extension String {
    /// Whether `other` occurs in the string, compared byte for byte. Heuristics call
    /// this in hot loops; Foundation's `contains` bridges to NSString on Linux and
    /// is tens of times slower. (Byte equality is exact for the ASCII needles used here.)
    func contains(_ other: String) -> Bool {
        var haystack = self
        return haystack.withUTF8 { ByteSearch.firstOffset(of: other.utf8, in: $0) != nil }
    }
}

extension SourceFile {
    /// Whether the file's bytes contain `needle`.
    func contains(_ needle: String) -> Bool {
        withBytes { ByteSearch.firstOffset(of: needle.utf8, in: $0) != nil }
    }
}
