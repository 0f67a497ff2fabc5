@testable import TwilintKit
import XCTest

/// Inline `twilint:` directives, through the linter (only the secret rules run, for stable findings).
final class SuppressionTests: XCTestCase {
    static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    static let otherSid = "AC9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"
    static let token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"

    private func lint(_ text: String, path: String = "app.py", reportUnused: Bool = false) throws -> Report {
        let catalog = try RuleCatalog.load()
        var options = LintOptions()
        options.reportUnusedSuppressions = reportUnused
        options.ruleIndex = RuleIndex(catalog.map(\.rule))
        let rules = try RuleCatalog.filter(catalog, select: ["TW001", "TW002"], ignore: [])
        return try Linter(rules: rules, options: options).run(text: Array(text.utf8), path: path)
    }

    private func lines(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.ruleID)@\($0.start.line)" }
    }

    func testIgnoreOnTheSameLineWithAReason() throws {
        let report = try lint("sid = '\(Self.sid)'  # twilint: ignore[TW001] -- Twilio's test account\nother = '\(Self.otherSid)'\n")
        XCTAssertEqual(lines(report.findings), ["TW001@2"])
        XCTAssertEqual(lines(report.suppressed), ["TW001@1"])
        XCTAssertEqual(report.suppressed.first?.suppression,
                       Suppression(directive: "ignore[TW001]", line: 1, reason: "Twilio's test account"))
    }

    func testIgnoreNextLineCountsTheFindingsLineInAMultiLineStatement() throws {
        let report = try lint("""
            client = Client(
                # twilint: ignore-next-line[hardcoded-twilio-sid]
                "\(Self.sid)",
                "\(Self.token)",
            )

            """)
        XCTAssertEqual(lines(report.suppressed), ["TW001@3"])
        XCTAssertEqual(lines(report.findings), ["TW002@4"])
    }

    func testSeveralRulesAndTheBareFormWhichMeansEveryRule() throws {
        let listed = try lint("Client('\(Self.sid)', '\(Self.token)')  # twilint: ignore[TW001, TW002]\n")
        XCTAssertEqual(lines(listed.suppressed), ["TW001@1", "TW002@1"])
        let bare = try lint("Client('\(Self.sid)', '\(Self.token)')  # twilint: ignore -- fixture\n")
        XCTAssertEqual(lines(bare.suppressed), ["TW001@1", "TW002@1"])
        XCTAssertTrue(bare.findings.isEmpty)
    }

    func testDisableAndEnableABlockPerRule() throws {
        let report = try lint("""
            # twilint: disable[TW001, TW002]
            a = '\(Self.sid)'
            # twilint: enable[TW001]
            b = '\(Self.otherSid)'
            auth_token = '\(Self.token)'
            # twilint: enable
            auth_token = '\(Self.token)'

            """)
        XCTAssertEqual(lines(report.suppressed), ["TW001@2", "TW002@5"])
        XCTAssertEqual(lines(report.findings), ["TW001@4", "TW002@7"])
    }

    func testADisableWithoutEnableRunsToTheEndOfTheFile() throws {
        let report = try lint("a = 1\n# twilint: disable\nb = '\(Self.sid)'\n\n\nc = '\(Self.otherSid)'\n")
        XCTAssertEqual(lines(report.suppressed), ["TW001@3", "TW001@6"])
    }

    func testIgnoreFileAnywhereInTheFile() throws {
        let report = try lint("a = '\(Self.sid)'\nauth_token = '\(Self.token)'\n# twilint: ignore-file[TW001] -- fixtures of fake accounts\n")
        XCTAssertEqual(lines(report.suppressed), ["TW001@1"])
        XCTAssertEqual(lines(report.findings), ["TW002@2"])
        XCTAssertEqual(report.suppressed.first?.suppression?.reason, "fixtures of fake accounts")
    }

    func testOnlyCommentsHoldDirectives() throws {
        let report = try lint("note = 'twilint: ignore[TW001]'; sid = '\(Self.sid)'\n")
        XCTAssertEqual(lines(report.findings), ["TW001@1"])
        XCTAssertTrue(report.suppressed.isEmpty)
    }

    func testEachLanguagesCommentSyntax() throws {
        let cases: [(path: String, text: String)] = [
            ("Config.swift", "let sid = \"\(Self.sid)\" // twilint: ignore[TW001]\n"),
            ("Config.swift", "/* twilint: ignore-next-line[TW001] -- doc sample */\nlet sid = \"\(Self.sid)\"\n"),
            ("send.ts", "const sid = '\(Self.sid)'; // twilint: ignore[TW001]\n"),
            ("Button.jsx", "const b = <div>{/* twilint: ignore-next-line[TW001] */}\n{'\(Self.sid)'}</div>;\n"),
            ("index.html", "<!-- twilint: ignore-next-line[TW001] -->\n<p>\(Self.sid)</p>\n"),
            (".env", "# twilint: ignore-next-line[TW001]\nTWILIO_ACCOUNT_SID=\(Self.sid)\n"),
            ("compose.yml", "sid: \(Self.sid)  # twilint: ignore[TW001]\n"),
            ("Dockerfile", "ENV TWILIO_ACCOUNT_SID=\(Self.sid) # twilint: ignore[TW001]\n"),
            ("notes.txt", "// twilint: ignore-next-line[TW001]\nold account \(Self.sid)\n"),
        ]
        for (path, text) in cases {
            let report = try lint(text, path: path)
            XCTAssertEqual(report.findings.count, 0, "\(path): \(lines(report.findings))")
            XCTAssertEqual(report.suppressed.count, 1, path)
        }
        XCTAssertEqual(try lint("old account \(Self.sid) twilint: ignore[TW001]\n", path: "notes.txt").findings.count, 1,
                       "plain text needs a comment marker before the directive")
    }

    func testLongerWordsAreNotDirectives() throws {
        for text in ["# twilint: ignored\n", "# twilint: ignore-all\n", "# twilint:ignore[TW001\n"] {
            let report = try lint("sid = '\(Self.sid)'  " + text)
            XCTAssertEqual(report.findings.count, 1, text)
        }
    }

    func testUnusedDirectivesAreInfoFindingsOnlyWhenAsked() throws {
        let text = """
            import os
            sid = os.environ["TWILIO_ACCOUNT_SID"]  # twilint: ignore[TW001]
            # twilint: ignore-next-line[TW001, TW002]
            auth_token = '\(Self.token)'
            # twilint: ignore
            x = 1  # twilint: ignore[TW006] -- TW006 did not run, so this is not judged

            """
        XCTAssertTrue(try lint(text).findings.isEmpty)
        let report = try lint(text, reportUnused: true)
        XCTAssertEqual(report.findings.map { "\($0.ruleID)@\($0.start.line):\($0.start.column)" }, ["TW000@2:43", "TW000@3:3", "TW000@5:3"])
        XCTAssertEqual(report.findings.map(\.message), [
            "'twilint: ignore[TW001]' suppresses no TW001 finding; remove it.",
            "'twilint: ignore-next-line[TW001, TW002]' suppresses no TW001 finding; remove TW001 from it.",
            "'twilint: ignore' suppresses nothing; remove it.",
        ])
        XCTAssertEqual(report.findings.map(\.severity), [.info, .info, .info])
        XCTAssertEqual(report.rules.first?.id, "TW000", "SARIF lists TW000 among the rules")
    }

    func testTheUnusedFindingsSnippetKeepsSecretsRedacted() throws {
        let report = try lint("auth_token = '\(Self.token)'  # twilint: ignore[TW001]\n", reportUnused: true)
        let unused = try XCTUnwrap(report.findings.first { $0.ruleID == "TW000" })
        XCTAssertFalse(unused.snippet.contains(Self.token), unused.snippet)
    }

    func testAnUnknownRuleIsAWarningAndSuppressesNothing() throws {
        let report = try lint("sid = '\(Self.sid)'  # twilint: ignore[TW0001]\n")
        XCTAssertEqual(report.findings.count, 1)
        XCTAssertEqual(report.diagnostics.map(\.level), [.warning])
        XCTAssertTrue(report.diagnostics[0].message.contains("names no known rule 'TW0001'"), report.diagnostics[0].message)
        XCTAssertEqual(report.diagnostics[0].byteRange, 46..<69, "from 'twilint:' to ']', where editors show it")
    }

    func testTheUnusedSuppressionRuleDecodes() {
        XCTAssertEqual(UnusedSuppression.rule.id, "TW000")
        XCTAssertEqual(UnusedSuppression.rule.name, "unused-suppression")
        XCTAssertEqual(UnusedSuppression.rule.severity, .info)
    }
}
