import Foundation
import SARIFChecks
import XCTest

/// End-to-end runs of the `twilint` binary: exit codes, formats, stdout/stderr split.
final class CLITests: CLITestCase {
    func testCleanTreeExitsZero() throws {
        try write("app.py", "import os\nsid = os.environ['TWILIO_ACCOUNT_SID']\n")
        let run = try twilint(["."])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("No problems found in 1 file"), run.stdout)
    }

    func testFindingsExitOneAndPrintLocationAndCaret() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["check", "app.py"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.hasPrefix("app.py:1:8: error[TW001 hardcoded-twilio-sid] Hardcoded Twilio SID detected."), run.stdout)
        XCTAssertTrue(run.stdout.contains(" 1 | sid = 'AC3f…5e'\n   |        ^^^^^^^\n"), run.stdout)
        XCTAssertFalse(run.stdout.contains(Self.sid))
        XCTAssertFalse(run.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    func testNoRedactShowsTheSecret() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
        XCTAssertTrue(try twilint(["--no-redact", "app.py"]).stdout.contains(Self.sid))
    }

    func testFailOnThresholds() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["--fail-on", "never", "."]).status, 0)
        XCTAssertEqual(try twilint(["--fail-on", "error", "."]).status, 1)
        XCTAssertEqual(try twilint(["--fail-on", "info", "."]).status, 1)
    }

    func testSelectAndIgnore() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["--ignore", "TW001", "."]).status, 0)
        XCTAssertEqual(try twilint(["--select", "hardcoded-twilio-sid,TW002", "."]).status, 1)
        let unknown = try twilint(["--select", "TW999", "."])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("no rule is called 'TW999'"), unknown.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        let run = try twilint(["--format", "xml", "."])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("format"), run.stderr)
        XCTAssertEqual(try twilint(["--jobs", "0", "."]).status, 2)
    }

    func testMissingPathExitsTwoButStillReportsOtherFindings() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["app.py", "missing.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stdout.contains("TW001"))
        XCTAssertTrue(run.stderr.contains("twilint: error: missing.py: no such file or folder"), run.stderr)
    }

    func testBrokenCustomRuleFileExitsTwoNamingFileAndKey() throws {
        try write("rules/TW950-x.yml", "id: TW950\nname: x\nseverity: loud\n")
        let run = try twilint(["--rules-dir", "rules", "."])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("rules/TW950-x.yml"), run.stderr)
    }

    func testCustomRuleRuns() throws {
        try write("rules/ACME1-internal-host.yml", Self.internalHostRule)
        try write("app.py", "url = 'https://internal.acme.test/x'  # internal.acme.test\n")
        let run = try twilint(["--rules-dir", "rules", "--format", "json", "app.py"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout.components(separatedBy: "\"rule\" : \"ACME1\"").count - 1, 1, run.stdout)
    }

    func testOutputFileTakesTheReport() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["--format", "sarif", "--output", "out.sarif", "app.py"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("out.sarif").path))
    }

    func testSARIFOfTheFixturesValidatesAndIsReproducible() throws {
        let first = root.appendingPathComponent("a.sarif").path, second = root.appendingPathComponent("b.sarif").path
        try twilint(["--format", "sarif", "-o", first, "fixtures"], in: Self.repository)
        try twilint(["--format", "sarif", "-o", second, "fixtures", "--jobs", "1"], in: Self.repository)
        let a = try Data(contentsOf: URL(fileURLWithPath: first)), b = try Data(contentsOf: URL(fileURLWithPath: second))
        XCTAssertEqual(a, b, "two scans gave different SARIF")
        XCTAssertGreaterThan(a.count, 1000)
        XCTAssertEqual(SARIFValidator.problems(in: a), [])
    }

    func testRulesAndExplain() throws {
        let rules = try twilint(["rules"])
        XCTAssertEqual(rules.status, 0)
        XCTAssertTrue(rules.stdout.contains("TW001  error    hardcoded-twilio-sid"), rules.stdout)
        let explain = try twilint(["explain", "hardcoded-auth-token"])
        XCTAssertEqual(explain.status, 0)
        XCTAssertTrue(explain.stdout.contains("How to fix:"), explain.stdout)
        XCTAssertEqual(try twilint(["explain", "TW999"]).status, 2)
    }

    func testWorksOutsideTheRepository() throws {
        try write("Config.swift", "let sid = \"\(Self.sid)\"\n")
        let run = try twilint(["Config.swift"], in: root)
        XCTAssertEqual(run.status, 1, "the built-in rules are embedded, so no rules/ folder is needed: \(run.stderr)")
    }

    func testHelpAndVersionExitZero() throws {
        XCTAssertEqual(try twilint(["--help"]).status, 0)
        XCTAssertEqual(try twilint(["--version"]).status, 0)
    }
}
