import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SARIFChecks
@testable import TwilintKit
import XCTest

/// Reporters pinned by golden files in `Golden/`. Set TWILINT_UPDATE_GOLDEN=1 to rewrite them.
final class ReporterTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A fixed report: two files, findings of both secret rules, one diagnostic.
    static func sampleReport() throws -> Report {
        // Only the secret rules: the golden files pin the reporters, not every rule's docs.
        let rules = try RuleCatalog.filter(RuleCatalog.load(), select: ["TW001", "TW002"], ignore: [])
        let linter = try Linter(rules: rules, options: LintOptions())
        let python = linter.run(text: Array("""
            from twilio.rest import Client
            client = Client("AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c")

            """.utf8), path: "src/app.py")
        let config = linter.run(text: Array("# é\nTWILIO_AUTH_TOKEN=0a1b2c3d4e5f60718293a4b5c6d7e8f9\n".utf8), path: "deploy/.env")
        var statistics = python.statistics + config.statistics
        statistics.skippedBinary = 1
        return Report(
            rules: python.rules, findings: (python.findings + config.findings).sorted(),
            diagnostics: [Diagnostic(.warning, path: "big.min.js", "skipped: 90000000 bytes is over the 67108864-byte limit (raise it with --max-file-size)")],
            statistics: statistics, duration: 0.0123, scannedFiles: python.scannedFiles + config.scannedFiles + ["src/clean.py"])
    }

    /// Checks `format`'s rendering of the sample report against `Golden/file` and returns it.
    @discardableResult
    private func assertGolden(_ format: OutputFormat, file: String, color: Bool = false,
                              report: Report? = nil, includeSuppressed: Bool = false) throws -> String {
        let context = ReportContext(rootDirectory: "/work/project", color: color, includeSuppressed: includeSuppressed)
        let output = format.reporter.render(try report ?? Self.sampleReport(), context: context)
        let url = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["TWILINT_UPDATE_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(output, expected, "\(file) changed; rerun with TWILINT_UPDATE_GOLDEN=1 if that is intended")
        return output
    }

    func testText() throws { try assertGolden(.text, file: "report.txt") }
    func testTextWithColor() throws { try assertGolden(.text, file: "report-color.txt", color: true) }
    func testJSON() throws { try assertGolden(.json, file: "report.json") }
    /// The SARIF golden file is also a log that the schema and GitHub code scanning accept.
    func testSARIF() throws {
        let output = try assertGolden(.sarif, file: "report.sarif")
        XCTAssertEqual(SARIFValidator.problems(in: Data(output.utf8)), [])
    }
    func testGCC() throws { try assertGolden(.gcc, file: "report.gcc.txt") }
    func testJSONLines() throws { try assertGolden(.jsonLines, file: "report.jsonl") }
    func testGitHub() throws { try assertGolden(.github, file: "report.github.txt") }
    func testJUnit() throws { try assertGolden(.junit, file: "report.junit.xml") }
    func testGitLab() throws { try assertGolden(.gitlab, file: "report.gitlab.json") }

    /// The sample report with its TW001 finding silenced by a directive that gives a reason
    /// (and only the rules it has findings of, so new rules leave its goldens alone).
    static func suppressedSampleReport() throws -> Report {
        var report = try sampleReport()
        report.rules.removeAll { !["TW001", "TW002"].contains($0.id) }
        let index = try XCTUnwrap(report.findings.firstIndex { $0.ruleID == "TW001" })
        var finding = report.findings.remove(at: index)
        finding.suppression = Suppression(directive: "ignore[TW001]", line: 2, reason: "Twilio's documented test account")
        report.suppressed = [finding]
        return report
    }

    func testSuppressedFindingsInJSONWithTheirReason() throws {
        try assertGolden(.json, file: "report-suppressed.json", report: Self.suppressedSampleReport())
    }

    func testSuppressedFindingsInSARIFOnlyWhenIncluded() throws {
        let report = try Self.suppressedSampleReport()
        let plain = SarifReporter().render(report, context: ReportContext(rootDirectory: "/work/project"))
        XCTAssertFalse(plain.contains("suppressions"))
        XCTAssertEqual(plain.components(separatedBy: "\"ruleId\"").count - 1, 2)
        XCTAssertEqual(SARIFValidator.problems(in: Data(plain.utf8)), [])
        let included = try assertGolden(.sarif, file: "report-suppressed.sarif", report: report, includeSuppressed: true)
        XCTAssertEqual(SARIFValidator.problems(in: Data(included.utf8)), [])
    }

    func testGitHubCommandsEscapePercentLineBreaksAndPropertySeparators() {
        XCTAssertEqual(GitHubReporter.escapeData("100% done\r\nnext: a,b"), "100%25 done%0D%0Anext: a,b")
        XCTAssertEqual(GitHubReporter.escapeProperty("dir:a,b/100%.py"), "dir%3Aa%2Cb/100%25.py")
    }

    func testJUnitEscapesMarkupAndDropsControlCharacters() {
        XCTAssertEqual(JUnitReporter.escape("<a href=\"x\">&'\u{1B}[0m"), "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\u{FFFD}[0m")
    }

    func testJUnitParsesAsXMLAndCountsFilesAndFailures() throws {
        let output = JUnitReporter().render(try Self.sampleReport(), context: ReportContext(rootDirectory: "/work/project"))
        let document = try XMLDocument(data: Data(output.utf8))
        let suite = try XCTUnwrap(try document.nodes(forXPath: "/testsuites/testsuite").first as? XMLElement)
        XCTAssertEqual(suite.attribute(forName: "tests")?.stringValue, "3")
        XCTAssertEqual(suite.attribute(forName: "failures")?.stringValue, "2")
        XCTAssertEqual(try document.nodes(forXPath: "//testcase[not(failure)]/@name").map(\.stringValue), ["src/clean.py"])
    }

    func testGitLabFingerprintsAreUniqueAndSurviveALineMove() throws {
        let report = try Self.sampleReport()
        let issues = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(GitLabReporter().render(report, context: ReportContext(rootDirectory: "/")).utf8)) as? [[String: Any]])
        let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
        XCTAssertEqual(Set(fingerprints).count, 3)
        var moved = report
        moved.findings = moved.findings.map { finding in
            var shifted = finding
            shifted.start.line += 10
            shifted.end.line += 10
            return shifted
        }
        XCTAssertEqual(GitLabReporter().render(moved, context: ReportContext(rootDirectory: "/")).components(separatedBy: fingerprints[0]).count, 2)
    }

    func testStatisticsCountEachRuleMostFirst() throws {
        XCTAssertEqual(StatisticsTable.render(try Self.sampleReport()), """
            2  TW002  hardcoded-auth-token  error
            1  TW001  hardcoded-twilio-sid  error

            """)
    }

    func testJSONIsParseableAndCountsMatch() throws {
        let output = JSONReporter().render(try Self.sampleReport(), context: ReportContext(rootDirectory: "/"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        XCTAssertEqual((object["findings"] as? [Any])?.count, 3)
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual((summary["findings"] as? [String: Int])?["error"], 3)
    }

    func testRedactorKeepsFourAndTwo() {
        XCTAssertEqual(Redactor.redact("AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"), "AC3f…5e")
        XCTAssertEqual(Redactor.redact("short"), "*****")
    }
}
