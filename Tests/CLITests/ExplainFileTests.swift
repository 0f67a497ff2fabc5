import Foundation
import XCTest

/// `twilint explain-file PATH`: what twilint believes about a file, end to end.
final class ExplainFileTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-explain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func explain(_ path: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = CLITests.binary
        process.arguments = ["explain-file", path]
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testExplainsABrowserFileOfAViteProject() throws {
        try write("web/package.json", #"{"devDependencies": {"vite": "^5.4.0"}}"#)
        try write("web/src/lib/sms.js", "// helpers\nexport const api = 'https://api.twilio.com/2010-04-01';\n")
        let run = try explain("web/src/lib/sms.js")
        XCTAssertEqual(run.status, 0, run.stderr)
        let expected = """
            web/src/lib/sms.js
              language:       javascript
              twilio context: yes (line 2: export const api = 'https://api.twilio.com/2010-04-01';)
              minified:       no
              client-side:    yes (under src/ of a browser app (\(root.standardizedFileURL.path)/web/package.json depends on vite))
              test file:      no
              script:         no
              project pass:   not linked (no manifest that depends on Twilio above it)

            """
        XCTAssertEqual(run.stdout, expected)
    }

    /// The Twilio facts the behaviour rules read, each with where it is and what it is.
    func testExplainsTheTwilioFactsOfAFile() throws {
        try write("app/package.json", #"{"dependencies": {"twilio": "^5.0.0", "express": "^4.0.0"}}"#)
        try write("app/server.js", """
            const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
            app.post('/sms', (req, res) => {
              client.messages.create({ to: req.body.From, from: process.env.TWILIO_FROM, body: 'Thanks!' });
              res.sendStatus(204);
            });
            app.listen(3000);

            """)
        let run = try explain("app/server.js")
        XCTAssertEqual(run.status, 0, run.stderr)
        for line in [
            "  script:         no\n",
            "  REST call:      line 3: client.messages.create (messages create; messaging)\n",
            "  send:           line 3: message to `req.body.From`, a number Twilio handed the app; judged in the handler at line 2\n",
            "  route handler:  line 2: anonymous (nodeRoute; reads From; no TwiML; not validated)\n",
            "  project pass:   links this file (its project's manifest depends on Twilio)\n",
        ] {
            XCTAssertTrue(run.stdout.contains(line), "missing \(line) in:\n\(run.stdout)")
        }
    }

    func testExplainsAMinifiedBundle() throws {
        try write("public/app.min.js", "var t=require(\"twilio\")(a,b);t.messages.create({to:x});\n")
        let run = try explain("public/app.min.js")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("minified:       yes (the behaviour rules TW003–TW010 skip it)\n"), run.stdout)
    }

    func testExplainsAServerTestFileWithoutTwilio() throws {
        try write("tests/test_sms.py", "def test_nothing():\n    assert True\n")
        let run = try explain("tests/test_sms.py")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("language:       python\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("twilio context: no ("), run.stdout)
        XCTAssertTrue(run.stdout.contains("client-side:    no (Python runs on the server)\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("test file:      yes\n"), run.stdout)
    }

    func testExplainsASwiftFileOfAnXcodeProject() throws {
        try write("ios/Notify.xcodeproj/project.pbxproj", "// !$*UTF8*$!\n")
        try write("ios/Notify/TwilioService.swift", "import Foundation\n\nlet host = \"api.twilio.com\"\n")
        let run = try explain("ios/Notify/TwilioService.swift")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("twilio context: yes (line 3: let host = \"api.twilio.com\")\n"), run.stdout)
        XCTAssertTrue(run.stdout.contains("client-side:    yes (in an Apple app project (\(root.standardizedFileURL.path)/ios/Notify.xcodeproj))\n"), run.stdout)
    }

    func testAMissingFileIsAnError() throws {
        let run = try explain("nope.js")
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains("nope.js"), run.stderr)
        XCTAssertEqual(run.stdout, "")
    }
}
