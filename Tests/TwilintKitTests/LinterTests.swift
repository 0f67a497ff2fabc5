import Foundation
@testable import TwilintKit
import XCTest

final class LinterTests: XCTestCase {
    private var root: URL!
    static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    static let token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-linter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = root.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    private func scan(_ configure: (inout LintOptions) -> Void = { _ in }) throws -> Report {
        var options = LintOptions()
        options.paths = [root.path]
        configure(&options)
        return try Linter(rules: RuleCatalog.load(), options: options).run()
    }

    func testBinaryFilesAreSkippedAndCounted() throws {
        _ = try write("image.png", [0x89, 0x50, 0x00] + Array(Self.sid.utf8))
        let report = try scan()
        XCTAssertEqual(report.statistics.skippedBinary, 1)
        XCTAssertTrue(report.findings.isEmpty)
    }

    func testInvalidUTF8IsScannedAsBytesWithANote() throws {
        _ = try write("legacy.py", Array("sid = '".utf8) + [0xE9, 0xFF] + Array("' # \(Self.sid)\n".utf8))
        let report = try scan()
        XCTAssertEqual(report.findings.map(\.ruleID), ["TW001"])
        XCTAssertEqual(report.statistics.notUTF8, 1)
        XCTAssertEqual(report.diagnostics.map(\.level), [.note])
        XCTAssertFalse(report.isIncomplete)
    }

    func testFilesOverTheSizeLimitAreSkippedWithAWarning() throws {
        _ = try write("big.js", Array("const sid = '\(Self.sid)';\n".utf8) + Array(repeating: UInt8(ascii: " "), count: 4096))
        let report = try scan { $0.maxFileSize = 1024 }
        XCTAssertEqual(report.statistics.skippedTooLarge, 1)
        XCTAssertEqual(report.diagnostics.first?.level, .warning)
        XCTAssertTrue(report.diagnostics.first?.message.contains("--max-file-size") ?? false)
    }

    func testLockFilesAreNotScanned() throws {
        _ = try write("package-lock.json", Array("{\"integrity\": \"\(Self.sid)\"}".utf8))
        let report = try scan()
        XCTAssertEqual(report.statistics.skippedLockFiles, 1)
        XCTAssertTrue(report.findings.isEmpty)
    }

    func testAnUnreadableFileDoesNotLoseOtherFindings() throws {
        let locked = try write("locked.py", Array("x = 1\n".utf8))
        _ = try write("open.py", Array("sid = '\(Self.sid)'\n".utf8))
        chmod(locked, 0)
        defer { chmod(locked, 0o644) }
        guard getuid() != 0 else { throw XCTSkip("root can read any file") }
        let report = try scan()
        XCTAssertEqual(report.findings.count, 1)
        XCTAssertTrue(report.isIncomplete)
    }

    func testAMissingPathIsAnErrorButTheRestIsScanned() throws {
        let file = try write("a.py", Array("sid = '\(Self.sid)'\n".utf8))
        let report = try scan { $0.paths = [file, self.root.appendingPathComponent("nope").path] }
        XCTAssertEqual(report.findings.count, 1)
        XCTAssertTrue(report.isIncomplete)
    }

    func testLongMinifiedLinesGetAWindowedSnippet() throws {
        let filler = String(repeating: "var a=1;", count: 100_000)
        _ = try write("bundle.min.js", Array("\(filler)var s=\"\(Self.sid)\";\(filler)".utf8))
        let report = try scan()
        let finding = try XCTUnwrap(report.findings.first)
        XCTAssertLessThan(finding.snippet.count, 300)
        XCTAssertEqual(finding.start.column, filler.count + 8)
        XCTAssertTrue(finding.snippet.hasPrefix("…") && finding.snippet.hasSuffix("…"))
    }

    func testSecretsAreRedactedUnlessAskedOtherwise() throws {
        _ = try write("app.py", Array("client = Client('\(Self.sid)', '\(Self.token)')\n".utf8))
        let redacted = try scan()
        XCTAssertEqual(redacted.findings.map(\.ruleID), ["TW001", "TW002"])
        XCTAssertFalse(redacted.findings.contains { $0.snippet.contains(Self.sid) || $0.snippet.contains(Self.token) })
        XCTAssertTrue(redacted.findings[0].snippet.contains("AC3f…5e"))
        let plain = try scan { $0.redact = false }
        XCTAssertTrue(plain.findings[1].snippet.contains(Self.token))
    }

