import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// The CI formats end to end, and `--statistics`, `--quiet` and the progress line.
final class OutputCLITests: CLITestCase {
    private func writeApp() throws {
        try write("src/app.py", "client = Client('\(Self.sid)', '\(Self.token)')\n")
        try write("src/clean.py", "import os\n")
    }

    func testGitHubWorkflowCommands() throws {
        try writeApp()
        let run = try twilint(["--format", "github", "src"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout.split(separator: "\n").first,
                       "::error file=src/app.py,line=1,col=18,endLine=1,endColumn=51,title=TW001 hardcoded-twilio-sid::Hardcoded Twilio SID detected. Use environment variables.")
    }

    func testJUnitHasATestCasePerFileScanned() throws {
        try writeApp()
        let run = try twilint(["--format", "junit", "src"])
        let document = try XMLDocument(data: Data(run.stdout.utf8))
        let cases = try document.nodes(forXPath: "//testcase")
        XCTAssertEqual(cases.compactMap { ($0 as? XMLElement)?.attribute(forName: "name")?.stringValue }, ["src/app.py", "src/clean.py"])
        XCTAssertEqual(try document.nodes(forXPath: "//testcase/failure").count, 1)
    }

    func testGitLabCodeQuality() throws {
        try writeApp()
        let run = try twilint(["--format", "gitlab", "-o", "gl-code-quality-report.json", "src"])
        XCTAssertEqual(run.status, 1)
        let issues = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: root.appendingPathComponent("gl-code-quality-report.json")))
            as? [[String: Any]])
        XCTAssertEqual(issues.map { $0["check_name"] as? String }, ["TW001", "TW002"])
        XCTAssertEqual(issues.map { $0["severity"] as? String }, ["critical", "critical"])
        XCTAssertEqual((issues[0]["location"] as? [String: Any])?["path"] as? String, "src/app.py")
        XCTAssertEqual(Set(issues.compactMap { $0["fingerprint"] as? String }).count, 2)
    }

    func testStatisticsGoWithTextOnStandardOutputAndBesideMachineFormats() throws {
        try writeApp()
        let text = try twilint(["--statistics", "src"])
        XCTAssertTrue(text.stdout.hasSuffix("\n1  TW001  hardcoded-twilio-sid  error\n1  TW002  hardcoded-auth-token  error\n"), text.stdout)
        let json = try twilint(["--statistics", "--format", "json", "src"])
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)), "JSON stays parseable")
        XCTAssertTrue(json.stderr.contains("1  TW001  hardcoded-twilio-sid  error"), json.stderr)
    }

    func testQuietPrintsOnlyFindings() throws {
        try writeApp()
        try write("big.js", String(repeating: " ", count: 2048))
        let run = try twilint(["--quiet", "--max-file-size", "1024", "."])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(run.stdout.contains("Found 2 problems"), run.stdout)
        XCTAssertTrue(run.stdout.hasPrefix("src/app.py:1:18: error[TW001"), run.stdout)
        XCTAssertEqual(run.stderr, "", "no warning about the skipped file")
        XCTAssertTrue(try twilint(["--max-file-size", "1024", "."]).stderr.contains("big.js"), "without --quiet the warning shows")
    }

    func testNoProgressLineWhenStandardErrorIsNotATerminal() throws {
        for index in 0..<200 { try write("many/f\(index).py", "x = \(index)\n") }
        let run = try twilint(["many"])
        XCTAssertEqual(run.status, 0)
        XCTAssertFalse(run.stderr.contains("\r") || run.stderr.contains("files\u{1B}"), run.stderr)
        XCTAssertEqual(run.stderr, "")
    }
}
