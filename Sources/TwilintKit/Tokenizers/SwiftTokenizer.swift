/// Finds comments (block comments nest), string literals (single-line,
/// multi-line, raw with any number of `#`) and regex literals in Swift.
///
/// Interpolations `\(…)` (`\#(…)` in raw strings) are code between two string
/// spans, and may nest strings to any depth. A bare `/…/` is a regex literal only
/// where an operand may start, when it does not begin with a blank or `)` and
/// closes on the same line; otherwise `/` is an operator, as in Swift 5.7+.
public struct SwiftTokenizer: Tokenizer {
    public init() {}

    public func spans(in text: UnsafeBufferPointer<UInt8>) -> [Span] {
        var lexer = SwiftLexer(text: ByteText(text))
        lexer.run()
        return lexer.spans.spans
    }
}

/// The scanning state of one `SwiftTokenizer` run. Interpolation nesting lives on
/// an explicit stack, so deeply nested input cannot overflow the call stack.
private struct SwiftLexer {
    /// How a string literal in progress is closed: `"` or `"""`, then `hashes` times `#`.
    private struct Delimiter {
        var hashes: Int
        var multiline: Bool
    }

    private enum Frame {
        /// The text of a string literal.
        case text(Delimiter)
        /// The code of an interpolation; `depth` counts the parentheses open inside it.
        case interpolation(Delimiter, depth: Int)
    }

    /// Keywords after which an operand, not an operator, comes next.
    private static let operandKeywords: [StaticString] = [
        "return", "case", "try", "await", "in", "throw", "where", "if", "guard", "while", "switch",
    ]

    let text: ByteText
    private(set) var spans: SpanCollector
    private var pos = 0
    /// Empty while scanning top-level code.
    private var stack: [Frame] = []
    /// True where an operand may start, so that `/` there opens a regex literal.
    private var expectsOperand = true
    /// Where the string text being scanned began.
    private var textStart = 0
    /// A bare `/` before this offset is never a regex: an earlier attempt on the same
    /// line found no closing slash, and retrying would make long lines quadratic.
    private var noRegexBefore = 0

    init(text: ByteText) {
        self.text = text
        self.spans = SpanCollector(limit: text.count)
    }

    mutating func run() {
        while pos < text.count {
            switch stack.last {
            case nil: scanCode(interpolation: nil, depth: 0)
            case .interpolation(let delimiter, let depth): scanCode(interpolation: delimiter, depth: depth)
            case .text(let delimiter): scanText(delimiter)
            }
        }
    }

    // MARK: - Code

    /// Scans one token of code: top-level code when `interpolation` is nil, else
    /// the code of an interpolation in a string with that delimiter.
    private mutating func scanCode(interpolation: Delimiter?, depth: Int) {
        let byte = text[pos]
        switch byte {
        case _ where ASCII.isLineBreak(byte):
            if let interpolation, !interpolation.multiline {
                // A single-line string cannot continue past the line: recover by
                // ending the interpolation and letting the string's text end too.
                leaveInterpolation()
                return
            }
            pos += 1
        case _ where ASCII.isWhitespace(byte):
            pos += 1
        case ASCII.slash:
            scanSlash()
        case ASCII.hash:
            let hashes = text.run(of: ASCII.hash, from: pos)
            let after = text[pos + hashes]
            if after == ASCII.doubleQuote {
                startString(at: pos, hashes: hashes)
            } else if after == ASCII.slash {
                scanExtendedRegex(hashes: hashes)
            } else {
                // `#if`, `#selector(…)`: the name that follows decides.
                pos += hashes
            }
        case ASCII.doubleQuote:
            startString(at: pos, hashes: 0)
        case ASCII.openParen:
            if interpolation != nil { setDepth(depth + 1) }
            pos += 1
            expectsOperand = true
        case ASCII.closeParen:
            pos += 1
            if interpolation != nil, depth == 0 {
                leaveInterpolation()
            } else {
                if interpolation != nil { setDepth(depth - 1) }
                expectsOperand = false
            }
        case ASCII.closeBracket, ASCII.closeBrace:
            pos += 1
            expectsOperand = false
        case ASCII.bang where isPostfix, ASCII.question where isPostfix:
            // Postfix `x!/2`, `x?.y`: the operand is still the last thing seen.
            // A ternary `?` has blanks around it, so it is not postfix.
            pos += 1
        case ASCII.backtick:
            // An escaped name: `default`.
            let end = text.lineEnd(from: pos + 1)
            var close = pos + 1
            while close < end, text[close] != ASCII.backtick { close += 1 }
            pos = min(close + 1, end)
            expectsOperand = false
        case _ where ASCII.isDigit(byte):
            while pos < text.count, ASCII.isIdentifier(text[pos]) || text[pos] == ASCII.dot && ASCII.isDigit(text[pos + 1]) {
                pos += 1
            }
            expectsOperand = false
        case _ where ASCII.isIdentifier(byte) || byte == ASCII.dollar:
            let start = pos
            while pos < text.count, ASCII.isIdentifier(text[pos]) || text[pos] == ASCII.dollar { pos += 1 }
            expectsOperand = text.isOne(of: Self.operandKeywords, in: start..<pos)
        default:
            pos += 1
            expectsOperand = true
        }
    }

    /// Whether the operator byte at `pos` hugs the operand before it, as only a
    /// postfix operator does.
    private var isPostfix: Bool {
        !expectsOperand && pos > 0 && !ASCII.isWhitespace(text[pos - 1])
    }

