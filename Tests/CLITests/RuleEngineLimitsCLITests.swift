import Foundation
import XCTest

/// Custom rules at the edges of what the engine takes: thousands of patterns,
/// matches whose focus sits in a line break.
final class RuleEngineLimitsCLITests: CLITestCase {
    private func rule(_ id: String, patterns: [String]) -> String {
        """
        id: \(id)
        name: edge-\(id.lowercased())
        severity: warning
        scope: any
        message: Edge.
        patterns:
        \(patterns.map { "  - regex: '\($0)'" }.joined(separator: "\n"))
        docs: {summary: s, what: w, why: y, fix: f}
        examples: {match: ['w1x'], no-match: ['b']}
        """
    }

    /// 988 patterns used to crash (exit 139, no output): a thread-specific key per pattern.
    func testFiveThousandPatternsAllReport() throws {
        try write("rules/ACME2-many.yml", rule("ACME2", patterns: (0..<5_000).map { "\\bw\($0)x\\b" }))
        try write("words.txt", (0..<5_000).map { "w\($0)x" }.joined(separator: "\n") + "\n")
        let run = try twilint(["--rules-dir", "rules", "--select", "ACME2", "--format", "gcc", "--jobs", "2", "words.txt"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout.split(separator: "\n").count, 5_000)
        XCTAssertTrue(run.stdout.contains("words.txt:4321:1: warning: Edge. [ACME2]"), String(run.stdout.prefix(300)))
    }

    /// A focus that starts on the `\n` of a `\r\n`, or at the end of a file that
    /// ends in `\r`, used to trap (exit 132).
    func testAFocusInsideALineBreakIsReportedAtTheLineEnd() throws {
        try write("rules/ACME3-cr.yml", rule("ACME3", patterns: ["\\r(?<focus>\\n)", "(?<focus>\\r)\\z"]))
        try write("a.txt", "abc x\r\ndef\r\nend\r")
        try write("b.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["--rules-dir", "rules", "--format", "gcc", "a.txt", "b.py"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, """
            a.txt:1:7: warning: Edge. [ACME3]
            a.txt:2:5: warning: Edge. [ACME3]
            a.txt:3:4: warning: Edge. [ACME3]
            b.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]

            """)
    }

    /// The constructor pattern used to hit the backtracking limit when about 1.5 KB
    /// stood before the first comma (exit 2, the token unreported).
    func testATokenAfterALongFirstArgumentIsReported() throws {
        for first in [String(repeating: " ", count: 1_500) + "sid", String(repeating: "x", count: 1_500)] {
            try write("app.py", "from twilio.rest import Client\nclient = Client(\(first), \"\(Self.token)\")\n")
            let run = try twilint(["--select", "TW002", "--format", "gcc", "app.py"])
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertEqual(run.stderr, "")
            XCTAssertTrue(run.stdout.hasPrefix("app.py:2:"), run.stdout)
        }
    }
}
