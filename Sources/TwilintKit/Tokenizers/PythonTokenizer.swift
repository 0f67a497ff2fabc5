/// Finds comments, string literals and docstrings in Python.
///
/// A docstring is any plain string literal that forms a whole statement: first
/// on its logical line, outside brackets, and followed only by the end of the
/// line, a comment or `;`. That covers module, class and function docstrings and
/// attribute docstrings after other statements, but not a call argument that
/// happens to sit alone on its line inside brackets.
///
/// f-strings (and 3.14 t-strings) are split around their replacement fields,
/// which are code; a field's format spec after `:` is string text again. Fields
/// may nest strings and f-strings to any depth, as Python 3.12 allows.
public struct PythonTokenizer: Tokenizer {
    public init() {}

    public func spans(in text: UnsafeBufferPointer<UInt8>) -> [Span] {
        var lexer = PythonLexer(text: ByteText(text))
        lexer.run()
        return lexer.spans.spans
    }
}

/// The scanning state of one `PythonTokenizer` run. f-string nesting lives on an
/// explicit stack, so deeply nested input cannot overflow the call stack.
private struct PythonLexer {
    /// How an f-string in progress is closed and escaped.
    private struct FString {
        var quote: UInt8
        var triple: Bool
        var raw: Bool
    }

    private enum Frame {
        /// Literal text of an f-string.
        case text(FString)
        /// Code of a replacement field; `depth` counts the brackets open inside it.
        case field(FString, depth: Int)
        /// A format spec after a field's `:`, up to the field's `}`.
        case spec(FString)
    }

    let text: ByteText
    private(set) var spans: SpanCollector
    private var pos = 0
    /// Empty while scanning top-level code.
    private var stack: [Frame] = []
    /// Brackets open in top-level code.
    private var depth = 0
    /// True until the first token of a logical line: only there may a docstring start.
    private var atStatementStart = true
    /// Where the f-string text being scanned began.
    private var textStart = 0

    init(text: ByteText) {
        self.text = text
        self.spans = SpanCollector(limit: text.count)
    }

    mutating func run() {
        if text.matches("\u{FEFF}", at: 0) { pos = 3 }
        while pos < text.count {
            switch stack.last {
            case nil: scanCode(field: nil, depth: depth)
            case .field(let fstring, let fieldDepth): scanCode(field: fstring, depth: fieldDepth)
            case .text(let fstring): scanText(of: fstring)
            case .spec(let fstring): scanSpec(of: fstring)
            }
        }
    }

    // MARK: - Code

    /// Scans one token of code: top-level code when `field` is nil, else the
    /// code of a replacement field in that f-string.
    private mutating func scanCode(field: FString?, depth: Int) {
        let byte = text[pos]
        switch byte {
        case _ where ASCII.isBlank(byte) || byte == 0x0C:
            pos += 1
        case _ where ASCII.isLineBreak(byte):
            if let field, !field.triple, depth == 0 {
                // A single-line f-string cannot continue past the line: recover
                // by ending the field here and letting its text frame end too.
                endField()
                return
            }
            pos = text.afterLineBreak(at: pos)
            if field == nil, depth == 0 { atStatementStart = true }
        case ASCII.backslash:
            // An explicit line continuation keeps the logical line going.
            pos = ASCII.isLineBreak(text[pos + 1]) ? text.afterLineBreak(at: pos + 1) : pos + 1
        case ASCII.hash:
            let end = text.lineEnd(from: pos)
            spans.add(.comment, from: pos, to: end)
            pos = end
        case ASCII.singleQuote, ASCII.doubleQuote:
            scanString(start: pos, raw: false, formatted: false)
        case ASCII.openParen, ASCII.openBracket, ASCII.openBrace:
            setDepth(depth + 1)
            pos += 1
            atStatementStart = false
        case ASCII.closeBrace where field != nil && depth == 0:
            pos += 1
            endField()
        case ASCII.closeParen, ASCII.closeBracket, ASCII.closeBrace:
            setDepth(max(0, depth - 1))
            pos += 1
            atStatementStart = false
        case ASCII.colon where field != nil && depth == 0:
            pos += 1
            enterSpec()
        case ASCII.semicolon where field == nil && depth == 0:
            pos += 1
            atStatementStart = true
        case _ where ASCII.isIdentifier(byte):
            let start = pos
            pos = text.identifierEnd(from: pos)
            let next = text[pos]
            if next == ASCII.singleQuote || next == ASCII.doubleQuote, let prefix = stringPrefix(start..<pos) {
                scanString(start: start, raw: prefix.raw, formatted: prefix.formatted)
            } else {
                atStatementStart = false
            }
        default:
            pos += 1
            atStatementStart = false
        }
    }

    private mutating func setDepth(_ newDepth: Int) {
        if case .field(let fstring, _) = stack.last {
            stack[stack.count - 1] = .field(fstring, depth: newDepth)
        } else {
            depth = newDepth
        }
    }

    /// Turns the replacement field on top of the stack into its format spec.
    private mutating func enterSpec() {
        guard case .field(let fstring, _) = stack.last else { return }
        stack[stack.count - 1] = .spec(fstring)
        textStart = pos
    }

    /// Leaves a replacement field (or a format spec) for the f-string text around it.
    private mutating func endField() {
        stack.removeLast()
        textStart = pos
    }