    private mutating func setDepth(_ depth: Int) {
        if case .interpolation(let delimiter, _) = stack.last {
            stack[stack.count - 1] = .interpolation(delimiter, depth: depth)
        }
    }

    private mutating func leaveInterpolation() {
        stack.removeLast()
        textStart = pos
    }

    private mutating func scanSlash() {
        let next = text[pos + 1]
        if next == ASCII.slash {
            let end = text.lineEnd(from: pos)
            spans.add(.comment, from: pos, to: end)
            pos = end
        } else if next == ASCII.star {
            scanBlockComment()
        } else if expectsOperand, let end = bareRegexEnd(from: pos) {
            spans.add(.regex, from: pos, to: end)
            pos = end
            expectsOperand = false
        } else {
            pos += 1
            expectsOperand = true
        }
    }

    /// Block comments nest in Swift: `/* a /* b */ still comment */`.
    private mutating func scanBlockComment() {
        let start = pos
        var nesting = 0
        while pos < text.count {
            if text[pos] == ASCII.slash, text[pos + 1] == ASCII.star {
                nesting += 1
                pos += 2
            } else if text[pos] == ASCII.star, text[pos + 1] == ASCII.slash {
                nesting -= 1
                pos += 2
                if nesting == 0 { break }
            } else {
                pos += 1
            }
        }
        spans.add(.comment, from: start, to: pos)
    }

    /// The end of a bare regex literal at the `/` at `start`, or nil when it is
    /// an operator: SE-0354 rules out a literal that starts with a blank (`a / b`)
    /// or with `)` (the unapplied operator in `reduce(1, /)`), and one that does
    /// not close on its line.
    private mutating func bareRegexEnd(from start: Int) -> Int? {
        let first = text[start + 1]
        guard start >= noRegexBefore, !ASCII.isWhitespace(first), first != ASCII.closeParen else { return nil }
        var index = start + 1
        var classDepth = 0
        while index < text.count {
            let byte = text[index]
            if ASCII.isLineBreak(byte) { break }
            if byte == ASCII.backslash {
                index += ASCII.isLineBreak(text[index + 1]) ? 1 : 2
                continue
            }
            if byte == ASCII.openBracket {
                classDepth += 1
            } else if byte == ASCII.closeBracket, classDepth > 0 {
                classDepth -= 1
            } else if byte == ASCII.slash, classDepth == 0 {
                return index + 1
            }
            index += 1
        }
        noRegexBefore = index
        return nil
    }

    /// `#/…/#`, `##/…/##`: may span lines only when the opening delimiter ends its line.
    private mutating func scanExtendedRegex(hashes: Int) {
        let start = pos
        pos += hashes + 1
        let multiline = ASCII.isLineBreak(text[text.skipBlanks(from: pos)])
        while pos < text.count {
            let byte = text[pos]
            if byte == ASCII.backslash {
                pos += 2
            } else if byte == ASCII.slash, text.run(of: ASCII.hash, from: pos + 1) >= hashes {
                pos += 1 + hashes
                break
            } else if !multiline, ASCII.isLineBreak(byte) {
                break
            } else {
                pos += 1
            }
        }
        spans.add(.regex, from: start, to: pos)
        expectsOperand = false
    }

    // MARK: - Strings

    /// Opens a string literal whose first `#` (or `"`) is at `start`.
    private mutating func startString(at start: Int, hashes: Int) {
        let quote = start + hashes
        let multiline = text[quote + 1] == ASCII.doubleQuote && text[quote + 2] == ASCII.doubleQuote
        pos = quote + (multiline ? 3 : 1)
        textStart = start
        stack.append(.text(Delimiter(hashes: hashes, multiline: multiline)))
    }

    /// Scans string text up to the closing delimiter or to an interpolation.
    private mutating func scanText(_ delimiter: Delimiter) {
        while pos < text.count {
            let byte = text[pos]
            if byte == ASCII.backslash {
                let escaped = pos + 1 + delimiter.hashes
                guard text.run(of: ASCII.hash, from: pos + 1) >= delimiter.hashes else {
                    // A lone backslash in a raw string is just text.
                    pos += 1
                    continue
                }
                if text[escaped] == ASCII.openParen {
                    spans.add(.string, from: textStart, to: pos)
                    pos = escaped + 1
                    stack.append(.interpolation(delimiter, depth: 0))
                    expectsOperand = true
                    return
                }
                pos = ASCII.isLineBreak(text[escaped]) ? text.afterLineBreak(at: escaped) : escaped + 1
            } else if byte == ASCII.doubleQuote, let end = closingEnd(at: pos, delimiter) {
                pos = end
                break
            } else if !delimiter.multiline, ASCII.isLineBreak(byte) {
                break
            } else {
                pos += 1
            }
        }
        spans.add(.string, from: textStart, to: pos)
        stack.removeLast()
        expectsOperand = false
    }

    /// The end of the closing delimiter starting at the `"` at `offset`, or nil
    /// when that quote is text (too few quotes or `#`s after it).
    private func closingEnd(at offset: Int, _ delimiter: Delimiter) -> Int? {
        let quotes = delimiter.multiline ? 3 : 1
        guard text.run(of: ASCII.doubleQuote, from: offset) >= quotes,
              text.run(of: ASCII.hash, from: offset + quotes) >= delimiter.hashes
        else { return nil }
        return offset + quotes + delimiter.hashes
    }
}
