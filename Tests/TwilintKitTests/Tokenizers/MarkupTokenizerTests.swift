import XCTest
@testable import TwilintKit

final class MarkupTokenizerTests: XCTestCase {
    private let markup = MarkupTokenizer()

    func testScriptBodyIsTokenizedAsJavaScript() {
        let source = """
        <p>Don't</p><!-- note -->
        <script>const sid = "AC1"; // c
        </script>
        """
        XCTAssertEqual(spanTexts(markup, source), [
            // The body's last line break is script whitespace: code, not markup.
            .markup: ["<p>Don't</p>", "\n<script>", "</script>"],
            .comment: ["<!-- note -->", "// c"],
            .string: ["\"AC1\""],
        ])
    }

    func testScriptSpansAreShiftedToFileOffsets() {
        let source = "<h1>Ünïcödé ☎️</h1><script type=\"module\">x = 'a'</script>"
        let bytes = Array(source.utf8)
        let strings = tokenize(markup, source).filter { $0.kind == .string }
        XCTAssertEqual(strings.count, 1)
        XCTAssertEqual(String(decoding: bytes[strings[0].range], as: UTF8.self), "'a'")
        XCTAssertEqual(strings[0].range.lowerBound, "<h1>Ünïcödé ☎️</h1><script type=\"module\">x = ".utf8.count)
    }

    func testCodeBetweenScriptSpansIsCode() {
        let source = "<script>\nconst client = twilio(sid, token);\n</script>"
        let bytes = Array(source.utf8)
        let offset = Array("<script>\nconst ".utf8).count
        let covered = tokenize(markup, source).contains { $0.range.contains(offset) }
        XCTAssertFalse(covered, "script code must have no span")
        XCTAssertEqual(bytes[offset], UInt8(ascii: "c"))
    }

    func testScriptBodyEndsAtClosingTagEvenInsideAString() {
        XCTAssertEqual(spanTexts(markup, "<SCRIPT>a = '</script>';</SCRIPT>b"), [
            .markup: ["<SCRIPT>", "</script>';</SCRIPT>b"],
            .string: ["'"],
        ])
    }

    func testTypeScriptScriptHasNoJSX() {
        let source = #"<script setup lang="ts">const x = <Foo>bar; const s = "it's"</script>"#
        XCTAssertEqual(spanTexts(markup, source), [
            .markup: [#"<script setup lang="ts">"#, "</script>"],
            .string: [#""it's""#],
        ])
    }

    func testJSXScriptWhenTheTagSaysSo() {
        let source = #"<script type="text/babel">const a = <p>Don't</p>;</script>"#
        XCTAssertEqual(spanTexts(markup, source), [
            .markup: [#"<script type="text/babel">"#, "</script>"],
            .string: ["Don't"],
        ])
    }

    func testDataBlocksStayMarkup() {
        let source = #"<script type="application/ld+json">{"a": "b // c"}</script>"#
        XCTAssertEqual(spanTexts(markup, source), [.markup: [source]])
    }

    func testAttributeValuesWithAngleBracketsAndScriptLikeTags() {
        let source = #"<script data-x='a>b' src="x.js"></script><scripts>'</scripts>"#
        XCTAssertEqual(spanTexts(markup, source), [
            .markup: [#"<script data-x='a>b' src="x.js">"#, "</script><scripts>'</scripts>"],
        ])
    }

    func testVueSingleFileComponent() {
        let source = """
        <template>
          <p>{{ msg }} isn't code</p>
        </template>
        <script>
        export default { data: () => ({ msg: 'hi' }) } /* c */
        </script>
        <style>p { color: red }</style>
        """
        XCTAssertEqual(spanTexts(markup, source), [
            .markup: ["<template>\n  <p>{{ msg }} isn't code</p>\n</template>\n<script>", "</script>\n<style>p { color: red }</style>"],
            .string: ["'hi'"],
            .comment: ["/* c */"],
        ])
    }

    func testUnterminatedCommentAndScript() {
        XCTAssertEqual(spanTexts(markup, "<p>a</p><!-- open"), [.markup: ["<p>a</p>"], .comment: ["<!-- open"]])
        XCTAssertEqual(spanTexts(markup, "<script>x = 'open"), [.markup: ["<script>"], .string: ["'open"]])
        XCTAssertEqual(spanTexts(markup, "<script src='x"), [.markup: ["<script src='x"]])
    }

    func testMalformedInputKeepsTheContract() {
        let source = """
        <!-- a --><script lang=ts >`${'<'}`</script><script/><b>'</b><!-- <script>
        """
        assertRobust(markup, on: source)
    }
}
