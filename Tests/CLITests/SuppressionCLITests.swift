import Foundation
import SARIFChecks
import XCTest

/// Inline `twilint:` directives and how each format shows what they silenced.
final class SuppressionCLITests: CLITestCase {
    private func writeSuppressedApp() throws {
        try write("app.py", """
            from twilio.rest import Client
            # twilint: ignore-next-line[TW001] -- Twilio's documented test account
            TEST_SID = '\(Self.sid)'

            """)
    }

    func testASuppressedFindingPassesAndJSONKeepsTheReason() throws {
        try writeSuppressedApp()
        let text = try twilint(["app.py"])
        XCTAssertEqual(text.status, 0, text.stdout)
        XCTAssertTrue(text.stdout.contains("No problems found in 1 file"), text.stdout)
        XCTAssertTrue(text.stdout.contains("; 1 suppressed."), text.stdout)

        let json = try twilint(["--format", "json", "app.py"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["findings"] as? [Any])?.count, 0)
        let suppressed = try XCTUnwrap((object["suppressed"] as? [[String: Any]])?.first)
        let suppression = try XCTUnwrap(suppressed["suppression"] as? [String: Any])
        XCTAssertEqual(suppression["reason"] as? String, "Twilio's documented test account")
        XCTAssertEqual(suppression["directive"] as? String, "ignore-next-line[TW001]")
    }

