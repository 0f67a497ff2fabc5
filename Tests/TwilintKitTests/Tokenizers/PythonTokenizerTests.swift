import XCTest
@testable import TwilintKit

final class PythonTokenizerTests: XCTestCase {
    private let python = PythonTokenizer()

    // MARK: - Comments and strings

    func testCommentsAndStrings() {
        XCTAssertEqual(spanTexts(python, "x = 'a' + \"b\"  # don't \"quote\"\ny = 1"), [
            .string: ["'a'", "\"b\""],
            .comment: ["# don't \"quote\""],
        ])
    }

    func testHashInsideStringIsNotAComment() {
        XCTAssertEqual(spanTexts(python, "url = 'https://x.io/#frag'  # real"), [
            .string: ["'https://x.io/#frag'"],
            .comment: ["# real"],
        ])
    }

    func testPrefixesInAnyCase() {
        let source = "a = r'\\d' + b'x' + U'y' + Rb'z' + bR'w' + rB\"v\""
        XCTAssertEqual(spanTexts(python, source), [
            .string: ["r'\\d'", "b'x'", "U'y'", "Rb'z'", "bR'w'", "rB\"v\""],
        ])
    }

    func testNamesEndingLikePrefixesAreNotPrefixes() {
        XCTAssertEqual(spanTexts(python, "fr = bar'x'"), [.string: ["'x'"]])
    }

    func testEscapedQuotesIncludingRawStrings() {
        XCTAssertEqual(spanTexts(python, #"a = 'it\'s'; b = r"\"still\""; c = '\\'"#), [
            .string: [#"'it\'s'"#, #"r"\"still\"""#, #"'\\'"#],
        ])
    }

    func testTripleQuotedStringsHoldQuotesAndLines() {
        let source = """
        x = '''He said "hi" and 'bye'
        ''isn't'' over'''
        y = \"\"\"a "" b\"\"\"\"
        """
        XCTAssertEqual(spanTexts(python, source), [
            .string: ["'''He said \"hi\" and 'bye'\n''isn't'' over'''", "\"\"\"a \"\" b\"\"\"", "\""],
        ])
    }

    func testUnterminatedStrings() {
        XCTAssertEqual(spanTexts(python, "a = 'oops\r\nb = 2"), [.string: ["'oops"]])
        XCTAssertEqual(spanTexts(python, "a = 1\n\"\"\"never\nclosed"), [.comment: ["\"\"\"never\nclosed"]])
    }

    // MARK: - Docstrings

    func testDocstringsAreComments() {
        let source = """
        \"\"\"Module docstring.\"\"\"
        import os

        class Sender:
            '''Class docstring with a "quote".'''

            def send(self, to):
                r\"\"\"Function docstring.\"\"\"
                x = 1
                "attribute docstring after a statement"  # trailing comment
                return "value"
        """
        XCTAssertEqual(spanTexts(python, source), [
            .comment: [
                "\"\"\"Module docstring.\"\"\"",
                "'''Class docstring with a \"quote\".'''",
                "r\"\"\"Function docstring.\"\"\"",
                "\"attribute docstring after a statement\"",
                "# trailing comment",
            ],
            .string: ["\"value\""],
        ])
    }

    func testArgumentOnItsOwnLineIsNotADocstring() {
        let source = """
        client.messages.create(
            "+15558675310",
            \"\"\"multi-line body\"\"\"
        )
        x = (
            "parenthesised"
        )
        """
        XCTAssertEqual(spanTexts(python, source), [
            .string: ["\"+15558675310\"", "\"\"\"multi-line body\"\"\"", "\"parenthesised\""],
        ])
    }

    func testStringStartingAnExpressionIsNotADocstring() {
        XCTAssertEqual(spanTexts(python, "\", \".join(parts)\nx = \\\n    'continued'"), [
            .string: ["\", \"", "'continued'"],
        ])
    }

    // MARK: - f-strings

    func testFStringFieldsAreCode() {
        XCTAssertEqual(spanTexts(python, "s = f'Hello {name}, {{literal}} {n + 1}!'"), [
            .string: ["f'Hello ", ", {{literal}} ", "!'"],
        ])
    }

    func testFStringNestedQuotesAndBraces() {
        let source = #"s = f"{d['key']} and {', '.join(f'<{x}>' for x in xs)} {  {'a': 1}['a'] }""#
        XCTAssertEqual(spanTexts(python, source), [
            .string: ["f\"", "'key'", " and ", "', '", "f'<", ">'", " ", "'a'", "'a'", "\""],
        ])
    }

    func testFStringSameQuoteNestingAsInPython312() {
        XCTAssertEqual(spanTexts(python, #"s = f"{x["k"]}" + "after""#), [
            .string: ["f\"", "\"k\"", "\"", "\"after\""],
        ])
    }

    func testFStringFormatSpecsStayString() {
        XCTAssertEqual(spanTexts(python, "s = f'{price:>10.2f} {x!r:{width}} {a!=b}'"), [
            .string: ["f'", ">10.2f", " ", " ", "'"],
        ])
    }

    func testTripleQuotedRawFString() {
        let source = "s = rf'''{a}\\d \"\n{b}'''\nt = 'x'"
        XCTAssertEqual(spanTexts(python, source), [
            .string: ["rf'''", "\\d \"\n", "'''", "'x'"],
        ])
    }

    func testNamedUnicodeEscapeOpensNoField() {
        XCTAssertEqual(spanTexts(python, #"s = f"\N{EM DASH} {x}""#), [
            .string: [#"f"\N{EM DASH} "#, "\""],
        ])
    }

    func testUnterminatedFStringFieldEndsAtLineEnd() {
        XCTAssertEqual(spanTexts(python, "s = f'{oops\nt = 'ok'  # c"), [
            .string: ["f'", "'ok'"],
            .comment: ["# c"],
        ])
    }

    // MARK: - Offsets and line endings

    func testCRLFAndMultibyteOffsets() {
        let source = "# ünïcode ☎️\r\n\"\"\"Doc.\"\"\"\r\nx = 'é'\r\n"
        let bytes = Array(source.utf8)
        let spans = tokenize(python, source)
        XCTAssertEqual(spans.map(\.kind), [.comment, .comment, .string])
        XCTAssertEqual(spans[0].range, 0..<"# ünïcode ☎️".utf8.count)
        XCTAssertEqual(String(decoding: bytes[spans[1].range], as: UTF8.self), "\"\"\"Doc.\"\"\"")
        XCTAssertEqual(String(decoding: bytes[spans[2].range], as: UTF8.self), "'é'")
    }

    // MARK: - Robustness

    func testMalformedInputKeepsTheContract() {
        let source = """
        '''doc
        f"{a:{b}!r} {{ {c["d"]} \\N{X} {e
        rb'\\'' # x
        """
        assertRobust(python, on: source)
        assertRobust(python, on: String(repeating: "f'{", count: 300) + String(repeating: "}'", count: 100))
    }
}
