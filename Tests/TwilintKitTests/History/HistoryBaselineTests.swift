@testable import TwilintKit
import XCTest

final class HistoryBaselineTests: XCTestCase {
    private func finding(_ rule: String, _ hash: String) -> Finding {
        Finding(ruleID: rule, ruleName: "r", severity: .error, message: "m", path: "a.py",
                start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2), byteRange: 0..<1,
                snippet: "s", snippetColumns: 0..<1, lineHash: "l", matchHash: hash)
    }

    func testWritesSortedEntriesAndFiltersWhatItKnows() throws {
        let a = String(repeating: "a", count: 64), b = String(repeating: "b", count: 64)
        let baseline = HistoryBaseline(findings: [finding("TW002", a), finding("TW001", b), finding("TW001", b)])
        XCTAssertEqual(baseline.text, HistoryBaseline.header + "\nTW001\t\(b)\nTW002\t\(a)\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("history-baseline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(baseline.text.utf8).write(to: file)
        var report = Report(rules: [], findings: [finding("TW001", b), finding("TW001", a)], diagnostics: [],
                            statistics: ScanStatistics(), duration: 0)
        try HistoryBaseline.load(file.path).filter(&report)
        XCTAssertEqual(report.findings.map(\.matchHash), [a], "the same text under another rule is another entry")
        XCTAssertEqual(report.baselined, 1)
    }

    func testACheckBaselineIsRefusedWithItsLine() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("history-baseline-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("# x\nTW001\tapp.py\t0123456789abcdef:1\n".utf8).write(to: file)
        XCTAssertThrowsError(try HistoryBaseline.load(file.path)) { error in
            XCTAssertEqual("\(error)", "\(file.path):2: invalid baseline: expected a rule id and the secret's SHA-256 (64 hex digits), "
                + "separated by a tab (is this a 'twilint check' baseline?); regenerate it with --write-baseline")
        }
    }
}
