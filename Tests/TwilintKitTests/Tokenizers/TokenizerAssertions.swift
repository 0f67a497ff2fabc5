import XCTest
@testable import TwilintKit

/// The spans `tokenizer` finds in `source`, after checking the `Tokenizer`
/// contract: sorted, non-overlapping, non-empty and inside the text.
func tokenize(
    _ tokenizer: any Tokenizer, _ source: String,
    file: StaticString = #filePath, line: UInt = #line
) -> [Span] {
    tokenize(tokenizer, Array(source.utf8), file: file, line: line)
}

func tokenize(
    _ tokenizer: any Tokenizer, _ bytes: [UInt8],
    file: StaticString = #filePath, line: UInt = #line
) -> [Span] {
    let spans = bytes.withUnsafeBufferPointer { tokenizer.spans(in: $0) }
    var previousEnd = 0
    for span in spans {
        XCTAssertFalse(span.range.isEmpty, "empty span \(span)", file: file, line: line)
        XCTAssertGreaterThanOrEqual(span.range.lowerBound, previousEnd, "span \(span) overlaps or is out of order", file: file, line: line)
        XCTAssertLessThanOrEqual(span.range.upperBound, bytes.count, "span \(span) runs past the end", file: file, line: line)
        previousEnd = span.range.upperBound
    }
    return spans
}

/// The text each span covers, grouped by kind, so expectations read as source:
/// `[.string: ["\"abc\""], .comment: ["// x"]]`.
func spanTexts(
    _ tokenizer: any Tokenizer, _ source: String,
    file: StaticString = #filePath, line: UInt = #line
) -> [SpanKind: [String]] {
    let bytes = Array(source.utf8)
    var texts: [SpanKind: [String]] = [:]
    for span in tokenize(tokenizer, bytes, file: file, line: line) {
        texts[span.kind, default: []].append(String(decoding: bytes[span.range], as: UTF8.self))
    }
    return texts
}

/// Runs `tokenizer` on every prefix of `source` and on seeded random byte soup
/// built from `source`'s own bytes, checking only the contract: malformed and
/// unterminated input must neither crash, hang nor produce bad spans.
func assertRobust(
    _ tokenizer: any Tokenizer, on source: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    let bytes = Array(source.utf8)
    for length in 0...bytes.count {
        _ = tokenize(tokenizer, Array(bytes[..<length]), file: file, line: line)
    }
    var generator = SplitMix64(seed: 0x7717_11A7)
    let alphabet = bytes + [0x00, 0xC3, 0x28, 0xFF, 0xE2, 0x82]
    for _ in 0..<200 {
        let soup = (0..<Int.random(in: 0..<300, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
        _ = tokenize(tokenizer, soup, file: file, line: line)
    }
}

/// A tiny seeded generator, so robustness runs are reproducible.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
