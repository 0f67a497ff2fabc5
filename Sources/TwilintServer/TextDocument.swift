/// An open editor buffer: its text as UTF-8 bytes, its version, and the line
/// index that turns LSP positions into byte offsets and back. Lines end at `\n`
/// (a `\r` before it belongs to the line break, not the line).
public struct TextDocument: Sendable {
    public let uri: String
    /// The file-system path the buffer stands for: it decides the language and the configuration.
    public let path: String
    public private(set) var version: Int
    public private(set) var bytes: [UInt8]
    private var lineStarts: [Int] = [0]

    public init(uri: String, path: String, version: Int, text: String) {
        self.uri = uri
        self.path = path
        self.version = version
        bytes = Array(text.utf8)
        indexLines()
    }

    public var lineCount: Int { lineStarts.count }

    /// Applies `didChange` content changes in order: each replaces its range (or,
    /// without one, the whole text).
    public mutating func apply(_ changes: [JSON], version: Int, encoding: PositionEncoding) throws {
        for change in changes {
            guard let text = change["text"]?.string else { throw Problem("a content change has no 'text'") }
            if let range = change["range"] {
                guard let start = Position(range["start"]), let end = Position(range["end"]) else {
                    throw Problem("a content change has a malformed 'range'")
                }
                let lower = offset(of: start, encoding: encoding), upper = max(lower, offset(of: end, encoding: encoding))
                bytes.replaceSubrange(lower..<upper, with: Array(text.utf8))
            } else {
                bytes = Array(text.utf8)
            }
            indexLines()
        }
        self.version = version
    }

    /// Replaces the whole text (`didSave` with `includeText`).
    public mutating func replace(with text: String) {
        bytes = Array(text.utf8)
        indexLines()
    }

    /// A problem with a change a client sent.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The byte offset of `position`. A character past the line's end means the end of
    /// the line and a line past the last means the end of the text, as LSP asks; a
    /// position inside a character (half a surrogate pair) moves to its end.
    public func offset(of position: Position, encoding: PositionEncoding) -> Int {
        guard position.line < lineStarts.count else { return bytes.count }
        let end = contentEnd(ofLine: position.line)
        var offset = lineStarts[position.line], counted = 0
        while offset < end, counted < position.character {
            counted += encoding.units(lead: bytes[offset])
            offset = min(end, offset + PositionEncoding.sequenceLength(bytes[offset]))
        }
        return offset
    }

    /// The position of byte `offset`.
    public func position(of offset: Int, encoding: PositionEncoding) -> Position {
        let target = min(max(0, offset), bytes.count)
        let line = max(0, lineStarts.partitionPoint { $0 > target } - 1)
        var index = lineStarts[line], character = 0
        while index < target {
            character += encoding.units(lead: bytes[index])
            index += PositionEncoding.sequenceLength(bytes[index])
        }
        return Position(line: line, character: character)
    }

    /// Where line `line`'s text ends, before its `\n` or `\r\n`.
    private func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : bytes.count
        if end > lineStarts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    private mutating func indexLines() {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
        lineStarts = starts
    }
}
