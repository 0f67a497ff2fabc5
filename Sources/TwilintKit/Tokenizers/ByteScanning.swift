/// Named ASCII bytes, so that scanners read like the grammar they follow.
enum ASCII {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang = UInt8(ascii: "!")
    static let doubleQuote = UInt8(ascii: "\"")
    static let hash = UInt8(ascii: "#")
    static let dollar = UInt8(ascii: "$")
    static let singleQuote = UInt8(ascii: "'")
    static let openParen = UInt8(ascii: "(")
    static let closeParen = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let plus = UInt8(ascii: "+")
    static let comma = UInt8(ascii: ",")
    static let minus = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let semicolon = UInt8(ascii: ";")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let question = UInt8(ascii: "?")
    static let openBracket = UInt8(ascii: "[")
    static let backslash = UInt8(ascii: "\\")
    static let closeBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let backtick = UInt8(ascii: "`")
    static let openBrace = UInt8(ascii: "{")
    static let pipe = UInt8(ascii: "|")
    static let closeBrace = UInt8(ascii: "}")

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || ((byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "f"))
    }

    /// Space or tab: the blanks that never end a line.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// `\n` or `\r`: a bare CR ends a line too, so CRLF and old Mac files both work.
    static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == newline || byte == carriageReturn
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        isBlank(byte) || isLineBreak(byte) || byte == 0x0B || byte == 0x0C
    }

    /// A byte that can continue an identifier in the C family of languages. Every
    /// byte of a multibyte UTF-8 sequence counts, so non-ASCII names stay whole.
    static func isIdentifier(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore || byte >= 0x80
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        isLetter(byte) ? byte | 0x20 : byte
    }
}

/// A file's bytes with the few look-ups every scanner needs. Reading past either
/// end yields 0, which matches no byte a scanner looks for, so look-ahead needs no
/// bounds checks of its own.
struct ByteText {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    var count: Int { bytes.count }

    subscript(offset: Int) -> UInt8 {
        offset >= 0 && offset < bytes.count ? bytes[offset] : 0
    }

    /// The offset of the first `\n` or `\r` at or after `offset`, or the end of the text.
    func lineEnd(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, !ASCII.isLineBreak(bytes[index]) { index += 1 }
        return index
    }

    /// The offset just past the line break at `offset` (`\n`, `\r` or `\r\n`).
    func afterLineBreak(at offset: Int) -> Int {
        if self[offset] == ASCII.carriageReturn, self[offset + 1] == ASCII.newline { return offset + 2 }
        return offset + 1
    }

    /// The first offset at or after `offset` that is not a space or tab.
    func skipBlanks(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, ASCII.isBlank(bytes[index]) { index += 1 }
        return index
    }

    /// The end of the identifier that starts at `offset` (`offset` itself when none does).
    func identifierEnd(from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, ASCII.isIdentifier(bytes[index]) { index += 1 }
        return index
    }

    /// How many times `byte` repeats from `offset` on.
    func run(of byte: UInt8, from offset: Int) -> Int {
        var index = offset
        while index < bytes.count, bytes[index] == byte { index += 1 }
        return index - offset
    }

    /// Whether the bytes at `offset` spell `literal` (an ASCII literal), optionally ignoring case.
    func matches(_ literal: StaticString, at offset: Int, ignoringCase: Bool = false) -> Bool {
        literal.withUTF8Buffer { expected in
            guard offset >= 0, offset + expected.count <= bytes.count else { return false }
            for index in 0..<expected.count {
                let actual = bytes[offset + index]
                if ignoringCase ? ASCII.lowercased(actual) != ASCII.lowercased(expected[index]) : actual != expected[index] {
                    return false
                }
            }
            return true
        }
    }

    /// Whether `range` holds exactly one of `words` (ASCII literals).
    func isOne(of words: [StaticString], in range: Range<Int>, ignoringCase: Bool = false) -> Bool {
        words.contains { word in
            word.utf8CodeUnitCount == range.count && matches(word, at: range.lowerBound, ignoringCase: ignoringCase)
        }
    }

    /// The offset of the first occurrence of `literal` at or after `offset`, or nil.
    func find(_ literal: StaticString, from offset: Int, ignoringCase: Bool = false) -> Int? {
        let first = literal.withUTF8Buffer { $0.first ?? 0 }
        let folded = ignoringCase ? ASCII.lowercased(first) : first
        var index = offset
        while index < bytes.count {
            let byte = ignoringCase ? ASCII.lowercased(bytes[index]) : bytes[index]
            if byte == folded, matches(literal, at: index, ignoringCase: ignoringCase) { return index }
            index += 1
        }
        return nil
    }
}

/// Collects spans in order, dropping empty ones and clipping any that would
/// overlap the previous one, so every tokenizer keeps the `Tokenizer` contract
/// even on input that confuses it.
/// Scanners may step past the end of the text (a two-byte escape at the last
/// byte), so ends are clipped to the text too.
struct SpanCollector {
    private(set) var spans: [Span] = []
    private let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ kind: SpanKind, from start: Int, to end: Int) {
        let lower = max(start, spans.last?.range.upperBound ?? start)
        let upper = min(end, limit)
        guard lower < upper else { return }
        spans.append(Span(kind, lower..<upper))
    }
}
