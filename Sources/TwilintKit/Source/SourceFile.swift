#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file's bytes, with everything derived from them computed once and only
/// when asked for (line index, token spans, heuristic caches). Confined to the
/// thread that scans it.
public final class SourceFile {
    /// The path shown to users.
    public let path: String
    public let language: Language
    public let bytes: [UInt8]
    private var lineStarts: [Int]?
    private var spanIndex: SpanIndex?
    /// Spans of the first `end` bytes only (see `kind(at:)`).
    private var prefixSpans: (end: Int, index: SpanIndex)?
    private var lastPosition: (offset: Int, line: Int, column: Int)?
    /// Few per file (one per heuristic), so a list beats hashing every key.
    private var memos: [(key: String, value: AnyObject)] = []

    public init(path: String, language: Language, bytes: [UInt8]) {
        self.path = path
        self.language = language
        self.bytes = bytes
    }

    /// A file named `path` holding `text`, with the language its name implies.
    public convenience init(path: String, text: String) {
        self.init(path: path, language: LanguageDetector.language(forPath: path, firstBytes: text.utf8) ?? .text,
                  bytes: Array(text.utf8))
    }

    public func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer(body)
    }

    // MARK: - Positions

    /// 1-based line and column (in code points) of a byte offset. Columns are counted
    /// on from the previous position when it is earlier on the same line, so that many
    /// findings on one long (minified) line cost one pass over it, not one each.
    public func position(of offset: Int) -> SourcePosition {
        let line = lineIndex(of: offset)
        let target = min(offset, bytes.count)
        var counted = (offset: starts[line], column: 1)
        if let last = lastPosition, last.line == line, last.offset <= target { counted = (last.offset, last.column) }
        let column = counted.column + codePoints(in: counted.offset..<target)
        lastPosition = (target, line, column)
        return SourcePosition(line: line + 1, column: column)
    }

    /// The 1-based line number of a byte offset.
    public func line(of offset: Int) -> Int { lineIndex(of: offset) + 1 }

    /// The byte range of the line holding `offset`, without its line break.
    public func lineRange(containing offset: Int) -> Range<Int> {
        lineRange(number: lineIndex(of: offset) + 1)
    }

    /// The byte range of 1-based line `number`, without its line break.
    public func lineRange(number: Int) -> Range<Int> {
        let starts = self.starts
        let index = max(0, min(number - 1, starts.count - 1))
        var end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        if end > starts[index], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return starts[index]..<max(starts[index], end)
    }

    public var lineCount: Int { starts.count }

    /// The text of a byte range, with invalid UTF-8 shown as U+FFFD.
    public func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    /// Number of code points in a byte range: its bytes minus the UTF-8 continuation
    /// bytes (`10xxxxxx`), counted eight at a time (columns on minified lines span megabytes).
    public func codePoints(in range: Range<Int>) -> Int {
        withBytes { buffer in
            var continuations = 0
            var index = range.lowerBound
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                while index + 8 <= range.upperBound {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // ASCII words, most of them, skip the bit count.
                    if word & 0x8080_8080_8080_8080 != 0 {
                        continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                    }
                    index += 8
                }
            }
            for offset in index..<range.upperBound where buffer[offset] & 0xC0 == 0x80 { continuations += 1 }
            return range.count - continuations
        }
    }

    private var starts: [Int] {
        if let lineStarts { return lineStarts }
        var result = [0]
        withBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count, let hit = memchr(base + offset, Int32(ASCII.newline), buffer.count - offset) {
                offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                result.append(offset)
            }
        }
        lineStarts = result
        return result
    }

    private func lineIndex(of offset: Int) -> Int {
        // The last line to start at or before `offset` (the first starts at 0).
        max(0, starts.partitioningIndex { $0 > offset } - 1)
    }

    // MARK: - Tokens

    /// What kind of text sits at each offset, from the language's tokenizer.
    public var spans: SpanIndex {
        if let spanIndex { return spanIndex }
        let tokenizer = Tokenizers.tokenizer(for: language, path: path)
        let index = SpanIndex(tokenizer.map { tokenizer in withBytes { tokenizer.spans(in: $0) } } ?? [])
        spanIndex = index
        return index
    }

    /// The kind of text at `offset`, tokenizing no further than needed: a lexer's
    /// state at a byte depends only on the bytes before it, so until something needs
    /// the whole file, only the lines up to `offset` are tokenized (the prefix at least
    /// doubling each time). A file whose question is answered near its top (is this
    /// Twilio code?) is then never tokenized to its end. Markup and config tokenizers
    /// look ahead for closing tags, so those files are tokenized whole.
    public func kind(at offset: Int) -> SpanKind {
        if let spanIndex { return spanIndex.kind(at: offset) }
        if let prefixSpans, offset < prefixSpans.end { return prefixSpans.index.kind(at: offset) }
        guard language.isSource, let tokenizer = Tokenizers.tokenizer(for: language, path: path) else { return spans.kind(at: offset) }
        var end = max(offset + 1, 2 * (prefixSpans?.end ?? 0))
        while end < bytes.count, bytes[end - 1] != ASCII.newline { end += 1 }
        // Past half the file, the whole file costs little more.
        guard end < bytes.count / 2 else { return spans.kind(at: offset) }
        let index = SpanIndex(withBytes { tokenizer.spans(in: UnsafeBufferPointer(rebasing: $0[..<end])) })
        prefixSpans = (end, index)
        return index.kind(at: offset)
    }

    /// Drops everything derived from the file once it has been scanned, so that
    /// memos that point back at the file cannot keep it alive.
    public func forgetDerivedValues() {
        memos.removeAll()
        spanIndex = nil
        prefixSpans = nil
        lineStarts = nil
    }

    /// A value derived from this file by a heuristic, computed once per file.
    public func memo<T>(_ key: String, _ compute: () -> T) -> T {
        if let entry = memos.first(where: { $0.key == key }), let memo = entry.value as? Memo<T> { return memo.value }
        let value = compute()
        memos.append((key, Memo(value)))
        return value
    }
}

/// A memoised value, boxed so that reading it back is a class cast rather than an existential one.
private final class Memo<T> {
    let value: T
    init(_ value: T) { self.value = value }
}

/// Sorted non-code spans of a file, searched by offset.
public struct SpanIndex: Sendable {
    public let spans: [Span]

    public init(_ spans: [Span]) { self.spans = spans }

    /// The kind of text at byte `offset`.
    public func kind(at offset: Int) -> SpanKind {
        let index = spans.partitioningIndex { $0.range.upperBound > offset }
        return index < spans.count && spans[index].range.contains(offset) ? spans[index].kind : .code
    }
}
