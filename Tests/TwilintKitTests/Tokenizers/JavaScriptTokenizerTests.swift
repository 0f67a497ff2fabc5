import XCTest
@testable import TwilintKit

final class JavaScriptTokenizerTests: XCTestCase {
    private let js = JavaScriptTokenizer(jsx: true)
    private let ts = JavaScriptTokenizer(jsx: false)

    // MARK: - Comments and strings

    func testCommentsAndStrings() {
        let source = """
        // line comment
        const a = 'single', b = "double"; /* block
        comment */ const c = 1;
        """
        XCTAssertEqual(spanTexts(js, source), [
            .comment: ["// line comment", "/* block\ncomment */"],
            .string: ["'single'", "\"double\""],
        ])
    }

    func testSlashesInsideStringsAreNotComments() {
        XCTAssertEqual(spanTexts(js, #"const url = "https://api.twilio.com"; // real"#), [
            .string: ["\"https://api.twilio.com\""],
            .comment: ["// real"],
        ])
    }

    func testQuotesInsideCommentsOpenNoString() {
        XCTAssertEqual(spanTexts(js, "// don't\n/* it's */ x = \"y\""), [
            .comment: ["// don't", "/* it's */"],
            .string: ["\"y\""],
        ])
    }

    func testEscapedQuotesAndLineContinuation() {
        XCTAssertEqual(spanTexts(js, #"a = 'it\'s'; b = "say \"hi\"\\"; c"#), [
            .string: [#"'it\'s'"#, #""say \"hi\"\\""#],
        ])
        XCTAssertEqual(spanTexts(js, "a = 'one \\\r\ntwo'; b"), [.string: ["'one \\\r\ntwo'"]])
    }

    func testUnterminatedStringEndsAtLineEnd() {
        XCTAssertEqual(spanTexts(js, "a = 'oops\r\nb = \"ok\""), [.string: ["'oops", "\"ok\""]])
    }

    func testUnterminatedBlockCommentAndTemplateRunToEndOfFile() {
        XCTAssertEqual(spanTexts(js, "a /* never\nclosed"), [.comment: ["/* never\nclosed"]])
        XCTAssertEqual(spanTexts(js, "a = `never\nclosed"), [.string: ["`never\nclosed"]])
    }

    func testHashbang() {
        XCTAssertEqual(spanTexts(js, "#!/usr/bin/env node\nconst x = 1"), [.comment: ["#!/usr/bin/env node"]])
    }

    // MARK: - Template literals

    func testTemplateHolesAreCode() {
        XCTAssertEqual(spanTexts(js, "const s = `Hello ${name}, you owe ${total / 2}!`"), [
            .string: ["`Hello ", ", you owe ", "!`"],
        ])
    }

    func testNestedTemplatesBracesAndStringsInHoles() {
        let source = "x = `a ${ f({ k: `b ${ `c ${d}` } e`, s: '}' }) } z`"
        XCTAssertEqual(spanTexts(js, source), [
            .string: ["`a ", "`b ", "`c ", "`", " e`", "'}'", " z`"],
        ])
    }

    func testEscapedDollarInTemplateOpensNoHole() {
        XCTAssertEqual(spanTexts(js, #"x = `cost \${notAHole} ${real}`"#), [
            .string: [#"`cost \${notAHole} "#, "`"],
        ])
    }

    // MARK: - Regex literals

    func testRegexVersusDivision() {
        XCTAssertEqual(spanTexts(js, "const r = /ab+c/gi; const q = a / b / c;"), [.regex: ["/ab+c/gi"]])
        XCTAssertEqual(spanTexts(js, "x = (a + b) / 2 / (c) / d[0] / 4"), [:])
        XCTAssertEqual(spanTexts(js, "x = arr.map(v => v / 2).filter(v => /^\\d+$/.test(v))"), [.regex: ["/^\\d+$/"]])
    }

    func testRegexAfterKeywords() {
        XCTAssertEqual(spanTexts(js, "function f(s) { return /\\+1\\d{10}/.test(s) }"), [.regex: ["/\\+1\\d{10}/"]])
        XCTAssertEqual(spanTexts(js, "if (typeof /x/ === 'object') {}"), [
            .regex: ["/x/"], .string: ["'object'"],
        ])
        XCTAssertEqual(spanTexts(js, "export default <App title='t' />"), [.string: ["'t'"]])
        // After a property access a keyword is just a name: this is division.
        XCTAssertEqual(spanTexts(js, "y = obj.return / 2 / 3"), [:])
    }

    func testRegexClassMayHoldSlashesAndQuotes() {
        XCTAssertEqual(spanTexts(js, #"const r = /[/'"]+\/x/; s = "a""#), [
            .regex: [#"/[/'"]+\/x/"#], .string: ["\"a\""],
        ])
    }

    func testSlashWithoutClosingOnTheLineIsDivision() {
        XCTAssertEqual(spanTexts(js, "x = a\n/ b\ny = 'q'"), [.string: ["'q'"]])
        XCTAssertEqual(spanTexts(js, "x = (/ 2\n)"), [:])
    }

    func testPostfixIncrementKeepsDivision() {
        XCTAssertEqual(spanTexts(js, "x = i++ / 2; y = 'a/b'"), [.string: ["'a/b'"]])
    }

    func testRegexInsideTemplateHole() {
        XCTAssertEqual(spanTexts(js, "`${s.replace(/\\}/g, '')}`"), [
            .string: ["`", "''", "`"], .regex: ["/\\}/g"],
        ])
    }

    // MARK: - JSX

    func testJSXTextWithApostropheOpensNoString() {
        let source = """
        const A = () => <p className="note">Don't call {user.name}'s phone</p>;
        const s = 'after';
        """
        XCTAssertEqual(spanTexts(js, source), [
            .string: ["\"note\"", "Don't call", "'s phone", "'after'"],
        ])
    }

    func testJSXExpressionsNestElementsAndStrings() {
        let source = """
        return (
          <ul>
            {items.map(i => <li key={i.id} title='x'>{i.label + "!"}</li>)}
          </ul>
        );
        """
        XCTAssertEqual(spanTexts(js, source), [.string: ["'x'", "\"!\""]])
    }

    func testJSXSelfClosingFragmentsAndComments() {
        let source = "x = <><Input value={v} /* c */ disabled /><b>it's</b></>; y = 1 / 2; z = 'q'"
        XCTAssertEqual(spanTexts(js, source), [
            .comment: ["/* c */"],
            .string: ["it's", "'q'"],
        ])
    }

    func testJSXCommentInExpressionAndTemplateInAttribute() {
        let source = "x = <div className={`a ${b}`}>{/* don't */}Hi</div>"
        XCTAssertEqual(spanTexts(js, source), [
            .string: ["`a ", "`", "Hi"],
            .comment: ["/* don't */"],
        ])
    }

    func testLessThanComparisonIsNotJSX() {
        XCTAssertEqual(spanTexts(js, "if (a <b && c> d) { s = \"x\" }"), [.string: ["\"x\""]])
    }

    func testTypeScriptGenericsAreNotJSX() {
        XCTAssertEqual(spanTexts(ts, "const x = <Foo>bar; const s = 'don't';"), [.string: ["'don'", "';"]])
        XCTAssertEqual(spanTexts(js, "const f = <T,>(v: T) => 'ok'"), [.string: ["'ok'"]])
        XCTAssertEqual(spanTexts(js, "const f = <T extends object>(v: T) => 'ok'"), [.string: ["'ok'"]])
        XCTAssertEqual(spanTexts(ts, "function id<T>(v: Array<T>): T { return v[0] / 2 }"), [:])
    }

    // MARK: - Offsets

    func testMultibyteTextBeforeSpansKeepsByteOffsets() {
        let source = "// héllo 🎉\nconst s = 'naïve'"
        let spans = tokenize(js, source)
        let bytes = Array(source.utf8)
        XCTAssertEqual(spans.map(\.kind), [.comment, .string])
        XCTAssertEqual(spans[0].range, 0..<"// héllo 🎉".utf8.count)
        XCTAssertEqual(String(decoding: bytes[spans[1].range], as: UTF8.self), "'naïve'")
        XCTAssertEqual(spans[1].range.upperBound, bytes.count)
    }

    func testNonASCIIIdentifiersAreOperands() {
        XCTAssertEqual(spanTexts(js, "const café = 1; x = café / 2 / 3"), [:])
    }

    // MARK: - Robustness

    func testMalformedInputKeepsTheContract() {
        let source = """
        #!node
        const a = `x ${ `y ${ {z: '}'} ` } ` / 2; // c
        const r = /[/]\\/+/g, el = <A b="c" d={<B>{e}</B>}>t's<>{`${f}`}</></A>;
        /* tail "
        """
        assertRobust(js, on: source)
        assertRobust(ts, on: source)
        assertRobust(js, on: String(repeating: "`${", count: 200) + String(repeating: "<a>{", count: 200))
    }
}
