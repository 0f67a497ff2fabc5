import Foundation
import XCTest

/// `--write-baseline`, `--baseline` and `--baseline-strict` in a real git repository, as code moves.
final class BaselineCLITests: CLITestCase {
    func testOnlyNewFindingsAfterCodeMovesAndSecretsAreCopied() throws {
        try makeRepository(committing: ["app.py": "import os\nsid = '\(Self.sid)'\n", "lib/send.py": "auth_token = '\(Self.token)'\n"])
        let written = try twilint(["--write-baseline", ".twilint-baseline", "."])
        XCTAssertEqual(written.status, 0, "writing a baseline accepts the current findings")
        XCTAssertTrue(written.stderr.contains("wrote 2 baseline entries to .twilint-baseline"), written.stderr)
        let baseline = try read(".twilint-baseline")
        XCTAssertFalse(baseline.contains(Self.sid) || baseline.contains(Self.token) || baseline.contains("AC3f"), "hashes only")
        XCTAssertEqual(baseline.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.split(separator: "\t")[0...1].joined(separator: " ")) },
                       ["TW001 app.py", "TW002 lib/send.py"])
        try git(["add", ".twilint-baseline"])
        try git(["commit", "-q", "-m", "baseline"])

        XCTAssertEqual(try twilint(["--baseline", ".twilint-baseline", "."]).status, 0)
        let again = try twilint(["--write-baseline", ".twilint-baseline", "."])
        XCTAssertEqual(again.status, 0)
        XCTAssertEqual(try git(["status", "--porcelain"]), "", "the same findings give the same bytes")

        // Code moves down the file: still known.
        try write("app.py", "import os\n\n\ndef settings():\n    return {'sid': '\(Self.sid)'}\n")
        let moved = try twilint(["--baseline", ".twilint-baseline", "."])
        XCTAssertEqual(moved.status, 0, moved.stdout)
        XCTAssertTrue(moved.stdout.contains("; 2 in the baseline."), moved.stdout)

        // A copy of a known secret is new.
        try write("app.py", "import os\nsid = '\(Self.sid)'\nbackup_sid = '\(Self.sid)'\n")
        let copied = try twilint(["--baseline", ".twilint-baseline", "--format", "gcc", "."])
        XCTAssertEqual(copied.status, 1)
        XCTAssertEqual(copied.stdout, "app.py:3:15: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
    }

    func testTheBaselineWorksFromASubfolder() throws {
        try makeRepository(committing: ["src/app.py": "sid = '\(Self.sid)'\n"])
        try twilint(["--write-baseline", "twilint-baseline.txt", "."])
        let sub = root.appendingPathComponent("src")
        XCTAssertEqual(try twilint(["--baseline", "../twilint-baseline.txt", "app.py"], in: sub).status, 0,
                       "entry paths are relative to the baseline file, not to where twilint runs")
    }

    func testStrictFailsWhenEntriesNoLongerExist() throws {
        try makeRepository(committing: ["app.py": "sid = '\(Self.sid)'\n", "other.py": "x = 1\n"])
        try twilint(["--write-baseline", "baseline.txt", "."])
        try write("app.py", "import os\nsid = os.environ['TWILIO_ACCOUNT_SID']\n")
        XCTAssertEqual(try twilint(["--baseline", "baseline.txt", "."]).status, 0)
        XCTAssertEqual(try twilint(["--baseline", "baseline.txt", "--baseline-strict", "other.py"]).status, 0,
                       "entries of files not scanned are not judged")
        let strict = try twilint(["--baseline", "baseline.txt", "--baseline-strict", "."])
        XCTAssertEqual(strict.status, 1)
        XCTAssertTrue(strict.stderr.contains("baseline.txt: 1 entry matches no finding any more"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("  TW001 app.py"), strict.stderr)
    }

    func testMisuseExitsTwo() throws {
        try write("app.py", "x = 1\n")
        XCTAssertEqual(try twilint(["--baseline-strict", "."]).status, 2)
        XCTAssertEqual(try twilint(["--baseline", "a", "--write-baseline", "b", "."]).status, 2)
        let missing = try twilint(["--baseline", "missing.txt", "."])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing.txt: cannot be read: No such file or directory; create it with --write-baseline"), missing.stderr)
    }
}
