import XCTest
@testable import TwilintKit

final class SwiftTokenizerTests: XCTestCase {
    private let swift = SwiftTokenizer()

    // MARK: - Comments

    func testLineAndNestedBlockComments() {
        let source = """
        /// Doc comment
        let a = 1 /* outer /* inner */ still "comment" */ let b = "s"
        """
        XCTAssertEqual(spanTexts(swift, source), [
            .comment: ["/// Doc comment", "/* outer /* inner */ still \"comment\" */"],
            .string: ["\"s\""],
        ])
    }

    func testUnterminatedNestedCommentRunsToEndOfFile() {
        XCTAssertEqual(spanTexts(swift, "x /* a /* b */ c\nd"), [.comment: ["/* a /* b */ c\nd"]])
    }

    func testSlashesInStringsAreNotComments() {
        XCTAssertEqual(spanTexts(swift, #"let u = "https://api.twilio.com" // c"#), [
            .string: ["\"https://api.twilio.com\""],
            .comment: ["// c"],
        ])
    }

    // MARK: - Strings

    func testEscapesAndInterpolation() {
        let source = #"let s = "a \"q\" \(user.name) and \(f("x", g(1))) end""#
        XCTAssertEqual(spanTexts(swift, source), [
            .string: [#""a \"q\" "#, " and ", "\"x\"", " end\""],
        ])
    }

    func testNestedInterpolationInNestedStrings() {
        let source = #"let s = "1 \("2 \("3" + x) 2") 1""#
        XCTAssertEqual(spanTexts(swift, source), [
            .string: ["\"1 ", "\"2 ", "\"3\"", " 2\"", " 1\""],
        ])
    }

    func testMultilineStrings() {
        let source = """
        let s = \"\"\"
            He said "hi" and ""twice""
            \\(name)
            \"\"\"
        let t = 1
        """
        XCTAssertEqual(spanTexts(swift, source), [
            .string: ["\"\"\"\n    He said \"hi\" and \"\"twice\"\"\n    ", "\n    \"\"\""],
        ])
    }

    func testRawStringsNeedTheSameNumberOfHashes() {
        let source = ###"let a = #"say "hi" \d \(x)"#; let b = ##"has "# in it"##"###
        XCTAssertEqual(spanTexts(swift, source), [
            .string: [##"#"say "hi" \d \(x)"#"##, ###"##"has "# in it"##"###],
        ])
    }

    func testRawStringInterpolationAndEscapes() {
        let source = ##"let a = #"\#(name) \"x\" \#"q\#" \\"#"##
        XCTAssertEqual(spanTexts(swift, source), [
            .string: [##"#""##, ##" \"x\" \#"q\#" \\"#"##],
        ])
    }

    func testMultilineRawString() {
        let source = "let s = #\"\"\"\n \"\"\" not the end\n\"\"\"#\nlet t = \"x\""
        XCTAssertEqual(spanTexts(swift, source), [
            .string: ["#\"\"\"\n \"\"\" not the end\n\"\"\"#", "\"x\""],
        ])
    }

    func testUnterminatedStringEndsAtLineEnd() {
        XCTAssertEqual(spanTexts(swift, "let s = \"oops\r\nlet t = \"ok\""), [.string: ["\"oops", "\"ok\""]])
        XCTAssertEqual(spanTexts(swift, "let s = \"a \\(b\nlet t = \"ok\""), [.string: ["\"a ", "\"ok\""]])
        XCTAssertEqual(spanTexts(swift, "let s = \"\"\"\nnever closed"), [.string: ["\"\"\"\nnever closed"]])
    }

    // MARK: - Regex literals

    func testExtendedRegexLiterals() {
        let source = """
        let a = #/\\d+ / "x"/#
        let b = #/
          [a-z]+  # a comment inside
          /#
        let c = ##/ has /# inside /##
        """
        XCTAssertEqual(spanTexts(swift, source), [
            .regex: [#"#/\d+ / "x"/#"#, "#/\n  [a-z]+  # a comment inside\n  /#", "##/ has /# inside /##"],
        ])
    }

    func testBareRegexVersusDivision() {
        XCTAssertEqual(spanTexts(swift, "let r = /\\+1[0-9]{10}/\nlet q = a / b / c"), [.regex: ["/\\+1[0-9]{10}/"]])
        XCTAssertEqual(spanTexts(swift, "let q = a/b/c; let h = (x + y)/2/z"), [:])
        XCTAssertEqual(spanTexts(swift, "if s.contains(/[a/]b/) { return }"), [.regex: ["/[a/]b/"]])
        XCTAssertEqual(spanTexts(swift, "guard case /x/ = s else { return }"), [.regex: ["/x/"]])
    }

    func testBareRegexNeverStartsWithBlankOrParenNorCrossesLines() {
        XCTAssertEqual(spanTexts(swift, "let x = foo(/ 2, 3 /)"), [:])
        XCTAssertEqual(spanTexts(swift, "let x = (/abc\n/ 2)"), [:])
        XCTAssertEqual(spanTexts(swift, "let x = arr.reduce(1, /) / 5"), [:])
    }

    func testPostfixOperatorsKeepDivision() {
        XCTAssertEqual(spanTexts(swift, "let x = a!/b!/c; let s = \"k\""), [.string: ["\"k\""]])
        XCTAssertEqual(spanTexts(swift, "let r = flag ? /yes/ : /no/"), [.regex: ["/yes/", "/no/"]])
    }

    // MARK: - Offsets

    func testMultibyteTextBeforeSpansAndCRLF() {
        let source = "let 名前 = \"日本\" // 📞 call\r\nlet x = 1\r\n"
        let bytes = Array(source.utf8)
        let spans = tokenize(swift, source)
        XCTAssertEqual(spans.map(\.kind), [.string, .comment])
        XCTAssertEqual(spans[0].range.lowerBound, "let 名前 = ".utf8.count)
        XCTAssertEqual(String(decoding: bytes[spans[0].range], as: UTF8.self), "\"日本\"")
        XCTAssertEqual(String(decoding: bytes[spans[1].range], as: UTF8.self), "// 📞 call")
    }

    // MARK: - Robustness

    func testMalformedInputKeepsTheContract() {
        let source = "let a = ##\"x\"# \\##(y \"\\(z #/a/# /b/ `c` x!/2\n\"\"\" \"\\(\n\"\"\"# /* /* */"

        assertRobust(swift, on: source)
        assertRobust(swift, on: String(repeating: "\"\\(", count: 300) + String(repeating: "/*", count: 100))
    }
}
