import Foundation
import XCTest

/// `--fix`, `--unsafe-fixes`, `--diff-fixes` and `--add-suppressions` on files
/// of every language: the fixed file still parses (Python, Node and the Swift
/// parser are run on it) and a second scan finds nothing for the fixed rule.
final class FixCLITests: CLITestCase {
    private var app: [String: String] {
        [
            "app.py": "\"\"\"SMS.\"\"\"\nfrom twilio.rest import Client\n\nclient = Client(\"\(Self.sid)\", \"\(Self.token)\")\n"
                + "x = 1  # twilint: ignore[TW002] -- old\n",
            "server.js": "const twilio = require('twilio');\nconst client = twilio('\(Self.sid)', \"\(Self.token)\");\n",
            "web.ts": "import twilio from 'twilio';\nconst client = twilio(`\(Self.sid)`, '\(Self.token)');\nexport default client;\n",
            "Sources/App/Twilio.swift": "import TwilioKit\n\nlet accountSID = \"\(Self.sid)\"\nlet prefix = \"\(Self.sid)\" + \"/\"\n",
        ]
    }

    private func parses(_ tool: [String], _ file: String, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = tool + [root.appendingPathComponent(file).path]
        process.currentDirectoryURL = root
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool.joined(separator: " ")) \(file): "
            + String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self), line: line)
    }

    func testSafeFixesRemoveUnusedDirectivesAndLeaveSecretsForUnsafeFixes() throws {
        for (name, text) in app { try write(name, text) }
        let run = try twilint(["check", "--fix", "--report-unused-ignores", "--select", "TW001,TW002", "--format", "gcc", "."])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("twilint: fixed 1 finding in 1 file; 8 more with --unsafe-fixes"), run.stderr)
        XCTAssertEqual(try read("app.py"), app["app.py"]!.replacingOccurrences(of: "  # twilint: ignore[TW002] -- old", with: ""))
        XCTAssertEqual(try read("server.js"), app["server.js"], "unsafe fixes wait for --unsafe-fixes")
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 8, run.stdout)
        XCTAssertFalse(run.stdout.contains("TW000"), "the unused directive is gone")
    }

    func testUnsafeFixesReadTheEnvironmentAndTheFilesStillParse() throws {
        for (name, text) in app { try write(name, text) }
        let run = try twilint(["check", "--fix", "--unsafe-fixes", "--select", "TW001,TW002", "."])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("No problems found in 4 files"), run.stdout)
        XCTAssertTrue(run.stderr.contains("twilint: fixed 8 findings in 4 files"), run.stderr)
        XCTAssertTrue(run.stderr.contains("twilint: app.py now reads TWILIO_AUTH_TOKEN from the environment; add it to your "
            + "environment or secret store: export TWILIO_AUTH_TOKEN=9f2c…9c"), run.stderr)
        XCTAssertFalse(run.stderr.contains(Self.sid) || run.stderr.contains(Self.token), "redacted")

        XCTAssertEqual(try read("app.py"), "\"\"\"SMS.\"\"\"\nimport os\nfrom twilio.rest import Client\n\n"
            + "client = Client(os.environ[\"TWILIO_ACCOUNT_SID\"], os.environ[\"TWILIO_AUTH_TOKEN\"])\nx = 1  # twilint: ignore[TW002] -- old\n")
        XCTAssertEqual(try read("server.js"), "const twilio = require('twilio');\n"
            + "const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\n")
        XCTAssertEqual(try read("web.ts"), "import twilio from 'twilio';\n"
            + "const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);\nexport default client;\n")
        XCTAssertEqual(try read("Sources/App/Twilio.swift"), "import Foundation\nimport TwilioKit\n\n"
            + "let accountSID = ProcessInfo.processInfo.environment[\"TWILIO_ACCOUNT_SID\"] ?? \"\"\n"
            + "let prefix = (ProcessInfo.processInfo.environment[\"TWILIO_ACCOUNT_SID\"] ?? \"\") + \"/\"\n")
        try parses(["python3", "-m", "py_compile"], "app.py")
        try parses(["node", "--check"], "server.js")
        try parses(["swiftc", "-parse"], "Sources/App/Twilio.swift")
        // TypeScript has no parser here: the second scan of web.ts above found nothing.
    }

    func testDiffFixesPrintsAPatchAndWritesNothing() throws {
        try write("server.js", app["server.js"]!)
        let run = try twilint(["check", "--diff-fixes", "--unsafe-fixes", "."])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, """
            --- a/server.js
            +++ b/server.js
            @@ -1,2 +1,2 @@
             const twilio = require('twilio');
            -const client = twilio('\(Self.sid)', "\(Self.token)");
            +const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);

            """)
        XCTAssertTrue(run.stderr.contains("twilint: server.js would read TWILIO_ACCOUNT_SID from the environment"), run.stderr)
        XCTAssertEqual(try read("server.js"), app["server.js"])
        XCTAssertEqual(try twilint(["check", "--diff-fixes", "."]).stdout, "", "no safe fix for a secret")
        XCTAssertEqual(try twilint(["check", "--diff-fixes", "."]).status, 0)
    }

    func testAddSuppressionsSilencesEveryFindingWithTheReason() throws {
        for (name, text) in app { try write(name, text) }
        let run = try twilint(["check", "--add-suppressions", "adopted in 2026, see #12", "."])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("twilint: added "), run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("No problems found in 4 files"), run.stdout)
        XCTAssertTrue(try read("server.js").contains("\");  // twilint: ignore[TW001, TW002] -- adopted in 2026, see #12\n"))
        XCTAssertTrue(try read("app.py").contains("\")  # twilint: ignore[TW001, TW002] -- adopted in 2026, see #12\n"))
        try parses(["python3", "-m", "py_compile"], "app.py")
        try parses(["node", "--check"], "server.js")
        try parses(["swiftc", "-parse"], "Sources/App/Twilio.swift")
    }

    func testAddSuppressionsLeavesTheBaselinedFindingsToTheBaseline() throws {
        try write("old.py", "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["--write-baseline", "baseline.txt", "."]).status, 0)
        try write("new.py", "token_sid = '\(Self.otherSid)'\n")
        let run = try twilint(["check", "--add-suppressions", "legacy", "--baseline", "baseline.txt", "--baseline-strict", "."])
        XCTAssertEqual(run.status, 0, "the baselined finding still matches its entry: " + run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("twilint: added 1 directive in 1 file"), run.stderr)
        XCTAssertEqual(try read("old.py"), "sid = '\(Self.sid)'\n", "the baseline, not a directive, covers it")
        XCTAssertEqual(try read("new.py"), "token_sid = '\(Self.otherSid)'  # twilint: ignore[TW001] -- legacy\n")
    }

    func testAddSuppressionsWithDiffMarksOnlyTheChangedLines() throws {
        try makeRepository(committing: ["app.py": "import os\nold_sid = '\(Self.sid)'\n", "old.py": "sid = '\(Self.sid)'\n"])
        try write("app.py", "import os\nold_sid = '\(Self.sid)'\nnew_sid = '\(Self.otherSid)'\n")
        let run = try twilint(["check", "--add-suppressions", "legacy", "--diff", "HEAD", "."])
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stderr.contains("twilint: added 1 directive in 1 file"), run.stderr)
        XCTAssertEqual(try read("app.py"), "import os\nold_sid = '\(Self.sid)'\nnew_sid = '\(Self.otherSid)'  # twilint: ignore[TW001] -- legacy\n",
                       "the unchanged line is not reported, so it gets no directive")
        XCTAssertEqual(try read("old.py"), "sid = '\(Self.sid)'\n")
        XCTAssertEqual(try twilint(["check", "--diff", "HEAD", "."]).status, 0, "what --diff reports is suppressed")
    }

    func testFixOptionsThatCannotWorkAreUsageErrors() throws {
        let cases: [([String], String)] = [
            (["--unsafe-fixes"], "--unsafe-fixes needs --fix or --diff-fixes"),
            (["--fix", "--stdin-filename", "a.py"], "cannot be used with --stdin-filename or --staged"),
            (["--add-suppressions", " "], "--add-suppressions needs a reason"),
            (["--add-suppressions", "a */ b"], "must be one line without '*/' or '-->'"),
            (["--add-suppressions", "r", "--fix"], "--add-suppressions cannot be used with --fix"),
        ]
        for (arguments, message) in cases {
            let run = try twilint(["check"] + arguments, stdin: "")
            XCTAssertEqual(run.status, 2, arguments.joined(separator: " "))
            XCTAssertTrue(run.stderr.contains(message), run.stderr)
        }
    }
}
