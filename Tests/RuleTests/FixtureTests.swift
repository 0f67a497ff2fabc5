import Foundation
import TwilintKit
import XCTest

/// Runs every rule over every file under `fixtures/` and compares the findings
/// with the files' annotations: any missing or extra finding fails.
final class FixtureTests: XCTestCase {
    private static let report: Report = {
        var options = LintOptions()
        options.paths = [Repository.fixtures.path]
        options.reportUnusedSuppressions = true
        let rules = try! RuleCatalog.load()
        return try! Linter(rules: rules, options: options).run()
    }()

    func testEveryFixtureLineHasExactlyTheAnnotatedFindings() throws {
        let report = Self.report
        XCTAssertFalse(report.isIncomplete, "\(report.diagnostics)")
        let byFile = Dictionary(grouping: report.findings, by: \.path)
        var problems: [String] = []
        var checkedLines = 0
        for path in Repository.fixtureFiles() {
            let annotations = FixtureAnnotations(text: try String(contentsOfFile: path, encoding: .utf8))
            let found = Dictionary(grouping: byFile[path] ?? [], by: \.start.line)
            let lines = Set(found.keys).union(annotations.byLine.keys)
            for line in lines.sorted() {
                checkedLines += 1
                let actual = Dictionary(grouping: found[line] ?? [], by: \.ruleID).mapValues(\.count)
                let expected = annotations.expected(onLine: line)
                if actual != expected {
                    let relative = path.replacingOccurrences(of: Repository.root.path + "/", with: "")
                    problems.append("\(relative):\(line): expected \(describe(expected)), found \(describe(actual))")
                }
            }
        }
        XCTAssertGreaterThan(checkedLines, 0, "no fixture line was checked")
        XCTAssert(problems.isEmpty, "\(problems.count) fixture mismatches:\n" + problems.joined(separator: "\n"))
    }

    func testEveryRuleHasPositiveAndNegativeFixtures() throws {
        let texts = try Repository.fixtureFiles().map { FixtureAnnotations(text: try String(contentsOfFile: $0, encoding: .utf8)) }
        for rule in try RuleCatalog.load().map(\.rule) {
            let positives = texts.map { $0.count(.expect, rule: rule.id) }.reduce(0, +)
            let negatives = texts.map { $0.count(.ok, rule: rule.id) }.reduce(0, +)
            XCTAssertGreaterThanOrEqual(positives, 8, "\(rule.id) needs at least 8 `expect:` fixture cases")
            XCTAssertGreaterThanOrEqual(negatives, 8, "\(rule.id) needs at least 8 `ok:` fixture cases")
        }
    }

    func testTodoAnnotationsStaySilent() throws {
        let byFile = Dictionary(grouping: Self.report.findings, by: \.path)
        for path in Repository.fixtureFiles() {
            let annotations = FixtureAnnotations(text: try String(contentsOfFile: path, encoding: .utf8))
            for (line, list) in annotations.byLine {
                for annotation in list where annotation.kind == .todo {
                    let fired = (byFile[path] ?? []).filter { $0.start.line == line && annotation.rules.contains($0.ruleID) }
                    XCTAssert(fired.isEmpty, "\(path):\(line) now reports \(annotation.rules): turn `todo-expect:` into `expect:`")
                }
            }
        }
    }

    func testSecretsNeverAppearUnredacted() throws {
        // TW004 reports a secret literal in client-side code in their place (`related`).
        for finding in Self.report.findings where ["TW001", "TW002"].contains(finding.ruleID) || !finding.related.isEmpty {
            let secret = try String(contentsOfFile: finding.path, encoding: .utf8).utf8
            let token = String(decoding: Array(secret)[finding.byteRange], as: UTF8.self)
            XCTAssertFalse(finding.snippet.contains(token), "\(finding.path):\(finding.start.line) shows \(finding.ruleID) in full")
            XCTAssertTrue(finding.snippet.contains("…"), "\(finding.path):\(finding.start.line) snippet is not redacted")
        }
    }

    private func describe(_ counts: [String: Int]) -> String {
        counts.isEmpty ? "nothing" : counts.sorted { $0.key < $1.key }.map { $0.value == 1 ? $0.key : "\($0.key)×\($0.value)" }.joined(separator: ", ")
    }
}
