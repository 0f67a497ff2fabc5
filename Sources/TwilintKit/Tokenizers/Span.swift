/// What a stretch of source text is, as far as rule scopes care.
public enum SpanKind: UInt8, Sendable, CaseIterable {
    case code
    /// Line and block comments, and documentation strings (Python docstrings).
    case comment
    /// String literal contents, template-literal text, JSX text and attribute values.
    case string
    /// Regular-expression literals (`/…/` in JS/TS, `#/…/#` and bare `/…/` in Swift).
    case regex
    /// Markup outside `<script>` in HTML/Vue/Svelte files.
    case markup
}

/// A half-open range of UTF-8 byte offsets and what it holds.
public struct Span: Equatable, Sendable, CustomStringConvertible {
    public var range: Range<Int>
    public var kind: SpanKind

    public init(_ kind: SpanKind, _ range: Range<Int>) {
        self.kind = kind
        self.range = range
    }

    public var description: String { "\(kind)[\(range.lowerBound)..<\(range.upperBound)]" }
}

/// Splits a file's bytes into the non-code spans; code is everything between them.
///
/// Tokenizers are heuristic lexers, not parsers: they must never crash or loop on
/// malformed input (unterminated strings run to the end of the file, or of the
/// line for single-line forms), and they work on raw bytes, so invalid UTF-8 is fine.
public protocol Tokenizer: Sendable {
    /// Non-code spans of `text`: sorted by offset, non-overlapping, never empty.
    /// Interpolated code inside a string (`${…}`, `\(…)`, f-string `{…}`) is a gap
    /// between two string spans, so it reads as code.
    func spans(in text: UnsafeBufferPointer<UInt8>) -> [Span]
}
