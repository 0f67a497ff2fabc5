import Foundation
@testable import TwilintKit
import XCTest

/// Reporters pinned by golden files in `Golden/`. Set TWILINT_UPDATE_GOLDEN=1 to rewrite them.
final class ReporterTests: XCTestCase {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// A fixed report: two files, findings of both secret rules, one diagnostic.
    static func sampleReport() throws -> Report {
        let linter = try Linter(rules: RuleCatalog.load(), options: LintOptions())
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
            statistics: statistics, duration: 0.0123)
    }

    private func assertGolden(_ format: OutputFormat, file: String, color: Bool = false) throws {
        let output = format.reporter.render(try Self.sampleReport(), context: ReportContext(rootDirectory: "/work/project", color: color))
        let url = Self.golden.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["TWILINT_UPDATE_GOLDEN"] == "1" {
            try output.write(to: url, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(output, expected, "\(file) changed; rerun with TWILINT_UPDATE_GOLDEN=1 if that is intended")
    }

    func testText() throws { try assertGolden(.text, file: "report.txt") }
    func testTextWithColor() throws { try assertGolden(.text, file: "report-color.txt", color: true) }
    func testJSON() throws { try assertGolden(.json, file: "report.json") }
    func testSARIF() throws { try assertGolden(.sarif, file: "report.sarif") }

    func testSARIFGoldenPassesTheSchemaAndGitHubChecks() throws {
        try SarifValidator.assertValid(Self.golden.appendingPathComponent("report.sarif").path)
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

/// Runs ../shared/sarif/validate-sarif.py (official schema + GitHub's rules).
enum SarifValidator {
    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/sarif/validate-sarif.py")

    static func assertValid(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard FileManager.default.fileExists(atPath: script.path) else {
            XCTFail("the SARIF validator is missing at \(script.path)", file: file, line: line)
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "validate-sarif.py: \(output)", file: file, line: line)
    }
}
