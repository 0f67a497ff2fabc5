import Foundation
import XCTest

/// Editors: standard input reported under a path, and the gcc and JSON Lines formats.
final class EditorCLITests: CLITestCase {
    func testStandardInputIsReportedAsTheGivenPath() throws {
        let run = try twilint(["--stdin-filename", "src/app.py", "--format", "gcc"], stdin: "import os\nsid = '\(Self.sid)'\n")
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "src/app.py:2:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("src").path), "nothing is read from disk")
    }

    func testThePathDecidesLanguageConfigurationAndExclusions() throws {
        let text = "# twilint: ignore-next-line[TW001]\nsid = '\(Self.sid)'\n"
        XCTAssertEqual(try twilint(["--stdin-filename", "app.py"], stdin: text).status, 0, "a Python comment")
        XCTAssertEqual(try twilint(["--stdin-filename", "app.json"], stdin: text).status, 1, "JSON has no comments")

        try write("service/.twilint.yml", "exclude: [\"generated/\"]\nper-file-ignores: {\"tests/**\": [TW001]}\n")
        let secret = "sid = '\(Self.sid)'\n"
        XCTAssertEqual(try twilint(["--stdin-filename", "service/generated/keys.py"], stdin: secret).status, 0)
        XCTAssertEqual(try twilint(["--stdin-filename", "service/tests/test_keys.py"], stdin: secret).status, 0)
        XCTAssertEqual(try twilint(["--stdin-filename", "service/app.py"], stdin: secret).status, 1)
        XCTAssertEqual(try twilint(["--stdin-filename", "generated/keys.py"], stdin: secret).status, 1,
                       "the configuration of service/ does not apply outside it")
    }

    func testJSONLinesGiveOneObjectPerFinding() throws {
        let run = try twilint(["--stdin-filename", "app.py", "--format", "json-lines"],
                              stdin: "client = Client('\(Self.sid)', '\(Self.token)')\n")
        let lines = run.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let objects = try lines.map { try XCTUnwrap(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        XCTAssertEqual(objects.map { $0["rule"] as? String }, ["TW001", "TW002"])
        XCTAssertEqual(objects.map { $0["line"] as? Int }, [1, 1])
        XCTAssertFalse(run.stdout.contains(Self.sid), "redacted")
    }

    func testStdinWithPathsOrGitOptionsIsAUsageError() throws {
        XCTAssertEqual(try twilint(["--stdin-filename", "a.py", "other.py"], stdin: "").status, 2)
        XCTAssertEqual(try twilint(["--stdin-filename", "a.py", "-"], stdin: "x = 1\n").status, 0)
        XCTAssertEqual(try twilint(["--stdin-filename", "a.py", "--staged"], stdin: "").status, 2)
    }
}
