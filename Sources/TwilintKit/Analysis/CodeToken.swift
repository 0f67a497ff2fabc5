/// One lexical token of code: what heuristics read instead of raw bytes.
/// Comments are dropped; each string or regex literal piece is one token.
public struct CodeToken: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case identifier
        case number
        case string
        case regex
        /// Operators and brackets: one byte, or one of `=>`, `->`, `==`, `===`, `!=`,
        /// `!==`, `<=`, `>=`, `&&`, `||`, `??`, `?.`, `...`.
        case punctuation
    }

    public var kind: Kind
    public var range: Range<Int>
}

/// Splits a file's code into `CodeToken`s using the tokenizer's spans.
enum CodeLexer {
    private static let multiByteOperators: [[UInt8]] = ["===", "!==", "...", "=>", "->", "==", "!=", "<=", ">=", "&&", "||", "??", "?."]
        .map { Array($0.utf8) }

    /// The second bytes of `multiByteOperators`.
    private static func isOperatorSecondByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "."), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "?"): return true
        default: return false
        }
    }

    static func tokens(of file: SourceFile) -> [CodeToken] {
        let spans = file.spans.spans
        var tokens: [CodeToken] = []
        tokens.reserveCapacity(file.bytes.count / 4)
        let python = file.language == .python
        file.withBytes { bytes in
            var index = 0
            var spanIndex = 0
            while index < bytes.count {
                if spanIndex < spans.count, spans[spanIndex].range.lowerBound <= index {
                    let span = spans[spanIndex]
                    spanIndex += 1
                    switch span.kind {
                    case .string: tokens.append(CodeToken(kind: .string, range: span.range))
                    case .regex: tokens.append(CodeToken(kind: .regex, range: span.range))
                    case .code, .comment, .markup: break
                    }
                    index = max(index, span.range.upperBound)
                    continue
                }
                let end = spanIndex < spans.count ? spans[spanIndex].range.lowerBound : bytes.count
                let byte = bytes[index]
                if ASCII.isWhitespace(byte) {
                    index += 1
                } else if python, byte == UInt8(ascii: "\\"), let next = continuationEnd(after: index, in: bytes) {
                    // `client.messages \` + newline: one logical line, as Python reads it.
                    index = next
                } else if ASCII.isIdentifier(byte) || byte == ASCII.dollar {
                    var stop = index + 1
                    while stop < end, ASCII.isIdentifier(bytes[stop]) || bytes[stop] == ASCII.dollar { stop += 1 }
                    let kind: CodeToken.Kind = ASCII.isDigit(byte) ? .number : .identifier
                    tokens.append(CodeToken(kind: kind, range: index..<stop))
                    index = stop
                } else {
                    var length = 1
                    // Every longer operator has one of these second bytes; most punctuation has not.
                    let mayBeLonger = index + 1 < end && isOperatorSecondByte(bytes[index + 1])
                    for candidate in multiByteOperators where mayBeLonger && index + candidate.count <= end {
                        if candidate.indices.allSatisfy({ bytes[index + $0] == candidate[$0] }) {
                            length = candidate.count
                            break
                        }
                    }
                    tokens.append(CodeToken(kind: .punctuation, range: index..<(index + length)))
                    index += length
                }
            }
        }
        return tokens
    }

    /// Past the line break right after a backslash at `index`, if there is one.
    static func continuationEnd(after index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if index + 1 < bytes.count, bytes[index + 1] == ASCII.newline { return index + 2 }
        if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\r"), bytes[index + 2] == ASCII.newline { return index + 3 }
        return nil
    }
}
