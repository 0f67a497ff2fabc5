@testable import TwilintKit
import XCTest

final class RuleLoaderTests: XCTestCase {
    private let valid = """
        id: TW900
        name: sample-rule
        severity: warning
        message: Sample.
        patterns:
          - regex: 'sample'
        docs: {summary: s, what: w, why: y, fix: f}
        examples:
          match: ['sample']
          no-match: ['other']
        """

    private func error(_ yaml: String) -> String {
        do {
            _ = try RuleLoader.parse(yaml, source: "custom/TW900.yml")
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testValidRuleLoadsWithDefaults() throws {
        let rule = try RuleLoader.parse(valid, source: "custom/TW900.yml")
        XCTAssertEqual(rule.scope, .code)
        XCTAssertFalse(rule.redact)
        XCTAssertNil(rule.languages)
    }

    func testUnknownKeyNamesFileLineAndKey() {
        let message = error(valid.replacingOccurrences(of: "severity: warning", with: "severity: warning\nseverty: error"))
        XCTAssertTrue(message.hasPrefix("custom/TW900.yml:4: invalid rule file at key 'severty': unknown key"), message)
    }

    func testUnknownNestedKeyIsNamedWithItsPath() {
        let message = error(valid.replacingOccurrences(of: "- regex: 'sample'", with: "- regex: 'sample'\n    langs: [python]"))
        XCTAssertTrue(message.contains("at key 'patterns[0].langs'"), message)
    }

    func testBadSeverityValueIsExplained() {
        let message = error(valid.replacingOccurrences(of: "severity: warning", with: "severity: fatal"))
        XCTAssertTrue(message.contains("custom/TW900.yml:3") && message.contains("severity"), message)
    }

    func testMissingRequiredKey() {
        let message = error(valid.replacingOccurrences(of: "message: Sample.\n", with: ""))
        XCTAssertTrue(message.contains("at key 'message': this key is required"), message)
    }

    func testRuleWithoutNegativeExamplesIsRefused() {
        let message = error(valid.replacingOccurrences(of: "  no-match: ['other']", with: "  no-match: []"))
        XCTAssertTrue(message.contains("no-match"), message)
    }

    func testUnknownHeuristicIsRefused() {
        let message = error(valid + "\nallow: [magic]")
        XCTAssertTrue(message.contains("no exclusion is called 'magic'"), message)
    }

    func testAnchorsAreValidated() {
        func anchored(_ anchor: String) -> String {
            error(valid.replacingOccurrences(of: "- regex: 'sample'", with: "- regex: 'sample'\n    anchor: \(anchor)"))
        }
        XCTAssertEqual(anchored("{words: [sample]}"), "no error")
        XCTAssertEqual(anchored("{regex: 'mp', before: 2, after: 1}"), "no error")
        XCTAssertTrue(anchored("{words: [a], regex: b}").contains("give either 'words' or 'regex'"))
        XCTAssertTrue(anchored("{before: 3}").contains("give either"))
        XCTAssertTrue(anchored("{words: []}").contains("'words' needs at least one word"))
        XCTAssertTrue(anchored("{words: [a], before: 5000}").contains("'before' must be 0–4096 bytes"))
        XCTAssertTrue(anchored("{words: [a], after: -1}").contains("'after' must be 0–4096 bytes"))
        let nested = anchored("{words: [a], within: 2}")
        XCTAssertTrue(nested.contains("at key 'patterns[0].anchor.within': unknown key"), nested)
    }

    func testAnchorRegexThatDoesNotCompileIsReportedAtCompileTime() throws {
        let yaml = valid.replacingOccurrences(of: "- regex: 'sample'", with: "- regex: 'sample'\n    anchor: {regex: 'sam('}")
        let rule = try RuleLoader.parse(yaml, source: "custom/TW900.yml")
        XCTAssertThrowsError(try Linter(rules: [LoadedRule(rule: rule, source: "custom/TW900.yml")], options: LintOptions())) { error in
            XCTAssertTrue("\(error)".contains("patterns[0].anchor.regex") && "\(error)".contains("does not compile"), "\(error)")
        }
    }

    func testEmptyKeywordsAreRefused() {
        XCTAssertTrue(error(valid + "\nkeywords: [sample, '']").contains("at key 'keywords': a keyword cannot be empty"))
        let message = error(valid.replacingOccurrences(of: "- regex: 'sample'", with: "- regex: 'sample'\n    keywords: ['']"))
        XCTAssertTrue(message.contains("at key 'patterns[0].keywords': a keyword cannot be empty"), message)
    }

    func testInvalidYAMLIsReported() {
        XCTAssertTrue(error("id: [unclosed").contains("not valid YAML"))
    }

    func testRegexThatDoesNotCompileIsReportedAtCompileTime() throws {
        let rule = try RuleLoader.parse(valid.replacingOccurrences(of: "'sample'", with: "'sam(ple'"), source: "custom/TW900.yml")
        XCTAssertThrowsError(try Linter(rules: [LoadedRule(rule: rule, source: "custom/TW900.yml")], options: LintOptions())) { error in
            XCTAssertTrue("\(error)".contains("patterns[0].regex") && "\(error)".contains("does not compile"), "\(error)")
        }
    }

    func testSelectorsAcceptIdsAndNamesAndRefuseUnknownOnes() throws {
        let rules = try RuleCatalog.load()
        XCTAssertEqual(try RuleCatalog.filter(rules, select: ["tw001"], ignore: []).map(\.rule.id), ["TW001"])
        XCTAssertEqual(try RuleCatalog.filter(rules, select: [], ignore: ["hardcoded-twilio-sid"]).map(\.rule.id).contains("TW001"), false)
        XCTAssertThrowsError(try RuleCatalog.filter(rules, select: ["TW999"], ignore: []))
    }
}
