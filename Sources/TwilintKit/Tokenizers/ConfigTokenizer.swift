/// Finds comments in key/value configuration files and, where the format quotes
/// values (`.env`, YAML, TOML), the quoted values as strings.
///
/// A comment marker counts only where the format starts a comment, so secrets
/// and URLs in values stay visible: `#` after whitespace in `.env` and YAML
/// (`url: https://x/#frag` holds no comment), `#` anywhere outside strings in
/// TOML, `#`/`;` at the start of an INI line, `#`/`!` at the start of a
/// properties line, `//` anywhere in an xcconfig line (Xcode reads it so, even in
/// URLs), and `<!-- -->` in a plist. JSON has no comments.
public struct ConfigTokenizer: Tokenizer {
    /// The syntax family of a config file.
    public enum ConfigFormat: String, CaseIterable, Sendable {
        /// `.env`, `.env.*` and `*.env` dotenv files.
        case env
        case yaml
        case json
        /// XML property lists (binary ones hold no `<!--`, so they get no spans).
        case plist
        case xcconfig
        /// Java `.properties`.
        case properties
        case toml
        /// `.ini` and `.cfg` (Python's configparser syntax).
        case ini

        /// The format a file name implies (`.env`, `.env.local`, `prod.env`,
        /// `app.yml`, `setup.cfg`, …), or nil when it names none of them.
        public static func detect(fileName: String) -> ConfigFormat? {
            let name = (fileName.split(separator: "/").last.map(String.init) ?? fileName).lowercased()
            if let dot = name.lastIndex(of: ".") {
                switch name[name.index(after: dot)...] {
                case "env": return .env
                case "yml", "yaml": return .yaml
                case "json": return .json
                case "plist": return .plist
                case "xcconfig": return .xcconfig
                case "properties": return .properties
                case "toml": return .toml
                case "ini", "cfg": return .ini
                default: break
                }
            }
            // `.env.local`, `.env.production`: the variant comes after the format.
            return name.hasPrefix(".env.") ? .env : nil
        }
    }

    /// The syntax the file is read with.
    public let format: ConfigFormat

    public init(format: ConfigFormat) {
        self.format = format
    }

    public func spans(in text: UnsafeBufferPointer<UInt8>) -> [Span] {
        var lexer = ConfigLexer(text: ByteText(text), format: format)
        lexer.run()
        return lexer.spans.spans
    }
}

/// The scanning state of one `ConfigTokenizer` run.
private struct ConfigLexer {
    let text: ByteText
    let format: ConfigTokenizer.ConfigFormat
    private(set) var spans: SpanCollector
    private var pos = 0
    /// YAML: inside a block scalar (`key: |`), lines indented deeper than this are its text.
    private var blockScalarIndent: Int?
    /// Properties: the previous line ended in a backslash, so this one continues its value.
    private var continuesValue = false

    init(text: ByteText, format: ConfigTokenizer.ConfigFormat) {
        self.text = text
        self.format = format
        self.spans = SpanCollector(limit: text.count)
    }

    mutating func run() {
        switch format {
        case .json:
            return
        case .plist:
            scanXMLComments()
        case .toml:
            scanTOML()
        case .env, .yaml, .xcconfig, .properties, .ini:
            while pos < text.count {
                let end = text.lineEnd(from: pos)
                scanLine(pos..<end)
                pos = end < text.count ? text.afterLineBreak(at: end) : end
            }
        }
    }

    private mutating func scanLine(_ line: Range<Int>) {
        let first = text.skipBlanks(from: line.lowerBound)
        let marker = text[first]
        switch format {
        case .env:
            if marker == ASCII.hash {
                spans.add(.comment, from: first, to: line.upperBound)
            } else {
                scanEnvLine(line, first: first)
            }
        case .yaml:
            scanYAMLLine(line, first: first)
        case .xcconfig:
            var index = first
            while index + 1 < line.upperBound {
                if text.matches("//", at: index) {
                    spans.add(.comment, from: index, to: line.upperBound)
                    break
                }
                index += 1
            }
        case .properties:
            let isComment = !continuesValue && (marker == ASCII.hash || marker == ASCII.bang)
            if isComment { spans.add(.comment, from: first, to: line.upperBound) }
            continuesValue = !isComment && endsWithOddBackslashes(line)
        case .ini:
            if marker == ASCII.semicolon || marker == ASCII.hash {
                spans.add(.comment, from: first, to: line.upperBound)
            }
        case .json, .plist, .toml:
            break
        }
    }

    // MARK: - .env

    /// `KEY=value # comment`, `export KEY="quoted # not a comment" # comment`.
    private mutating func scanEnvLine(_ line: Range<Int>, first: Int) {
        var index = first
        while index < line.upperBound, text[index] != ASCII.equals { index += 1 }
        guard index < line.upperBound else {
            scanTrailingComment(from: first, in: line)
            return
        }
        index = text.skipBlanks(from: index + 1)
        let quote = text[index]
        if quote == ASCII.doubleQuote || quote == ASCII.singleQuote || quote == ASCII.backtick {
            let end = quotedEnd(from: index, in: line, escapes: quote == ASCII.doubleQuote)
            spans.add(.string, from: index, to: end)
            index = end
        }
        scanTrailingComment(from: index, in: line)
    }

    /// A `#` that follows whitespace starts a comment that runs to the end of the line.
    private mutating func scanTrailingComment(from start: Int, in line: Range<Int>) {
        var index = start
        while index < line.upperBound {
            if text[index] == ASCII.hash, index > line.lowerBound, ASCII.isBlank(text[index - 1]) {
                spans.add(.comment, from: index, to: line.upperBound)
                return
            }
            index += 1
        }
    }

