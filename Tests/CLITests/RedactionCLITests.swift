import Foundation
import XCTest

/// Secrets stay hidden in every snippet whichever rules run: a line that holds a
/// SID and a token is shown for other rules' findings too.
final class RedactionCLITests: CLITestCase {
    private func writeApp() throws {
        try write("send.py", """
            import twilio
            client = Client("\(Self.sid)", "\(Self.token)"); to = "+14155550123"

            """)
    }

    private func assertHidden(_ run: Run, _ context: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(run.status, 1, "\(context): \(run.stderr)", file: file, line: line)
        // SARIF also carries the rules' documentation, whose examples hold made-up SIDs: judge its results.
        let shown = context.hasSuffix("sarif") ? results(ofSarif: run.stdout) : run.stdout
        XCTAssertTrue(shown.contains("TW006"), "\(context): \(shown)", file: file, line: line)
        XCTAssertFalse(shown.contains(Self.sid) || shown.contains(Self.token), "\(context): \(shown)", file: file, line: line)
    }

    private func results(ofSarif text: String) -> String {
        guard let log = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let run = (log["runs"] as? [[String: Any]])?.first, let results = run["results"],
              let data = try? JSONSerialization.data(withJSONObject: results) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    func testSnippetsAreRedactedWhenTheSecretRulesAreNotSelected() throws {
        try writeApp()
        for format in ["text", "json", "sarif", "json-lines", "gitlab", "junit", "github", "gcc"] {
            assertHidden(try twilint(["--select", "TW006", "--format", format, "send.py"]), "--select TW006, \(format)")
            assertHidden(try twilint(["--ignore", "TW001,TW002", "--format", format, "send.py"]), "--ignore, \(format)")
        }
        XCTAssertTrue(try twilint(["--select", "TW006", "--format", "json", "send.py"]).stdout.contains("AC3f…5e"))
    }

    func testSnippetsAreRedactedWhenTheConfigurationLeavesTheSecretRulesOut() throws {
        try writeApp()
        try write(".twilint.yml", "select: [TW006]\n")
        assertHidden(try twilint(["--format", "json", "send.py"]), "select: in .twilint.yml")
        try write(".twilint.yml", "ignore: [hardcoded-twilio-sid, hardcoded-auth-token]\n")
        assertHidden(try twilint(["--format", "json", "send.py"]), "ignore: in .twilint.yml")
    }

    func testNoRedactShowsThemWhateverIsSelected() throws {
        try writeApp()
        let run = try twilint(["--select", "TW006", "--no-redact", "send.py"])
        XCTAssertTrue(run.stdout.contains(Self.sid) && run.stdout.contains(Self.token), run.stdout)
    }

    func testUnusedSuppressionSnippetsAreRedactedToo() throws {
        try write("app.py", "sid = '\(Self.sid)'  # twilint: ignore[TW006] -- reason\n")
        let run = try twilint(["--select", "TW006", "--report-unused-ignores", "app.py"])
        XCTAssertTrue(run.stdout.contains("TW000"), run.stdout)
        XCTAssertFalse(run.stdout.contains(Self.sid), run.stdout)
    }
}
