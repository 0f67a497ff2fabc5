import Foundation
import XCTest

/// `.twilint.yml` and `twilint init`, end to end.
final class ConfigurationCLITests: CLITestCase {
    func testTheNearestConfigurationAboveTheScannedPathApplies() throws {
        try write(".twilint.yml", "severity: {TW001: info}\n")
        try write("app/app.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["app"])
        XCTAssertEqual(run.status, 0, "TW001 lowered to info does not fail at the default threshold: \(run.stdout)")
        XCTAssertTrue(run.stdout.contains("info[TW001 hardcoded-twilio-sid]"), run.stdout)
        XCTAssertEqual(try twilint(["."], in: root.appendingPathComponent("app")).status, 0, "found from a subfolder too")
    }

    func testExcludeAppliesEvenToPathsNamedOnTheCommandLine() throws {
        try write(".twilint.yml", "exclude: [\"generated/\", \"*.min.js\"]\n")
        try write("generated/keys.py", "sid = '\(Self.sid)'\n")
        try write("web/app.min.js", "var s='\(Self.sid)';\n")
        try write("src/app.py", "sid = '\(Self.sid)'\n")
        let named = try twilint(["generated/keys.py", "web/app.min.js"])
        XCTAssertEqual(named.status, 0, "pre-commit names every staged file; excluded ones stay excluded: \(named.stdout)")
        XCTAssertTrue(named.stdout.contains("Nothing was scanned."), named.stdout)
        let walked = try twilint(["--format", "json", "."])
        XCTAssertEqual(walked.status, 1)
        XCTAssertTrue(walked.stdout.contains("\"path\" : \"src/app.py\""))
        XCTAssertFalse(walked.stdout.contains("generated/keys.py"))
    }

    func testPerFileIgnoresSelectAndFailOn() throws {
        try write(".twilint.yml", """
            select: [TW001, TW002]
            per-file-ignores:
              "tests/**": [hardcoded-twilio-sid]
            fail-on: never

            """)
        try write("tests/unit/test_send.py", "sid = '\(Self.sid)'\n")
        try write("app.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["--format", "gcc", "."])
        XCTAssertEqual(run.status, 0, "fail-on: never")
        XCTAssertEqual(run.stdout, "app.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
        XCTAssertEqual(try twilint(["--fail-on", "error", "."]).status, 1, "the command line wins")
    }

    func testConfigAndNoConfig() throws {
        try write(".twilint.yml", "ignore: [TW001]\n")
        try write("strict.yml", "fail-on: error\n")
        try write("app.py", "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["app.py"]).status, 0)
        XCTAssertEqual(try twilint(["--no-config", "app.py"]).status, 1)
        XCTAssertEqual(try twilint(["--config", "strict.yml", "app.py"]).status, 1)
        XCTAssertEqual(try twilint(["--config", "strict.yml", "--no-config", "app.py"]).status, 2)
        let missing = try twilint(["--config", "nope.yml", "app.py"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.yml: cannot be read"), missing.stderr)
    }

    func testCustomRulesFolderRelativeToTheConfiguration() throws {
        try write("lint/rules/ACME1-internal-host.yml", Self.internalHostRule)
        try write(".twilint.yml", "rules-dir: lint/rules\nselect: [internal-host]\n")
        try write("src/app.py", "url = 'https://internal.acme.test/'\n")
        let run = try twilint(["--format", "gcc", "src"])
        XCTAssertEqual(run.stdout, "src/app.py:1:16: warning: Internal host in code. [ACME1]\n", run.stderr)
    }

    func testMistakesExitTwoNamingTheFileLineAndKey() throws {
        try write("app.py", "x = 1\n")
        try write(".twilint.yml", "select: [TW001]\nfail_on: error\n")
        let unknownKey = try twilint(["app.py"])
        XCTAssertEqual(unknownKey.status, 2)
        XCTAssertTrue(unknownKey.stderr.contains("\(root.path)/.twilint.yml:2: invalid configuration at key 'fail_on': unknown key"),
                      unknownKey.stderr)
        try write(".twilint.yml", "ignore:\n  - TW001\n  - TW0002\n")
        let unknownRule = try twilint(["app.py"])
        XCTAssertEqual(unknownRule.status, 2)
        XCTAssertTrue(unknownRule.stderr.contains(".twilint.yml:3: invalid configuration at key 'ignore[1]': no rule is called 'TW0002'"),
                      unknownRule.stderr)
    }

    func testInitWritesAStarterThatWorksAndNeverOverwritesSilently() throws {
        let first = try twilint(["init"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try read(".twilint.yml").contains("# Files never scanned, even when named on the command line"))
        try write("app.py", "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["app.py"]).status, 1, "the starter keeps the defaults")
        let again = try twilint(["init"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"), again.stderr)
        XCTAssertEqual(try twilint(["init", "--force"]).status, 0)
    }
}
