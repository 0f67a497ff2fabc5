/// Splits HTML, Vue and Svelte files into markup, `<!-- -->` comments and
/// `<script>` bodies, which are tokenized as JavaScript, so code rules see only
/// the script and its own comments and strings. Script bodies never hold JSX
/// (`lang="ts"` gets TypeScript's rules, where `<T>` is a type) unless the tag
/// says so: `lang="jsx"`, `lang="tsx"`, `type="text/babel"`, `type="text/jsx"`.
public struct MarkupTokenizer: Tokenizer {
    public init() {}

    public func spans(in bytes: UnsafeBufferPointer<UInt8>) -> [Span] {
        let text = ByteText(bytes)
        var spans = SpanCollector(limit: text.count)
        var markupStart = 0
        var pos = 0
        while pos < text.count {
            guard text[pos] == ASCII.lessThan else {
                pos += 1
                continue
            }
            if text.matches("<!--", at: pos) {
                let end = text.find("-->", from: pos + 4).map { $0 + 3 } ?? text.count
                spans.add(.markup, from: markupStart, to: pos)
                spans.add(.comment, from: pos, to: end)
                pos = end
                markupStart = end
            } else if let script = ScriptElement(in: text, at: pos) {
                // The tags stay markup; HTML ends a script body at the first
                // `</script`, whatever the JavaScript around it means.
                if let tokenizer = script.tokenizer {
                    spans.add(.markup, from: markupStart, to: script.body.lowerBound)
                    let body = UnsafeBufferPointer(rebasing: bytes[script.body])
                    for span in tokenizer.spans(in: body) {
                        spans.add(span.kind, from: span.range.lowerBound + script.body.lowerBound,
                                  to: span.range.upperBound + script.body.lowerBound)
                    }
                    markupStart = script.body.upperBound
                }
                pos = script.body.upperBound
            } else {
                pos += 1
            }
        }
        spans.add(.markup, from: markupStart, to: text.count)
        return spans.spans
    }
}

/// A `<script …>` start tag and the extent of its body.
private struct ScriptElement {
    /// The script's text, between the start tag's `>` and `</script` (or the end of the file).
    var body: Range<Int>
    /// The tokenizer for the body, or nil for data blocks (`type="application/json"`,
    /// `type="text/x-template"`), which are not code.
    var tokenizer: JavaScriptTokenizer?

    /// `type` values that mean the body is script; anything else is a data block.
    private static let scriptTypes: [StaticString] = [
        "module", "text/javascript", "application/javascript", "text/ecmascript",
        "application/ecmascript", "text/typescript", "application/typescript",
        "text/babel", "text/jsx",
    ]

    init?(in text: ByteText, at start: Int) {
        let nameEnd = start + 7
        guard text.matches("<script", at: start, ignoringCase: true),
              ASCII.isWhitespace(text[nameEnd]) || text[nameEnd] == ASCII.greaterThan || text[nameEnd] == ASCII.slash
        else { return nil }

        var lang: Range<Int>?
        var type: Range<Int>?
        var pos = nameEnd
        while pos < text.count, text[pos] != ASCII.greaterThan {
            let byte = text[pos]
            // HTML ignores a `/` in a start tag: `<script src=x />` still has a body.
            if ASCII.isWhitespace(byte) || byte == ASCII.slash {
                pos += 1
                continue
            }
            let name = pos
            while pos < text.count, !Self.endsAttributeName(text[pos]) { pos += 1 }
            let nameRange = name..<pos
            pos = Self.skipWhitespace(text, from: pos)
            guard text[pos] == ASCII.equals else { continue }
            let value = Self.attributeValue(text, from: Self.skipWhitespace(text, from: pos + 1))
            pos = value.next
            if text.isOne(of: ["lang"], in: nameRange, ignoringCase: true) { lang = value.range }
            if text.isOne(of: ["type"], in: nameRange, ignoringCase: true) { type = value.range }
        }
        let bodyStart = min(pos + 1, text.count)
        body = bodyStart..<(text.find("</script", from: bodyStart, ignoringCase: true) ?? text.count)

        if let type, !text.isOne(of: Self.scriptTypes, in: type, ignoringCase: true) {
            tokenizer = nil
        } else {
            let jsx = lang.map { text.isOne(of: ["jsx", "tsx"], in: $0, ignoringCase: true) } ?? false
                || type.map { text.isOne(of: ["text/babel", "text/jsx"], in: $0, ignoringCase: true) } ?? false
            tokenizer = JavaScriptTokenizer(jsx: jsx)
        }
    }

    private static func endsAttributeName(_ byte: UInt8) -> Bool {
        ASCII.isWhitespace(byte) || byte == ASCII.equals || byte == ASCII.greaterThan || byte == ASCII.slash
    }

    private static func skipWhitespace(_ text: ByteText, from offset: Int) -> Int {
        var index = offset
        while index < text.count, ASCII.isWhitespace(text[index]) { index += 1 }
        return index
    }

    /// An attribute value, quoted or bare, starting at `offset`: its text and where scanning goes on.
    private static func attributeValue(_ text: ByteText, from offset: Int) -> (range: Range<Int>, next: Int) {
        let quote = text[offset]
        if quote == ASCII.doubleQuote || quote == ASCII.singleQuote {
            var end = offset + 1
            while end < text.count, text[end] != quote { end += 1 }
            return (offset + 1..<end, min(end + 1, text.count))
        }
        var end = offset
        while end < text.count, !ASCII.isWhitespace(text[end]), text[end] != ASCII.greaterThan { end += 1 }
        return (offset..<end, end)
    }
}