    func testCaretColumnsPointAtTheRedactedToken() throws {
        _ = try write("app.py", Array("é = '\(Self.sid)'\n".utf8))
        let finding = try XCTUnwrap(try scan().findings.first)
        let scalars = Array(finding.snippet.unicodeScalars)
        XCTAssertEqual(String(String.UnicodeScalarView(scalars[finding.snippetColumns])), "AC3f…5e")
        XCTAssertEqual(finding.start, SourcePosition(line: 1, column: 6))
        XCTAssertEqual(finding.end, SourcePosition(line: 1, column: 40))
    }

    /// A custom rule whose pattern backtracks catastrophically on a long run of `a`s.
    private func slowRule(_ id: String) throws -> LoadedRule {
        let yaml = """
            id: \(id)
            name: slow-rule
            severity: info
            scope: any
            message: Slow.
            patterns:
              - regex: '(a+)+$'
            docs: {summary: s, what: w, why: y, fix: f}
            examples: {match: ['a'], no-match: ['b']}
            """
        return LoadedRule(rule: try RuleLoader.parse(yaml, source: "custom/\(id).yml"), source: "custom/\(id).yml")
    }

    func testBacktrackingCustomRuleReportsAnErrorAndTheScanGoesOn() throws {
        let slow = try slowRule("TW901")
        _ = try write("a.txt", Array((String(repeating: "a", count: 5000) + "!\nsid \(Self.sid)\n").utf8))
        var options = LintOptions()
        options.paths = [root.path]
        let report = try Linter(rules: RuleCatalog.load() + [slow], options: options).run()
        XCTAssertEqual(report.findings.map(\.ruleID), ["TW001"])
        XCTAssertTrue(report.diagnostics.contains { $0.level == .error && $0.message.contains("TW901 stopped") })
    }

    func testSameScanTwiceGivesTheSameFindingsInOrder() throws {
        for index in 0..<20 {
            _ = try write("f\(index).py", Array("a = '\(Self.sid)'\nb = '\(Self.sid)'\n".utf8))
        }
        let first = try scan { $0.jobs = 4 }
        let second = try scan { $0.jobs = 1 }
        XCTAssertEqual(first.findings, second.findings)
        XCTAssertEqual(first.findings.count, 40)
        XCTAssertEqual(first.findings.map(\.lineHash).prefix(2).map { $0.hasSuffix(":1") }, [true, true])
    }

    /// A file past `parallelSearchBytes` has its searches spread over threads: the
    /// findings, and a rule stopped by the backtracking limit, are as on one thread.
    func testALargeFileGivesTheSameReportWithSearchesOnSeveralThreads() throws {
        let slow = try slowRule("TW902")
        var text = String(repeating: "a", count: 5000) + "!\n"
        while text.utf8.count < FileScanner.parallelSearchBytes + 1000 {
            text += "const client = require('twilio')('\(Self.sid)', '\(Self.token)'); // padding padding padding\n"
            text += String(repeating: "x = e.map(t => t.id).filter(Boolean);\n", count: 200)
        }
        _ = try write("export.txt", Array(text.utf8))
        func run(jobs: Int) throws -> Report {
            var options = LintOptions()
            options.paths = [root.path]
            options.jobs = jobs
            return try Linter(rules: RuleCatalog.load() + [slow], options: options).run()
        }
        let parallel = try run(jobs: 2), serial = try run(jobs: 1)
        XCTAssertEqual(parallel.findings, serial.findings)
        XCTAssertEqual(Set(parallel.findings.map(\.ruleID)), ["TW001", "TW002"], "\(Set(parallel.findings.map(\.ruleID)))")
        XCTAssertGreaterThan(parallel.findings.count, 50)
        XCTAssertEqual(parallel.diagnostics.map(\.message), serial.diagnostics.map(\.message))
        XCTAssertTrue(parallel.diagnostics.contains { $0.level == .error && $0.message.contains("TW902 stopped") })
    }
}

extension LinterTests {
    /// One token, one finding: a secret in browser code is TW004's, naming TW001 as related;
    /// TW001 reports it when TW004 does not run.
    func testASecretInClientSideCodeIsReportedOnceAsTW004() throws {
        _ = try write("Widget.jsx", Array("import React from 'react';\nconst sid = '\(Self.sid)';\n".utf8))
        let all = try scan()
        XCTAssertEqual(all.findings.map(\.ruleID), ["TW004"])
        XCTAssertEqual(all.findings.first?.related, ["TW001"])
        XCTAssertFalse(all.findings[0].snippet.contains(Self.sid))
        let secretsOnly = try Linter(rules: RuleCatalog.load().filter { $0.rule.id == "TW001" }, options: {
            var options = LintOptions()
            options.paths = [root.path]
            return options
        }()).run()
        XCTAssertEqual(secretsOnly.findings.map(\.ruleID), ["TW001"])
        XCTAssertEqual(secretsOnly.findings.first?.related, [])
    }
}
