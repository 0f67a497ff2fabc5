@testable import TwilintKit
import XCTest

final class FindingBuilderTests: XCTestCase {
    /// Texts whose line breaks and characters make offsets and columns disagree.
    private static let texts = [
        "abc x\r\ndef\r\n", "abc\r", "\r\n\r\n", "\n", "", "é🙂\r\nx", "a\rb\nc", "tok \u{2028} end\r\n",
    ]

    /// Every byte range of every text, whatever bytes it covers (a line break, half a
    /// `\r\n`, the end of the file), becomes a finding with positions inside the file
    /// and caret columns inside the snippet: it used to trap on a focus that started
    /// on the `\n` of a `\r\n`.
    func testEveryRangeGivesAFindingWithValidPositions() throws {
        let rule = try XCTUnwrap(RuleCatalog.builtin().first).rule
        for text in Self.texts {
            let file = SourceFile(path: "a.txt", text: text)
            let builder = FindingBuilder(file: file, redactions: [])
            let count = file.bytes.count
            for start in 0...count {
                for end in start...count {
                    let finding = builder.finding(rule, at: start..<end)
                    for position in [finding.start, finding.end] {
                        XCTAssertTrue((1...file.lineCount).contains(position.line), "\(text.debugDescription) \(start)..<\(end)")
                        XCTAssertGreaterThanOrEqual(position.column, 1)
                    }
                    XCTAssertLessThanOrEqual(finding.start, finding.end)
                    XCTAssertLessThanOrEqual(finding.snippetColumns.upperBound, finding.snippet.unicodeScalars.count)
                    XCTAssertFalse(finding.snippet.contains("\n"))
                }
            }
        }
    }

    func testAFocusOnTheLineBreakPointsAtTheEndOfItsLine() throws {
        let rule = try XCTUnwrap(RuleCatalog.builtin().first).rule
        let file = SourceFile(path: "a.txt", text: "abc x\r\ndef\r\n")
        let finding = FindingBuilder(file: file, redactions: []).finding(rule, at: 6..<7)
        XCTAssertEqual(finding.start, SourcePosition(line: 1, column: 7))
        XCTAssertEqual(finding.snippet, "abc x")
        XCTAssertEqual(finding.snippetColumns, 5..<5)
    }
}
