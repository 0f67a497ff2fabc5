import Foundation
import XCTest

/// `--diff REF` and `--staged` in real temporary git repositories.
final class GitCLITests: CLITestCase {
    func testDiffReportsOnlyAddedOrChangedLines() throws {
        try makeRepository(committing: ["app.py": "import os\nold_sid = '\(Self.sid)'\nx = 1\n"])
        try write("app.py", "import os\nold_sid = '\(Self.sid)'\nx = 2\nnew_sid = '\(Self.otherSid)'\n")
        let run = try twilint(["--diff", "HEAD", "--format", "gcc", "."])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "app.py:4:12: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
        XCTAssertTrue(try twilint(["--diff", "HEAD", "."]).stdout.contains("; 1 on unchanged lines."))

        try write("app.py", "import os\nold_sid = '\(Self.sid)'\nx = 1\n")
        XCTAssertEqual(try twilint(["--diff", "HEAD", "."]).status, 0, "nothing changed, nothing reported")
    }

    func testDiffFollowsCommitsRenamesAndUntrackedFiles() throws {
        try makeRepository(committing: ["old.py": "sid = '\(Self.sid)'\n" + String(repeating: "x = 1\n", count: 20)])
        try git(["checkout", "-q", "-b", "feature"])
        try git(["mv", "old.py", "renamed.py"])
        try git(["commit", "-q", "-m", "rename"])
        try write("untracked.py", "token_sid = '\(Self.otherSid)'\n")
        let run = try twilint(["--diff", "main", "--format", "gcc", "."])
        XCTAssertEqual(run.stdout, "untracked.py:1:14: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n",
                       "a renamed file brings no new lines; a file git does not track yet is all new")
    }

    func testDiffAgainstAMissingRevisionExplainsItself() throws {
        try makeRepository(committing: ["app.py": "x = 1\n"])
        let run = try twilint(["--diff", "origin/main", "."])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("'git diff --unified=0 --no-color' failed:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("in CI, fetch it first"), run.stderr)
    }

    func testStagedScansTheIndexNotTheWorkingTree() throws {
        try makeRepository(committing: ["README.md": "hello\n"])
        try write("app.py", "sid = '\(Self.sid)'\n")
        try git(["add", "app.py"])
        try write("app.py", "import os\nsid = os.environ['TWILIO_ACCOUNT_SID']\n")
        let staged = try twilint(["--staged", "--format", "gcc"])
        XCTAssertEqual(staged.status, 1, "the fix is not staged, so the commit would still hold the secret: \(staged.stderr)")
        XCTAssertEqual(staged.stdout, "app.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
        XCTAssertEqual(try twilint(["app.py"]).status, 0, "the working tree is clean")

        try git(["add", "app.py"])
        try write("app.py", "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["--staged"]).status, 0, "the fix is staged; the working tree does not matter")
    }

    func testStagedSkipsDeletionsHonoursExcludeAndPathspecs() throws {
        try makeRepository(committing: ["gone.py": "sid = '\(Self.sid)'\n"])
        try git(["rm", "-q", "gone.py"])
        try write(".twilint.yml", "exclude: [\"fixtures/\"]\n")
        try write("fixtures/fake.py", "sid = '\(Self.sid)'\n")
        try write("src/with space.py", "sid = '\(Self.otherSid)'\n")
        try git(["add", "-A"])
        let all = try twilint(["--staged", "--format", "gcc"])
        XCTAssertEqual(all.stdout, "src/with space.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n", all.stderr)
        XCTAssertEqual(try twilint(["--staged", "--", "fixtures"]).status, 0, "paths narrow the staged files like git pathspecs")
        let sub = try twilint(["--staged", "--format", "gcc"], in: root.appendingPathComponent("src"))
        XCTAssertEqual(sub.stdout, "with space.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n",
                       "paths are shown relative to where twilint runs")
    }

    func testStagedWorksBeforeTheFirstCommitAndWithDiff() throws {
        try git(["init", "-q", "-b", "main"])
        try write("app.py", "sid = '\(Self.sid)'\n")
        try git(["add", "app.py"])
        XCTAssertEqual(try twilint(["--staged"]).status, 1)
        try git(["commit", "-q", "-m", "first"])
        try write("app.py", "sid = '\(Self.sid)'\nx = 1\n")
        try git(["add", "app.py"])
        XCTAssertEqual(try twilint(["--staged", "--diff", "HEAD"]).status, 0, "the staged change does not touch the secret's line")
    }

    func testStagedOutsideARepositoryExitsTwo() throws {
        let run = try twilint(["--staged"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("--staged and --diff need a git repository"), run.stderr)
    }
}
