@testable import TwilintKit
import XCTest

/// The fixes findings carry: TW000 directive removal (safe) and the TW001/TW002
/// environment read (unsafe), through the linter and `Fixer`.
final class FixTests: XCTestCase {
    static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    static let apiKey = "SK3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    static let token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"

    private func linter(redact: Bool = true) throws -> Linter {
        let catalog = try RuleCatalog.load()
        var options = LintOptions()
        options.reportUnusedSuppressions = true
        options.offerFixes = true
        options.redact = redact
        options.ruleIndex = RuleIndex(catalog.map(\.rule))
        return try Linter(rules: RuleCatalog.filter(catalog, select: ["TW001", "TW002"], ignore: []), options: options)
    }

    private func fixed(_ text: String, path: String, unsafe: Bool = true) throws -> (text: String, outcome: Fixer.Outcome) {
        let outcome = Fixer(linter: try linter(), unsafe: unsafe).fix(Array(text.utf8), path: path)
        return (String(decoding: outcome.bytes, as: UTF8.self), outcome)
    }

    func testAnUnusedDirectiveGoesWithItsCommentOrItsLine() throws {
        let text = "x = 1  # twilint: ignore[TW001] -- old\n    # twilint: ignore-next-line -- gone\ny = 2\nz = 3  # note twilint: ignore\n"
        let result = try fixed(text, path: "app.py", unsafe: false)
        XCTAssertEqual(result.text, "x = 1\ny = 2\nz = 3  # note\n")
        XCTAssertEqual(result.outcome.fixed.map(\.ruleID), ["TW000", "TW000", "TW000"])
        XCTAssertEqual(result.outcome.fixed.map { $0.fix?.applicability }, [.safe, .safe, .safe])
    }

    func testABlockCommentKeepsItsCloserWhenItHoldsMore() throws {
        let result = try fixed("let a = 1 /* keep twilint: ignore[TW002] */\n/* twilint: ignore */ let b = 2\n", path: "a.js", unsafe: false)
        XCTAssertEqual(result.text, "let a = 1 /* keep */\nlet b = 2\n")
    }

    func testOnlyTheIdleRuleLeavesADirectiveThatListsSeveral() throws {
        let text = "sid = '\(Self.sid)'  # twilint: ignore[TW001, hardcoded-auth-token] -- test account\n"
        let result = try fixed(text, path: "app.py", unsafe: false)
        XCTAssertEqual(result.text, "sid = '\(Self.sid)'  # twilint: ignore[TW001] -- test account\n")
        XCTAssertEqual(result.outcome.fixed.first?.fix?.title, "Remove hardcoded-auth-token from the directive")
    }

    func testUnsafeFixesWaitForTheirFlag() throws {
        let text = "sid = '\(Self.sid)'\n"
        XCTAssertEqual(try fixed(text, path: "app.py", unsafe: false).text, text)
        let finding = try XCTUnwrap(try linter().run(text: Array(text.utf8), path: "app.py").findings.first)
        XCTAssertEqual(finding.fix?.applicability, .unsafe)
        XCTAssertEqual(finding.fix?.title, "Read TWILIO_ACCOUNT_SID from the environment")
        XCTAssertEqual(finding.fix?.instruction, "export TWILIO_ACCOUNT_SID=AC3f…5e")
    }

    func testPythonReadsTheEnvironmentAndImportsOSOnceAfterTheDocstring() throws {
        let text = "#!/usr/bin/env python3\n\"\"\"Send.\"\"\"\nfrom __future__ import annotations\nfrom twilio.rest import Client\n\n"
            + "client = Client(\"\(Self.sid)\", \"\(Self.token)\")\n"
        let result = try fixed(text, path: "app.py")
        XCTAssertEqual(result.text, "#!/usr/bin/env python3\n\"\"\"Send.\"\"\"\nfrom __future__ import annotations\nimport os\n"
            + "from twilio.rest import Client\n\nclient = Client(os.environ[\"TWILIO_ACCOUNT_SID\"], os.environ[\"TWILIO_AUTH_TOKEN\"])\n")
        XCTAssertEqual(result.outcome.instructions, ["export TWILIO_ACCOUNT_SID=AC3f…5e", "export TWILIO_AUTH_TOKEN=9f2c…9c"])
        XCTAssertEqual(try fixed("import os, sys\nsid = '\(Self.sid)'\n", path: "a.py").text,
                       "import os, sys\nsid = os.environ[\"TWILIO_ACCOUNT_SID\"]\n")
    }

    func testJavaScriptAndTypeScriptReadProcessEnv() throws {
        XCTAssertEqual(try fixed("const key = `\(Self.apiKey)`;\nconst apiSecret = '\(Self.token)';\n", path: "a.ts").text,
                       "const key = process.env.TWILIO_API_KEY;\nconst apiSecret = process.env.TWILIO_API_SECRET;\n")
    }

