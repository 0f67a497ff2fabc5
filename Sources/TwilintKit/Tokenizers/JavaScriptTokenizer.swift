/// Finds comments, string and template-literal text, regex literals and, when
/// `jsx` is on, JSX text and attribute values in JavaScript and TypeScript.
///
/// Whether `/` starts a regex (and `<` an element) is decided by the previous
/// significant token, as a parser would: after an operand (a name, a number,
/// `)`, `]`, `}`, a literal) it is an operator; after an operator, a keyword
/// such as `return` or `typeof`, or at the start of the file it starts an operand.
public struct JavaScriptTokenizer: Tokenizer {
    /// Whether `<name` at an operand position opens a JSX element. Off for
    /// TypeScript, where `<T>x` is a type assertion.
    public let jsx: Bool

    public init(jsx: Bool) {
        self.jsx = jsx
    }

    public func spans(in text: UnsafeBufferPointer<UInt8>) -> [Span] {
        var lexer = JavaScriptLexer(text: ByteText(text), jsx: jsx)
        lexer.run()
        return lexer.spans.spans
    }
}

/// The scanning state of one `JavaScriptTokenizer` run. Nesting (template holes
/// inside templates inside holes, elements inside expressions inside elements)
/// lives on an explicit stack rather than the call stack, so deep nesting in a
/// hostile file cannot overflow it.
private struct JavaScriptLexer {
    private enum Frame {
        /// Code. `braces` counts the `{` opened inside it, so the `}` that closes
        /// a template hole or a JSX expression is told apart from a block's.
        case code(CodeKind, braces: Int)
        /// Between a JSX tag's `<` (or `</`) and its `>`.
        case tag(closing: Bool)
        /// Between an element's opening and closing tags.
        case children
    }

    private enum CodeKind {
        case file, templateHole, jsxExpression
    }

    /// Keywords after which an operand, not an operator, comes next.
    private static let operandKeywords: [StaticString] = [
        "return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
        "throw", "yield", "await", "instanceof", "default",
    ]

    let text: ByteText
    let jsx: Bool
    private(set) var spans: SpanCollector
    private var pos = 0
    private var stack: [Frame] = [.code(.file, braces: 0)]
    /// True where an operand may start: there `/` opens a regex and `<` an element.
    private var expectsOperand = true
    /// True right after a `.`: `x.return` names a property, not the keyword.
    private var afterDot = false
    /// A `/` before this offset is never a regex: an earlier attempt on the same
    /// line already found no closing slash, and retrying would make long lines quadratic.
    private var noRegexBefore = 0

    init(text: ByteText, jsx: Bool) {
        self.text = text
        self.jsx = jsx
        self.spans = SpanCollector(limit: text.count)
    }

    mutating func run() {
        if text.matches("#!", at: 0) {
            pos = text.lineEnd(from: 0)
            spans.add(.comment, from: 0, to: pos)
        }
        while pos < text.count {
            switch stack[stack.count - 1] {
            case .code(let kind, let braces): scanCode(kind, braces: braces)
            case .tag(let closing): scanTag(closing: closing)
            case .children: scanChildren()
            }
        }
    }

    // MARK: - Code