    /// The flags of a string prefix (`r`, `b`, `u`, `f`, `t`, `rb`, `fr`, … in any
    /// case), or nil when `range` is an ordinary name.
    private func stringPrefix(_ range: Range<Int>) -> (raw: Bool, formatted: Bool)? {
        guard range.count <= 2 else { return nil }
        var raw = false, formatted = false, other = 0
        for index in range {
            switch ASCII.lowercased(text[index]) {
            case UInt8(ascii: "r"): raw = true
            case UInt8(ascii: "f"), UInt8(ascii: "t"): formatted = true
            case UInt8(ascii: "b"), UInt8(ascii: "u"): other += 1
            default: return nil
            }
        }
        // Two letters must be `r` with one of the others (`rb`, `fr`, …), never `bu` or `ff`.
        if range.count == 2, !(raw && (formatted || other == 1)) { return nil }
        if formatted, other > 0 { return nil }
        return (raw, formatted)
    }

    // MARK: - Strings

    /// Scans a string literal whose prefix starts at `start` and whose opening
    /// quote is at `pos`. An f-string's text is left to `scanText` via the stack.
    private mutating func scanString(start: Int, raw: Bool, formatted: Bool) {
        let statement = atStatementStart && stack.isEmpty && depth == 0
        atStatementStart = false
        let quote = text[pos]
        let triple = text[pos + 1] == quote && text[pos + 2] == quote
        pos += triple ? 3 : 1
        if formatted {
            stack.append(.text(FString(quote: quote, triple: triple, raw: raw)))
            textStart = start
            return
        }
        while pos < text.count {
            let byte = text[pos]
            if byte == ASCII.backslash {
                // Even in a raw string a backslash keeps the next quote from closing.
                skipEscape()
            } else if byte == quote {
                if closes(quote: quote, triple: triple) { break }
                pos += 1
            } else if !triple, ASCII.isLineBreak(byte) {
                break
            } else {
                pos += 1
            }
        }
        let kind: SpanKind = statement && endsStatement(at: pos) ? .comment : .string
        spans.add(kind, from: start, to: pos)
    }

    /// At a quote byte: consumes the closing delimiter and returns true when it
    /// is one; leaves `pos` alone when it is a lone quote inside triple quotes.
    private mutating func closes(quote: UInt8, triple: Bool) -> Bool {
        if !triple {
            pos += 1
            return true
        }
        guard text[pos + 1] == quote, text[pos + 2] == quote else { return false }
        pos += 3
        return true
    }

    private mutating func skipEscape() {
        pos = ASCII.isLineBreak(text[pos + 1]) ? text.afterLineBreak(at: pos + 1) : pos + 2
    }

    /// Whether only blanks and then a line break, a comment, `;` or the end of the file follow `offset`.
    private func endsStatement(at offset: Int) -> Bool {
        let next = text.skipBlanks(from: offset)
        return next >= text.count || ASCII.isLineBreak(text[next]) || text[next] == ASCII.hash || text[next] == ASCII.semicolon
    }

    /// Scans f-string text up to its closing quote or to the `{` of a replacement field.
    private mutating func scanText(of fstring: FString) {
        while pos < text.count {
            let byte = text[pos]
            switch byte {
            case ASCII.backslash:
                scanTextEscape(raw: fstring.raw)
            case fstring.quote:
                if closes(quote: fstring.quote, triple: fstring.triple) {
                    finishFString()
                    return
                }
                pos += 1
            case ASCII.openBrace where text[pos + 1] == ASCII.openBrace,
                 ASCII.closeBrace where text[pos + 1] == ASCII.closeBrace:
                pos += 2
            case ASCII.openBrace:
                spans.add(.string, from: textStart, to: pos)
                pos += 1
                stack.append(.field(fstring, depth: 0))
                return
            case _ where !fstring.triple && ASCII.isLineBreak(byte):
                finishFString()
                return
            default:
                pos += 1
            }
        }
        finishFString()
    }

    private mutating func finishFString() {
        spans.add(.string, from: textStart, to: pos)
        stack.removeLast()
    }

    /// Skips an escape in f-string text. `\N{NAME}` names a character, it opens
    /// no field; a backslash before a brace leaves the brace its meaning.
    private mutating func scanTextEscape(raw: Bool) {
        let next = text[pos + 1]
        if !raw, next == UInt8(ascii: "N"), text[pos + 2] == ASCII.openBrace {
            var end = pos + 3
            while ASCII.isIdentifier(text[end]) || text[end] == ASCII.space || text[end] == ASCII.minus { end += 1 }
            pos = text[end] == ASCII.closeBrace ? end + 1 : pos + 2
        } else if next == ASCII.openBrace || next == ASCII.closeBrace {
            pos += 1
        } else {
            skipEscape()
        }
    }

    /// Scans a format spec, which may hold nested fields (`{x:{width}}`), up to the
    /// `}` that closes its field. A closing quote or, in a single-line f-string, a
    /// line break ends it too, so malformed specs cannot swallow the file.
    private mutating func scanSpec(of fstring: FString) {
        while pos < text.count {
            let byte = text[pos]
            if byte == ASCII.openBrace {
                spans.add(.string, from: textStart, to: pos)
                pos += 1
                stack.append(.field(fstring, depth: 0))
                return
            }
            let closesString = byte == fstring.quote
                && (!fstring.triple || (text[pos + 1] == byte && text[pos + 2] == byte))
            if byte == ASCII.closeBrace || closesString || (!fstring.triple && ASCII.isLineBreak(byte)) {
                spans.add(.string, from: textStart, to: pos)
                if byte == ASCII.closeBrace { pos += 1 }
                endField()
                return
            }
            pos += 1
        }
        spans.add(.string, from: textStart, to: pos)
        endField()
    }
}
