import Foundation
@testable import TwilintKit
import XCTest

/// Every rule's own examples, plus the free robustness variants: the match
/// examples behind a multibyte prefix (columns must shift by exactly its width)
/// and inside a comment (secret rules still fire; code rules must not).
final class RuleExampleTests: XCTestCase {
    private let rules = try! RuleCatalog.load()

    /// The rule's findings in the example. TW000 judges the directives against the
    /// other rules' findings, so it runs with all of them and keeps only its own.
    private func findings(_ rule: LoadedRule, _ example: Rule.Example) throws -> [Finding] {
        let path = example.file ?? Self.defaultFile(for: rule.rule)
        guard rule.rule.analyzer == UnusedSuppression.analyzerName else {
            return try Linter(rules: [rule], options: LintOptions()).run(text: Array(example.code.utf8), path: path).findings
        }
        var options = LintOptions()
        options.reportUnusedSuppressions = true
        let report = try Linter(rules: rules, options: options).run(text: Array(example.code.utf8), path: path)
        return report.findings.filter { $0.ruleID == rule.rule.id }
    }

    func testMatchExamplesAreReported() throws {
        for rule in rules {
            for example in rule.rule.examples.match {
                XCTAssertFalse(try findings(rule, example).isEmpty, "\(rule.rule.id) misses its example: \(example.code)")
            }
        }
    }

    func testNoMatchExamplesAreSilent() throws {
        for rule in rules {
            for example in rule.rule.examples.noMatch {
                let found = try findings(rule, example)
                XCTAssertTrue(found.isEmpty, "\(rule.rule.id) reports its no-match example: \(example.code) → \(found.map(\.snippet))")
            }
        }
    }

    func testColumnsCountCodePointsAfterMultibytePrefix() throws {
        let prefix = "é🙂 "
        for rule in rules {
            for example in rule.rule.examples.match {
                let plain = try XCTUnwrap(try findings(rule, example).first)
                guard plain.start.line == 1 else { continue }
                let shifted = try findings(rule, Rule.Example(file: example.file, code: prefix + example.code))
                XCTAssertEqual(shifted.first?.start.column, plain.start.column + prefix.unicodeScalars.count,
                               "\(rule.rule.id): wrong column after a multibyte prefix in \(example.code)")
            }
        }
    }

    /// The file-level gates a rule file declares hold for its analyzer too: a rule that
    /// requires `not-test-code` reports none of its examples from a test folder.
    func testRulesThatSkipTestCodeReportNoExampleInATestFolder() throws {
        var judged = 0
        for rule in rules where rule.rule.require.contains("not-test-code") {
            for example in rule.rule.examples.match {
                let path = "tests/" + (example.file ?? Self.defaultFile(for: rule.rule))
                XCTAssertEqual(try findings(rule, Rule.Example(file: path, code: example.code)).map(\.ruleID), [],
                               "\(rule.rule.id) reports its example in \(path)")
                judged += 1
            }
        }
        XCTAssertGreaterThan(judged, 20)
    }

    func testCommentedOutExamplesFollowTheRuleScope() throws {
        for rule in rules {
            for example in rule.rule.examples.match {
                let path = example.file ?? Self.defaultFile(for: rule.rule)
                guard let marker = Self.lineComment(for: path) else { continue }
                let commented = example.code.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { marker + $0 }.joined(separator: "\n")
                let found = try findings(rule, Rule.Example(file: path, code: commented))
                if rule.rule.scope == .any || rule.rule.scope == .comment {
                    XCTAssertFalse(found.isEmpty, "\(rule.rule.id) (scope \(rule.rule.scope)) misses its commented example: \(commented)")
                } else {
                    XCTAssertTrue(found.isEmpty, "\(rule.rule.id) (scope \(rule.rule.scope)) fires inside a comment: \(commented)")
                }
            }
        }
    }

