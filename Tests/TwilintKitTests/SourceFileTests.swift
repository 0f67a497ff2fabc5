@testable import TwilintKit
import XCTest

final class SourceFileTests: XCTestCase {
    /// `kind(at:)` tokenizes only a prefix of the file; it must agree with the whole
    /// file's spans at every offset, in every fixture of every source language.
    func testPrefixTokenizationAgreesWithTheWholeFile() throws {
        var checked = 0
        for (relative, path, language, data) in try SourceFixtures.all() {
            let whole = SourceFile(path: path, language: language, bytes: data).spans
            // A fresh file per offset, so that each answer comes from the shortest prefix.
            for offset in stride(from: 0, to: data.count, by: max(1, data.count / 60)) {
                let file = SourceFile(path: path, language: language, bytes: data)
                XCTAssertEqual(file.kind(at: offset), whole.kind(at: offset), "\(relative) at byte \(offset)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 1_000)
    }

    func testColumnsCountOnFromTheLastPositionOnTheSameLine() {
        let file = SourceFile(path: "a.py", text: "x = 'é' + 'ü' + y\nz\n")
        // Out of order on purpose: an earlier offset must not reuse a later count.
        XCTAssertEqual(file.position(of: 16), SourcePosition(line: 1, column: 15))
        XCTAssertEqual(file.position(of: 4), SourcePosition(line: 1, column: 5))
        XCTAssertEqual(file.position(of: 12), SourcePosition(line: 1, column: 12))
        XCTAssertEqual(file.position(of: 20), SourcePosition(line: 2, column: 1))
        XCTAssertEqual(file.position(of: 99), SourcePosition(line: 3, column: 1))
    }

    /// The code model memoised on a file points back at it (explain-file leaked such
    /// files under LeakSanitizer): the file lives until its derived values are dropped.
    func testAFileWithACodeModelIsFreedOnceItsDerivedValuesAreDropped() {
        weak var released: SourceFile?
        var calls = 0
        do {
            let file = SourceFile(path: "send.js", text: "client.messages.create({ to: user.phone });\n")
            calls = CodeModel.of(file).calls.count
            released = file
        }
        XCTAssertEqual(calls, 1)
        XCTAssertNotNil(released, "the memo cycle keeps the file alive until forgetDerivedValues")
        released?.forgetDerivedValues()
        XCTAssertNil(released)
    }
}
