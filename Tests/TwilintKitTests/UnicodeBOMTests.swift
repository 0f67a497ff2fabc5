@testable import TwilintKit
import XCTest

final class UnicodeBOMTests: XCTestCase {
    private let text = "sid = 'é🙂'\n"

    func testEachMarkIsRecognisedAndDecoded() throws {
        let cases: [(UnicodeBOM, [UInt8], String.Encoding)] = [
            (.utf16LittleEndian, [0xFF, 0xFE], .utf16LittleEndian), (.utf16BigEndian, [0xFE, 0xFF], .utf16BigEndian),
            (.utf32LittleEndian, [0xFF, 0xFE, 0, 0], .utf32LittleEndian), (.utf32BigEndian, [0, 0, 0xFE, 0xFF], .utf32BigEndian),
        ]
        for (expected, mark, encoding) in cases {
            let bytes = mark + Array(try XCTUnwrap(text.data(using: encoding)))
            XCTAssertEqual(UnicodeBOM(of: bytes), expected)
            XCTAssertEqual(String(decoding: expected.decode(bytes), as: UTF8.self), text, "\(expected)")
        }
    }

    func testUTF8AndPlainTextHaveNoMark() {
        XCTAssertNil(UnicodeBOM(of: [0xEF, 0xBB, 0xBF] + Array(text.utf8)))
        XCTAssertNil(UnicodeBOM(of: Array(text.utf8)))
        XCTAssertNil(UnicodeBOM(of: []))
    }

    func testBrokenUnitsBecomeReplacementCharacters() {
        // A lone high surrogate, then one byte short of a unit.
        XCTAssertEqual(String(decoding: UnicodeBOM.utf16LittleEndian.decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42]), as: UTF8.self),
                       "A\u{FFFD}\u{FFFD}")
        // A value past U+10FFFF, then two stray bytes.
        XCTAssertEqual(String(decoding: UnicodeBOM.utf32BigEndian.decode([0, 0, 0xFE, 0xFF, 0, 0x11, 0, 0, 0, 0]), as: UTF8.self),
                       "\u{FFFD}\u{FFFD}")
        XCTAssertEqual(UnicodeBOM.utf16BigEndian.decode([0xFE, 0xFF]), [])
    }
}