    func testExamplesInsideAStringLiteralFollowTheRuleScope() throws {
        for rule in rules {
            for example in rule.rule.examples.match {
                let path = example.file ?? Self.defaultFile(for: rule.rule)
                guard let wrapped = Self.inString(example.code, path: path) else { continue }
                let found = try findings(rule, Rule.Example(file: path, code: wrapped))
                // An analyzer reads code: code quoted in a string is text, whatever the scope
                // (which says where the analyzer's finding may sit: a `"To"` key is a string).
                if rule.rule.patterns.isEmpty {
                    XCTAssertTrue(found.isEmpty, "\(rule.rule.id) analyses code inside a string: \(wrapped)")
                    continue
                }
                switch rule.rule.scope {
                case .any, .string, .source:
                    XCTAssertFalse(found.isEmpty, "\(rule.rule.id) (scope \(rule.rule.scope)) misses its example inside a string: \(wrapped)")
                case .code, .comment:
                    XCTAssertTrue(found.isEmpty, "\(rule.rule.id) (scope \(rule.rule.scope)) fires inside a string: \(wrapped)")
                }
            }
        }
    }

    /// The example as the content of a multi-line string literal, or nil when the
    /// language has no string that can hold it unchanged.
    static func inString(_ code: String, path: String) -> String? {
        switch SourceFile(path: path, text: "").language {
        case .python:
            return code.contains("\"\"\"") || code.contains("\\") ? nil : "text = \"\"\"\n\(code)\n\"\"\"\n"
        case .swift:
            return code.contains("\"\"\"#") ? nil : "let text = #\"\"\"\n\(code)\n\"\"\"#\n"
        case .javascript, .typescript:
            return code.contains("`") || code.contains("${") || code.contains("\\") ? nil : "const text = `\n\(code)\n`;\n"
        case .html, .config, .text:
            return nil
        }
    }

    func testEmbeddedRulesMatchTheRulesFolder() throws {
        let onDisk = try RuleLoader.load(directory: Repository.rules.path)
        XCTAssertEqual(BuiltinRules.rules.map(\.file), onDisk.map { URL(fileURLWithPath: $0.source).lastPathComponent },
                       "run `make rules` to embed the rules folder")
        for (embedded, file) in zip(BuiltinRules.rules, onDisk) {
            XCTAssertEqual(embedded.rule, file.rule, "\(embedded.file) differs from its embedded copy: run `make rules`")
        }
    }

    func testRuleFileNamesCarryIdAndName() {
        for rule in rules {
            XCTAssertEqual(rule.source, "rules/\(rule.rule.id)-\(rule.rule.name).yml")
        }
    }

    static func defaultFile(for rule: Rule) -> String {
        switch rule.languages?.first {
        case .swift: return "Example.swift"
        case .python: return "example.py"
        case .javascript: return "example.js"
        case .typescript: return "example.ts"
        case .html: return "example.html"
        case .config: return "example.yml"
        case .text, nil: return "example.txt"
        }
    }

    /// The line-comment marker for a file name, or nil when its format has none (JSON, plist, text).
    static func lineComment(for path: String) -> String? {
        let file = SourceFile(path: path, text: "")
        switch file.language {
        case .swift, .javascript, .typescript: return "// "
        case .python: return "# "
        case .config: return path.hasSuffix(".json") || path.hasSuffix(".plist") ? nil : (path.hasSuffix(".xcconfig") ? "// " : "# ")
        case .html, .text: return nil
        }
    }
}

/// The README's rule table is generated from the rule files.
final class ReadmeTests: XCTestCase {
    func testRuleTableMatchesTheRuleFiles() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try XCTUnwrap(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try XCTUnwrap(readme.range(of: "<!-- rules:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        XCTAssertEqual(table, RuleTable.markdown(try RuleCatalog.load().map(\.rule)),
                       "README rule table is stale: paste `twilint rules --markdown` between the markers")
    }
}