    private mutating func scanCode(_ kind: CodeKind, braces: Int) {
        let byte = text[pos]
        if ASCII.isWhitespace(byte) {
            pos += 1
            return
        }
        let wasAfterDot = afterDot
        afterDot = false
        switch byte {
        case ASCII.slash:
            scanSlash()
        case ASCII.singleQuote, ASCII.doubleQuote:
            scanQuoted(byte)
        case ASCII.backtick:
            let start = pos
            pos += 1
            scanTemplateText(from: start)
        case ASCII.openBrace:
            stack[stack.count - 1] = .code(kind, braces: braces + 1)
            pos += 1
            expectsOperand = true
        case ASCII.closeBrace:
            pos += 1
            if braces > 0 {
                stack[stack.count - 1] = .code(kind, braces: braces - 1)
                expectsOperand = false
            } else if kind == .templateHole {
                stack.removeLast()
                scanTemplateText(from: pos)
            } else if kind == .jsxExpression {
                stack.removeLast()
            } else {
                expectsOperand = false
            }
        case ASCII.closeParen, ASCII.closeBracket:
            pos += 1
            expectsOperand = false
        case ASCII.lessThan where jsx && expectsOperand && startsElement(at: pos):
            stack.append(.tag(closing: false))
            pos += 1
        case ASCII.dot:
            if ASCII.isDigit(text[pos + 1]) {
                scanNumber()
            } else if text.matches("...", at: pos) {
                pos += 3
                expectsOperand = true
            } else {
                pos += 1
                afterDot = true
                expectsOperand = true
            }
        case ASCII.plus where text[pos + 1] == byte && !expectsOperand,
             ASCII.minus where text[pos + 1] == byte && !expectsOperand:
            // Postfix `x++ / 2`: the operand is still the last thing seen.
            pos += 2
        case _ where ASCII.isDigit(byte):
            scanNumber()
        case _ where ASCII.isIdentifier(byte) || byte == ASCII.dollar:
            let start = pos
            pos = identifierEnd(from: pos)
            expectsOperand = !wasAfterDot && text.isOne(of: Self.operandKeywords, in: start..<pos)
        default:
            pos += 1
            expectsOperand = true
        }
    }

    private mutating func scanSlash() {
        let next = text[pos + 1]
        if next == ASCII.slash {
            let end = text.lineEnd(from: pos)
            spans.add(.comment, from: pos, to: end)
            pos = end
        } else if next == ASCII.star {
            let end = text.find("*/", from: pos + 2).map { $0 + 2 } ?? text.count
            spans.add(.comment, from: pos, to: end)
            pos = end
        } else if expectsOperand, let end = regexEnd(from: pos) {
            spans.add(.regex, from: pos, to: end)
            pos = end
            expectsOperand = false
        } else {
            pos += 1
            expectsOperand = true
        }
    }

    /// The end of a regex literal starting at the `/` at `start` (flags included),
    /// or nil when the line ends first, which makes that `/` a division after all.
    private mutating func regexEnd(from start: Int) -> Int? {
        guard start >= noRegexBefore else { return nil }
        var index = start + 1
        var inClass = false
        while index < text.count {
            let byte = text[index]
            if ASCII.isLineBreak(byte) { break }
            if byte == ASCII.backslash {
                if ASCII.isLineBreak(text[index + 1]) { break }
                index += 2
                continue
            }
            if byte == ASCII.openBracket {
                inClass = true
            } else if byte == ASCII.closeBracket {
                inClass = false
            } else if byte == ASCII.slash, !inClass {
                return text.identifierEnd(from: index + 1)
            }
            index += 1
        }
        noRegexBefore = index
        return nil
    }

    private mutating func scanQuoted(_ quote: UInt8) {
        let start = pos
        pos += 1
        while pos < text.count {
            let byte = text[pos]
            if byte == quote {
                pos += 1
                break
            }
            if byte == ASCII.backslash {
                // An escaped line break continues the string on the next line.
                pos = ASCII.isLineBreak(text[pos + 1]) ? text.afterLineBreak(at: pos + 1) : pos + 2
                continue
            }
            // A line break ends an unterminated string; the line break stays code.
            if ASCII.isLineBreak(byte) { break }
            pos += 1
        }
        spans.add(.string, from: start, to: pos)
        expectsOperand = false
    }

    /// Scans template text from `pos` to the closing backtick or to the next `${`,
    /// which opens a hole of code. `start` is where this stretch of text began.
    private mutating func scanTemplateText(from start: Int) {
        while pos < text.count {
            let byte = text[pos]
            if byte == ASCII.backslash {
                pos += 2
            } else if byte == ASCII.backtick {
                pos += 1
                break
            } else if byte == ASCII.dollar, text[pos + 1] == ASCII.openBrace {
                spans.add(.string, from: start, to: pos)
                pos += 2
                stack.append(.code(.templateHole, braces: 0))
                expectsOperand = true
                return
            } else {
                pos += 1
            }
        }
        spans.add(.string, from: start, to: pos)
        expectsOperand = false
    }

