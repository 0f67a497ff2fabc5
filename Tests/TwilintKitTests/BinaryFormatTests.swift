@testable import TwilintKit
import XCTest

final class BinaryFormatTests: XCTestCase {
    func testExtensionsOfMediaArchivesAndCompiledFiles() {
        for path in ["clip.y4m", "static/favicon.ICO", "a/b/movie.mp4", "font.woff2", "lib.so", "x.tar.gz"] {
            XCTAssertTrue(BinaryFormat.hasBinaryExtension(path), path)
        }
        for path in ["app.py", "logo.svg", "README", ".ico", "notes.txt", "dir.png/app.py"] {
            XCTAssertFalse(BinaryFormat.hasBinaryExtension(path), path)
        }
    }

    func testMagicBytes() {
        XCTAssertTrue(BinaryFormat.hasBinaryMagic(Array("YUV4MPEG2 W2 H2 F25:1\nFRAME\n".utf8)))
        XCTAssertTrue(BinaryFormat.hasBinaryMagic([0x89] + Array("PNG\r\n\u{1A}\n".utf8)))
        XCTAssertTrue(BinaryFormat.hasBinaryMagic(Array("GIF89a".utf8) + [1, 2]))
        XCTAssertTrue(BinaryFormat.hasBinaryMagic([0xFF, 0xD8, 0xFF, 0xE0]))
        XCTAssertTrue(BinaryFormat.hasBinaryMagic(Array("RIFF\u{10}abcWAVEfmt ".utf8)))
        XCTAssertTrue(BinaryFormat.hasBinaryMagic([0, 0, 0, 0x18] + Array("ftypisom0000".utf8)))
        XCTAssertTrue(BinaryFormat.hasBinaryMagic(Array("ID3\u{04}\u{00}".utf8)))
        for text in ["import os\n", "ID3 tags are read by mutagen\n", "RIFF", "%PD", ""] {
            XCTAssertFalse(BinaryFormat.hasBinaryMagic(Array(text.utf8)), text)
        }
    }
}