    func testSwiftReadsProcessInfoOrVaporsEnvironment() throws {
        XCTAssertEqual(try fixed("let sid = \"\(Self.sid)\"\nlet both = \"\(Self.sid)\" + suffix\n", path: "A.swift").text,
                       "import Foundation\nlet sid = ProcessInfo.processInfo.environment[\"TWILIO_ACCOUNT_SID\"] ?? \"\"\n"
                       + "let both = (ProcessInfo.processInfo.environment[\"TWILIO_ACCOUNT_SID\"] ?? \"\") + suffix\n")
        XCTAssertEqual(try fixed("import Vapor\nlet sid = \"\(Self.sid)\"\n", path: "A.swift").text,
                       "import Vapor\nlet sid = Environment.get(\"TWILIO_ACCOUNT_SID\") ?? \"\"\n")
    }

    func testNoEnvironmentFixInsideCommentsURLsKeysOrConfigFiles() throws {
        let sources = [
            ("a.py", "# sid: \(Self.sid)\n"),
            ("a.js", "const u = \"https://api.twilio.com/Accounts/\(Self.sid)/Messages.json\";\n"),
            ("a.js", "const keys = { \"\(Self.sid)\": 1 };\n"),
            ("a.py", "sid = b\"\(Self.sid)\"\n"),
            ("a.py", "sid = f\"\(Self.sid)\"\n"),
            ("A.swift", "let sid = #\"\(Self.sid)\"#\n"),
            (".env", "TWILIO_ACCOUNT_SID=\(Self.sid)\n"),
            ("config.json", "{\"sid\": \"\(Self.sid)\"}\n"),
        ]
        for (path, text) in sources {
            let findings = try linter().run(text: Array(text.utf8), path: path).findings
            XCTAssertEqual(findings.map(\.ruleID), ["TW001"], text)
            XCTAssertNil(findings.first?.fix, text)
        }
    }

    func testUnredactedRunsShowTheSecretInTheInstruction() throws {
        let finding = try linter(redact: false).run(text: Array("sid = '\(Self.sid)'\n".utf8), path: "a.py").findings.first
        XCTAssertEqual(finding?.fix?.instruction, "export TWILIO_ACCOUNT_SID=\(Self.sid)")
    }

    func testAddedDirectivesUseTheLanguagesCommentAndSilenceTheFindings() throws {
        let cases = [
            ("a.py", "sid = '\(Self.sid)'\n", "sid = '\(Self.sid)'  # twilint: ignore[TW001] -- legacy\n"),
            ("a.js", "f('\(Self.sid)', '\(Self.token)');\r\n", "f('\(Self.sid)', '\(Self.token)');  // twilint: ignore[TW001, TW002] -- legacy\r\n"),
            ("a.py", "s = '''\n\(Self.sid)\n'''\n", nil),
            ("a.js", "const s = `\n  \(Self.sid)`;\n", "const s = `\n  \(Self.sid)`;  // twilint: ignore[TW001] -- legacy\n"),
            ("a.py", "x = 1 + \\\n  len('\(Self.sid)') + \\\n  2\n", nil),
            ("a.js", "const s = `\n  \(Self.sid)\n`;\n", nil),
            ("a.py", "sid = '\(Self.sid)'  # twilint: ignore[TW002] -- old\n", "sid = '\(Self.sid)'  # twilint: ignore[TW002, TW001] -- old\n"),
            ("page.html", "<p>\(Self.sid)</p>\n", "<p>\(Self.sid)</p>  <!-- twilint: ignore[TW001] -- legacy -->\n"),
            (".env", "SID=\(Self.sid)\n", "SID=\(Self.sid)  # twilint: ignore[TW001] -- legacy\n"),
        ]
        for (path, text, expected) in cases {
            let linter = try linter()
            let findings = linter.run(text: Array(text.utf8), path: path).findings
            XCTAssertFalse(findings.isEmpty, text)
            let edits = SuppressionInsertion.edits(for: findings, bytes: Array(text.utf8), path: path, reason: "legacy")
            let bytes = FixApplier.apply(edits.map { Fix(title: "", applicability: .safe, edits: [$0]) }, to: Array(text.utf8)).bytes
            guard let expected else {
                XCTAssertEqual(edits, [], "a line inside a multi-line string takes no comment: \(text)")
                continue
            }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected)
            XCTAssertEqual(linter.run(text: bytes, path: path).findings.filter { $0.ruleID != "TW000" }, [], text)
        }
        XCTAssertEqual(SuppressionInsertion.edits(for: try linter().run(text: Array("{\"s\": \"\(Self.sid)\"}\n".utf8), path: "a.json").findings,
                                                  bytes: Array("{\"s\": \"\(Self.sid)\"}\n".utf8), path: "a.json", reason: "r"), [],
                       "JSON has no comments")
    }
}