    /// Found by the pipeline fuzzer: a reason that quotes the credential it silences
    /// printed it whole in JSON, JSON Lines and SARIF. The reason is redacted like a snippet.
    func testAReasonThatQuotesTheSecretItSilencesIsRedacted() throws {
        try write("app.py", """
            ACCOUNT_SID = os.environ["TWILIO_ACCOUNT_SID"]  # twilint: ignore[TW001] -- rotated; was \(Self.sid) until May
            other = "\(Self.sid)"

            """)
        let redacted = "AC3f…5e"
        let json = try twilint(["--format", "json", "app.py"])
        XCTAssertEqual(json.status, 1, json.stderr)
        XCTAssertFalse(json.stdout.contains(Self.sid), json.stdout)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["findings"] as? [[String: Any]])?.map { $0["line"] as? Int }, [2])
        let suppressed = try XCTUnwrap((object["suppressed"] as? [[String: Any]])?.first)
        let suppression = try XCTUnwrap(suppressed["suppression"] as? [String: Any])
        XCTAssertEqual(suppression["reason"] as? String, "rotated; was \(redacted) until May")
        for format in ["json-lines", "sarif"] {
            let output = try twilint(["--format", format, "--include-suppressed", "app.py"])
            XCTAssertEqual(output.status, 1, "\(format): \(output.stderr)")
            // SARIF's rule help quotes this very SID as an example, so look at the reason itself.
            XCTAssertFalse(output.stdout.contains("was \(Self.sid)"), "\(format): \(output.stdout)")
            XCTAssertTrue(output.stdout.contains("rotated; was \(redacted) until May"), "\(format): \(output.stdout)")
        }
        let shown = try twilint(["--format", "json", "--no-redact", "app.py"])
        XCTAssertTrue(shown.stdout.contains("rotated; was \(Self.sid) until May"), "--no-redact shows the reason as written")
    }

    func testSARIFLeavesSuppressedFindingsOutUnlessIncluded() throws {
        try writeSuppressedApp()
        let plain = try twilint(["--format", "sarif", "app.py"])
        let log = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual((run["results"] as? [Any])?.count, 0, "GitHub would show a suppressed result as an open alert")
        // Only the rules of this test, so the SARIF check judges what this test is about.
        let included = try twilint(["--format", "sarif", "--include-suppressed", "--select", "TW001,TW002", "-o", "out.sarif", "app.py"])
        XCTAssertEqual(included.status, 0)
        let sarif = try read("out.sarif")
        XCTAssertTrue(sarif.contains("\"kind\" : \"inSource\""), sarif)
        XCTAssertTrue(sarif.contains("\"justification\" : \"Twilio's documented test account\""))
        XCTAssertEqual(SARIFValidator.problems(inFile: root.appendingPathComponent("out.sarif").path), [])

        let lines = try twilint(["--format", "json-lines", "--include-suppressed", "app.py"])
        XCTAssertTrue(lines.stdout.contains("\"suppression\":{\"directive\":\"ignore-next-line[TW001]\""), lines.stdout)
    }

    func testUnusedIgnoresAreReportedOnlyWhenAsked() throws {
        try write("app.py", "import os\nsid = os.environ['TWILIO_ACCOUNT_SID']  # twilint: ignore[TW001]\n")
        XCTAssertEqual(try twilint(["--format", "gcc", "app.py"]).stdout, "")
        let asked = try twilint(["--format", "gcc", "--report-unused-ignores", "app.py"])
        XCTAssertEqual(asked.status, 0, "TW000 is an info finding")
        XCTAssertEqual(asked.stdout, "app.py:2:43: note: 'twilint: ignore[TW001]' suppresses no TW001 finding; remove it. [TW000]\n")
        XCTAssertEqual(try twilint(["--report-unused-ignores", "--fail-on", "info", "app.py"]).status, 1)
        let sarif = try twilint(["--format", "sarif", "--report-unused-ignores", "--select", "TW001", "-o", "unused.sarif", "app.py"])
        XCTAssertEqual(sarif.status, 0)
        XCTAssertTrue(try read("unused.sarif").contains("\"id\" : \"TW000\""))
        XCTAssertEqual(SARIFValidator.problems(inFile: root.appendingPathComponent("unused.sarif").path), [])
        // Ignored, it is not reported even when asked for.
        XCTAssertEqual(try twilint(["--format", "gcc", "--report-unused-ignores", "--ignore", "TW000", "app.py"]).stdout, "")
        try write(".twilint.yml", "ignore: [unused-suppression]\n")
        XCTAssertEqual(try twilint(["--format", "gcc", "--report-unused-ignores", "app.py"]).stdout, "")
    }

    /// TW000 is a rule file like the others: `explain` knows it, the configuration
    /// may set its severity, and SARIF's help link names a file that exists.
    func testTheUnusedSuppressionRuleIsARuleFile() throws {
        let explain = try twilint(["explain", "TW000"])
        XCTAssertEqual(explain.status, 0, explain.stderr)
        XCTAssertTrue(explain.stdout.hasPrefix("TW000 unused-suppression (info)\n\nA twilint suppression comment that suppresses nothing.\n"),
                      explain.stdout)
        XCTAssertTrue(explain.stdout.contains("Runs only with `--report-unused-ignores`."), explain.stdout)
        XCTAssertTrue(try twilint(["rules"]).stdout.hasPrefix("TW000  info     unused-suppression"))

        try write("app.py", "import os\nsid = os.environ['TWILIO_ACCOUNT_SID']  # twilint: ignore[TW001]\n")
        try write(".twilint.yml", "severity: {TW000: warning}\n")
        let raised = try twilint(["--format", "gcc", "--report-unused-ignores", "app.py"])
        XCTAssertEqual(raised.status, 1, "a warning fails the default --fail-on: \(raised.stderr)")
        XCTAssertEqual(raised.stdout, "app.py:2:43: warning: 'twilint: ignore[TW001]' suppresses no TW001 finding; remove it. [TW000]\n")

        let sarif = try twilint(["--format", "sarif", "--report-unused-ignores", "app.py"])
        let links = sarif.stdout.components(separatedBy: "\"helpUri\" : \"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertTrue(links.contains { $0.hasSuffix("/rules/TW000-unused-suppression.yml") }, sarif.stdout)
        for link in links {
            let file = try XCTUnwrap(link.range(of: "/blob/main/")).upperBound
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(String(link[file...])).path),
                          "SARIF links to \(link), which is not in the repository")
        }
    }

    func testAnUnknownRuleInADirectiveIsAWarning() throws {
        try write("app.py", "sid = '\(Self.sid)'  # twilint: ignore[TW01]\n")
        let run = try twilint(["app.py"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("twilint: warning: app.py: line 1: 'twilint: ignore[TW01]' names no known rule 'TW01'"), run.stderr)
    }
}
