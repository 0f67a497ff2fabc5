import Matching
import XCTest

final class AnchorTests: XCTestCase {
    private func withBytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    func testStartLimitBoundsWhereTheMatchStartsNotWhereItEnds() throws {
        let matcher = try PCRE2Matcher("b+", startLimited: true)
        try withBytes("aabbbab") { text in
            XCTAssertEqual(try matcher.firstMatch(in: text, from: 0, startingBy: 2)?.range, 2..<5)
            XCTAssertNil(try matcher.firstMatch(in: text, from: 0, startingBy: 1))
            XCTAssertEqual(try matcher.firstMatch(in: text, from: 3, startingBy: 6)?.range, 3..<5)
            // The same matcher still searches the whole text when asked without a limit.
            XCTAssertEqual(try matcher.firstMatch(in: text, from: 5)?.range, 6..<7)
        }
    }

    func testWindowsSurroundHitsAndMerge() throws {
        let anchor = Anchor(finders: [try PCRE2Matcher("\\Qkey\\E", caseless: true), try PCRE2Matcher("!")], before: 3, after: 1)
        try withBytes("xxxxKEY!xxxxxxxxxxkey") { text in
            // KEY at 4 and ! at 7 give 1...5 and 4...8, which merge; key at 18 gives 15...19.
            XCTAssertEqual(try anchor.windows(in: text), [1...8, 15...19])
        }
        // Windows stop at the ends of the text.
        try withBytes("key") { text in XCTAssertEqual(try Anchor(finders: [try PCRE2Matcher("y")], before: 9, after: 9).windows(in: text), [0...3]) }
    }

    func testOverlappingHitsEachOpenAWindow() throws {
        let anchor = Anchor(finders: [try PCRE2Matcher("abab")], before: 0)
        try withBytes("ababab") { text in
            XCTAssertEqual(try anchor.windows(in: text), [0...0, 2...2])
        }
    }

    func testAnchoredSearchFindsWhatTheWholeSearchFinds() throws {
        // Every match of the pattern holds `tok` at most 5 bytes in, which is the anchor's claim.
        let pattern = #"(?i:[a-z]{0,5}tok)[=:]\s*(?<focus>\d+)"#
        let whole = try PCRE2Matcher(pattern)
        let anchored = try PCRE2Matcher(pattern, startLimited: true)
        let anchor = Anchor(finders: [try PCRE2Matcher("\\Qtok\\E", caseless: true)], before: 5)
        var random = SystemRandomNumberGenerator()
        let pieces = ["tok", "TOK", "authtok", "=", ": ", "12", "x", " ", "\n", "abcdefgtok=1", "tok:tok=3"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            try withBytes(text) { bytes in
                var expected: [Match] = [], found: [Match] = []
                try whole.forEachMatch(in: bytes) { expected.append($0) }
                try anchored.forEachMatch(in: bytes, startingIn: anchor.windows(in: bytes)) { found.append($0) }
                XCTAssertEqual(found, expected, text)
            }
        }
    }
}

final class LiteralTests: XCTestCase {
    /// Each text is found as written, `\E` included, and caseless finds its upper-cased copy too.
    func testLiteralsMatchTheirTextEvenWithQuotingInIt() throws {
        for word in ["a.b", #"x\Ey"#, #"\E"#, "(?i)", "Token"] {
            let text = "before " + word.uppercased() + " " + word + " after"
            let exact = try PCRE2Matcher.literal(word).matches(in: text).map(\.range)
            let start = text.utf8.count - (word + " after").utf8.count
            XCTAssertEqual(exact.last, start..<(start + word.utf8.count), word)
            XCTAssertEqual(exact.count, word == word.uppercased() ? 2 : 1, word)
            XCTAssertEqual(try PCRE2Matcher.literal(word, caseless: true).matches(in: text).count, 2, word)
        }
    }
}
