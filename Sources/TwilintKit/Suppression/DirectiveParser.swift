import Foundation

/// Finds the `twilint:` directives of a file. Only comments count (the file's
/// tokenizer says where they are), so `"twilint: ignore"` in a string does
/// nothing; in plain-text files, which have no tokenizer, a directive counts
/// after `#`, `//` or `<!--` on its line.
public enum DirectiveParser {
    static let marker = Array("twilint:".utf8)
    /// Keywords longest first, so `ignore-next-line` is not read as `ignore`.
    static let keywords = SuppressionDirective.Kind.allCases.sorted { $0.rawValue.count > $1.rawValue.count }

    /// Whether `bytes` hold `twilint:` at all: the cheap test before any parsing.
    public static func mayHoldDirectives(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.firstOffset(of: marker, in: bytes, from: 0) != nil
    }

    /// The directives of `file`, in order.
    public static func directives(in file: SourceFile) -> [SuppressionDirective] {
        file.withBytes { bytes in
            var directives: [SuppressionDirective] = []
            var offset = 0
            while let hit = ByteSearch.firstOffset(of: marker, in: bytes, from: offset) {
                offset = hit + marker.count
                guard let end = commentEnd(at: hit, in: file) else { continue }
                if let directive = parse(bytes, from: hit, to: end, in: file) { directives.append(directive) }
            }
            return directives
        }
    }

    /// Where the comment holding `offset` ends (at the end of the line at most), or nil when `offset` is not in a comment.
    private static func commentEnd(at offset: Int, in file: SourceFile) -> Int? {
        let line = file.lineRange(containing: offset)
        if file.language == .text {
            let before = file.text(line.lowerBound..<offset)
            return ["#", "//", "<!--"].contains { before.contains($0) } ? line.upperBound : nil
        }
        let spans = file.spans
        guard spans.kind(at: offset) == .comment else { return nil }
        var end = offset
        while end < line.upperBound, spans.kind(at: end) == .comment { end += 1 }
        return end
    }

    /// Reads `twilint: KIND[RULES] -- REASON` from `start` (the marker) up to `end`.
    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, in file: SourceFile) -> SuppressionDirective? {
        var cursor = skipBlanks(bytes, start + marker.count, end)
        guard let kind = keywords.first(where: { bytes[cursor..<end].starts(with: $0.rawValue.utf8) }) else { return nil }
        cursor += kind.rawValue.utf8.count
        if cursor < end, continuesWord(bytes, at: cursor, end) { return nil }
        var rules: [String] = []
        if cursor < end, bytes[cursor] == UInt8(ascii: "[") {
            guard let close = bytes[cursor..<end].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            rules = file.text(cursor + 1..<close).split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            cursor = close + 1
        }
        let range = start..<cursor
        var reason: String?
        let rest = skipBlanks(bytes, cursor, end)
        if bytes[rest..<end].starts(with: "--".utf8) {
            var text = file.text(rest + 2..<end).trimmingCharacters(in: .whitespaces)
            for closer in ["*/", "-->", "\"\"\"", "'''"] where text.hasSuffix(closer) {
                text = String(text.dropLast(closer.count)).trimmingCharacters(in: .whitespaces)
            }
            reason = text.isEmpty ? nil : text
        }
        return SuppressionDirective(kind: kind, rules: rules, reason: reason, range: range, line: file.position(of: start).line)
    }

    private static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        return index
    }

    /// Whether the keyword just read goes on as a longer word (`ignored`, `ignore-all`),
    /// which is not a directive; `ignore--reason` and `ignore[` end it.
    private static func continuesWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ end: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "-") { return !(index + 1 < end && bytes[index + 1] == UInt8(ascii: "-")) }
        return (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
    }
}