    /// The end of a single-line quoted value opened at `start`: past its closing
    /// quote, or the end of the line when it has none.
    private func quotedEnd(from start: Int, in line: Range<Int>, escapes: Bool) -> Int {
        let quote = text[start]
        var index = start + 1
        while index < line.upperBound {
            if escapes, text[index] == ASCII.backslash {
                index += 2
            } else if text[index] == quote {
                return index + 1
            } else {
                index += 1
            }
        }
        return line.upperBound
    }

    // MARK: - YAML

    private mutating func scanYAMLLine(_ line: Range<Int>, first: Int) {
        if let indent = blockScalarIndent {
            if first == line.upperBound { return }
            if first - line.lowerBound > indent {
                spans.add(.string, from: first, to: line.upperBound)
                return
            }
            blockScalarIndent = nil
        }
        var index = first
        var contentEnd = line.upperBound
        // A quote opens a quoted scalar only where a value starts: at the start
        // of the line or after `: `, `- `, `? `, `[`, `{` or `,`. Elsewhere it
        // is text, as in `note: don't`.
        var atValueStart = true
        while index < line.upperBound {
            let byte = text[index]
            if byte == ASCII.hash, index == first || ASCII.isBlank(text[index - 1]) {
                spans.add(.comment, from: index, to: line.upperBound)
                contentEnd = index
                break
            }
            if atValueStart, byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
                let end = yamlQuotedEnd(from: index, in: line)
                spans.add(.string, from: index, to: end)
                index = end
                atValueStart = false
                continue
            }
            if !ASCII.isBlank(byte) {
                let followedByBlank = index + 1 == line.upperBound || ASCII.isBlank(text[index + 1])
                switch byte {
                case ASCII.colon, ASCII.minus, ASCII.question: atValueStart = followedByBlank
                case ASCII.openBracket, ASCII.openBrace, ASCII.comma: atValueStart = true
                default: atValueStart = false
                }
            }
            index += 1
        }
        if opensBlockScalar(first..<contentEnd) { blockScalarIndent = first - line.lowerBound }
    }

    /// `"…"` takes backslash escapes, `'…'` doubles its quote (`'it''s'`).
    private func yamlQuotedEnd(from start: Int, in line: Range<Int>) -> Int {
        guard text[start] == ASCII.singleQuote else { return quotedEnd(from: start, in: line, escapes: true) }
        var index = start + 1
        while index < line.upperBound {
            if text[index] == ASCII.singleQuote {
                if text[index + 1] != ASCII.singleQuote { return index + 1 }
                index += 2
            } else {
                index += 1
            }
        }
        return line.upperBound
    }

    /// Whether `content` (a line without its comment) ends in a block scalar
    /// indicator — `key: |`, `- >-`, `run: |2` — whose text fills the deeper-indented lines below.
    private func opensBlockScalar(_ content: Range<Int>) -> Bool {
        var end = content.upperBound
        while end > content.lowerBound, ASCII.isBlank(text[end - 1]) { end -= 1 }
        while end > content.lowerBound, text[end - 1] == ASCII.plus || text[end - 1] == ASCII.minus || ASCII.isDigit(text[end - 1]) {
            end -= 1
        }
        let indicator = end - 1
        guard indicator >= content.lowerBound, text[indicator] == ASCII.pipe || text[indicator] == ASCII.greaterThan else { return false }
        if indicator == content.lowerBound { return true }
        guard ASCII.isBlank(text[indicator - 1]) else { return false }
        var before = indicator - 1
        while before > content.lowerBound, ASCII.isBlank(text[before]) { before -= 1 }
        return text[before] == ASCII.colon || text[before] == ASCII.minus || text[before] == ASCII.question
    }

    // MARK: - Properties

    /// A value continues on the next line when its line ends in an unescaped backslash.
    private func endsWithOddBackslashes(_ line: Range<Int>) -> Bool {
        var count = 0
        var index = line.upperBound - 1
        while index >= line.lowerBound, text[index] == ASCII.backslash {
            count += 1
            index -= 1
        }
        return count % 2 == 1
    }

    // MARK: - TOML

    /// TOML strings may span lines (`"""`, `'''`), so it is scanned as a whole.
    private mutating func scanTOML() {
        while pos < text.count {
            let byte = text[pos]
            if byte == ASCII.hash {
                let end = text.lineEnd(from: pos)
                spans.add(.comment, from: pos, to: end)
                pos = end
            } else if byte == ASCII.doubleQuote || byte == ASCII.singleQuote {
                let start = pos
                scanTOMLString(quote: byte)
                spans.add(.string, from: start, to: pos)
            } else {
                pos += 1
            }
        }
    }

    /// Basic strings (`"`) take backslash escapes, literal strings (`'`) none.
    private mutating func scanTOMLString(quote: UInt8) {
        let escapes = quote == ASCII.doubleQuote
        let multiline = text.run(of: quote, from: pos) >= 3
        pos += multiline ? 3 : 1
        while pos < text.count {
            let byte = text[pos]
            if escapes, byte == ASCII.backslash {
                pos += 2
            } else if byte == quote {
                let run = text.run(of: quote, from: pos)
                if !multiline {
                    pos += 1
                    return
                }
                if run >= 3 {
                    // `"""a""""` ends with a quote in the text: up to two may precede the delimiter.
                    pos += min(run, 5)
                    return
                }
                pos += run
            } else if !multiline, ASCII.isLineBreak(byte) {
                return
            } else {
                pos += 1
            }
        }
    }

    // MARK: - plist

    private mutating func scanXMLComments() {
        while let start = text.find("<!--", from: pos) {
            let end = text.find("-->", from: start + 4).map { $0 + 3 } ?? text.count
            spans.add(.comment, from: start, to: end)
            pos = end
        }
    }
}
