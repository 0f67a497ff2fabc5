@testable import TwilintKit
import XCTest

/// Applying edits: order, shared edits, conflicts left for the next round.
final class FixApplierTests: XCTestCase {
    private func fix(_ edits: Edit...) -> Fix { Fix(title: "t", applicability: .safe, edits: edits) }

    func testEditsApplyAtTheirOffsetsWhateverTheirOrder() {
        let text = Array("abcdef".utf8)
        let outcome = FixApplier.apply([fix(Edit(4..<5, "E")), fix(Edit(0..<1, "A"), .insert("+", at: 2))], to: text)
        XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self), "Ab+cdEf")
        XCTAssertEqual(outcome.applied, [0, 1])
    }

    func testIdenticalEditsAreMadeOnceAndConflictingFixesWait() {
        let text = Array("x = 'a'\ny = 'b'\n".utf8)
        let importOS = Edit.insert("import os\n", at: 0)
        let first = fix(importOS, Edit(4..<7, "A")), second = fix(importOS, Edit(12..<15, "B")), overlapping = fix(Edit(5..<9, "!"))
        let outcome = FixApplier.apply([first, second, overlapping], to: text)
        XCTAssertEqual(String(decoding: outcome.bytes, as: UTF8.self), "import os\nx = A\ny = B\n")
        XCTAssertEqual(outcome.applied, [0, 1], "the fix overlapping the first is left for another round")
    }

    func testInsertionsAtOnePlaceConflictUnlessEqual() {
        XCTAssertTrue(Edit.insert("a", at: 3).conflicts(with: .insert("b", at: 3)))
        XCTAssertFalse(Edit.insert("a", at: 3).conflicts(with: .insert("a", at: 3)))
        XCTAssertTrue(Edit.insert("a", at: 3).conflicts(with: Edit(2..<4, "")))
        XCTAssertFalse(Edit.insert("a", at: 2).conflicts(with: Edit(2..<4, "")), "an insertion before a replacement is clear")
        XCTAssertFalse(Edit(0..<2, "").conflicts(with: Edit(2..<4, "")))
    }

    func testAnEditPastTheEndIsNotApplied() {
        let outcome = FixApplier.apply([fix(Edit(2..<9, ""))], to: Array("abc".utf8))
        XCTAssertEqual(outcome, FixApplier.Outcome(bytes: Array("abc".utf8), applied: []))
    }
}