    private mutating func scanNumber() {
        // Digits, `.`, `_`, hex digits, exponents and the `n` of BigInts; an
        // exponent's sign reads as an operator, which is harmless here.
        while pos < text.count, ASCII.isIdentifier(text[pos]) || text[pos] == ASCII.dot {
            pos += 1
        }
        expectsOperand = false
    }

    private func identifierEnd(from offset: Int) -> Int {
        var index = offset
        while index < text.count, ASCII.isIdentifier(text[index]) || text[index] == ASCII.dollar {
            index += 1
        }
        return index
    }

    // MARK: - JSX

    /// Whether the `<` at `offset` (at an operand position) opens an element:
    /// `<>` or `<name`, but not a TSX generic arrow function (`<T,>` or `<T extends U>`).
    private func startsElement(at offset: Int) -> Bool {
        let next = text[offset + 1]
        if next == ASCII.greaterThan { return true }
        guard ASCII.isLetter(next) || next == ASCII.underscore || next == ASCII.dollar else { return false }
        var nameEnd = offset + 1
        while isTagNameByte(text[nameEnd]) { nameEnd += 1 }
        let after = text.skipBlanks(from: nameEnd)
        if text[after] == ASCII.comma { return false }
        return !(text.matches("extends", at: after) && !ASCII.isIdentifier(text[after + 7]))
    }

    /// Tag names may be namespaced (`svg:rect`), dotted (`Foo.Bar`) or dashed (`my-element`).
    private func isTagNameByte(_ byte: UInt8) -> Bool {
        ASCII.isIdentifier(byte) || byte == ASCII.dollar || byte == ASCII.dot || byte == ASCII.minus || byte == ASCII.colon
    }

    private mutating func scanTag(closing: Bool) {
        let byte = text[pos]
        switch byte {
        case ASCII.greaterThan:
            pos += 1
            stack.removeLast()
            if closing {
                // The closing tag also ends the children of the element it closes.
                if case .children = stack[stack.count - 1] { stack.removeLast() }
                finishElement()
            } else {
                stack.append(.children)
            }
        case ASCII.slash where text[pos + 1] == ASCII.greaterThan:
            pos += 2
            stack.removeLast()
            finishElement()
        case ASCII.slash where text[pos + 1] == ASCII.slash || text[pos + 1] == ASCII.star:
            scanSlash()
        case ASCII.singleQuote, ASCII.doubleQuote:
            // Attribute values have no escapes and may span lines.
            let start = pos
            pos = (text.find(byte == ASCII.singleQuote ? "'" : "\"", from: pos + 1) ?? text.count) + 1
            spans.add(.string, from: start, to: pos)
        case ASCII.openBrace:
            pos += 1
            stack.append(.code(.jsxExpression, braces: 0))
            expectsOperand = true
        default:
            // Tag and attribute names, `=`, whitespace: code.
            pos += 1
        }
    }

    private mutating func scanChildren() {
        let start = pos
        while pos < text.count, text[pos] != ASCII.lessThan, text[pos] != ASCII.openBrace {
            pos += 1
        }
        addTrimmedText(from: start, to: pos)
        guard pos < text.count else { return }
        if text[pos] == ASCII.openBrace {
            pos += 1
            stack.append(.code(.jsxExpression, braces: 0))
            expectsOperand = true
        } else if text[pos + 1] == ASCII.slash {
            pos += 2
            stack.append(.tag(closing: true))
        } else {
            // JSX text cannot hold a bare `<`, so any `<` here opens a child element.
            pos += 1
            stack.append(.tag(closing: false))
        }
    }

    /// JSX text without the indentation around it, which is layout, not text.
    private mutating func addTrimmedText(from start: Int, to end: Int) {
        var lower = start, upper = end
        while lower < upper, ASCII.isWhitespace(text[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(text[upper - 1]) { upper -= 1 }
        spans.add(.string, from: lower, to: upper)
    }

    /// After an element's last `>`: back in a parent's children, or in code,
    /// where the element is an operand.
    private mutating func finishElement() {
        if case .code = stack[stack.count - 1] { expectsOperand = false }
    }
}
