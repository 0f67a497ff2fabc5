@testable import TwilintServer
import XCTest

/// Positions in UTF-16 and UTF-8 units on lines with emoji and CJK, and incremental edits.
final class TextDocumentTests: XCTestCase {
    private let text = "a = 1\nmsg = \"😀 漢字\" + sid\r\nlast"

    func testUTF16CountsSurrogatePairsAsTwoUnits() {
        let document = TextDocument(uri: "file:///a.py", path: "/a.py", version: 1, text: text)
        let sid = Array(text.utf8).firstRange(of: Array("sid".utf8))!.lowerBound
        XCTAssertEqual(document.position(of: sid, encoding: .utf16), Position(line: 1, character: 16))
        XCTAssertEqual(document.position(of: sid, encoding: .utf8), Position(line: 1, character: 22))
        XCTAssertEqual(document.offset(of: Position(line: 1, character: 16), encoding: .utf16), sid)
        XCTAssertEqual(document.offset(of: Position(line: 1, character: 22), encoding: .utf8), sid)
    }

    func testPositionsPastTheLineOrTextAreClampedAndHalfACharacterMovesToItsEnd() {
        let document = TextDocument(uri: "file:///a.py", path: "/a.py", version: 1, text: text)
        let lineEnd = Array(text.utf8).firstIndex(of: 0x0D)!
        XCTAssertEqual(document.offset(of: Position(line: 1, character: 999), encoding: .utf16), lineEnd, "before \\r\\n")
        XCTAssertEqual(document.offset(of: Position(line: 9, character: 0), encoding: .utf16), text.utf8.count)
        let emoji = Array(text.utf8).firstIndex(of: 0xF0)!
        XCTAssertEqual(document.offset(of: Position(line: 1, character: 8), encoding: .utf16), emoji + 4, "inside the surrogate pair")
    }

    func testIncrementalChangesApplyInOrder() throws {
        var document = TextDocument(uri: "file:///a.py", path: "/a.py", version: 1, text: text)
        try document.apply([
            ["range": ["start": ["line": 1, "character": 10], "end": ["line": 1, "character": 12]], "text": "中文字"],
            ["range": ["start": ["line": 2, "character": 0], "end": ["line": 2, "character": 4]], "text": "x\ny"],
        ], version: 2, encoding: .utf16)
        XCTAssertEqual(String(decoding: document.bytes, as: UTF8.self), "a = 1\nmsg = \"😀 中文字\" + sid\r\nx\ny")
        XCTAssertEqual(document.version, 2)
        XCTAssertEqual(document.lineCount, 4)
        try document.apply([["text": "whole"]], version: 3, encoding: .utf16)
        XCTAssertEqual(document.bytes, Array("whole".utf8))
        XCTAssertThrowsError(try document.apply([["range": ["start": 1]]], version: 4, encoding: .utf16))
    }

    func testTheClientsOfferDecidesTheEncoding() {
        XCTAssertEqual(PositionEncoding.negotiate(["utf-16", "utf-8"]), .utf8)
        XCTAssertEqual(PositionEncoding.negotiate(["utf-32"]), .utf16)
        XCTAssertEqual(PositionEncoding.negotiate([]), .utf16)
    }
}
