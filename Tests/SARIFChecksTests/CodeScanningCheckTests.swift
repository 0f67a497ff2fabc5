import Foundation
import SARIFChecks
import XCTest

/// Every code scanning check reports the defect it is for, and only that, in a log that
/// is otherwise valid.
final class CodeScanningCheckTests: XCTestCase {
    private let result = "runs[0].results[0]"
    private let location = "runs[0].results[0].locations[0].physicalLocation"
    private let rule = "runs[0].tool.driver.rules"

    private func assertProblems(_ data: Data, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(CodeScanningCheck.problems(in: data), expected, file: file, line: line)
    }

    func testTheSampleLogPasses() {
        assertProblems(SampleLog.data, [])
    }

    func testNotJSONAndWrongVersionAndNoRuns() {
        assertProblems(Data("[1, 2]".utf8), ["(root): the log is not a JSON object."])
        assertProblems(SampleLog.replacing(#""version": "2.1.0""#, with: #""version": "2.0.0""#), [#"version: must be "2.1.0"."#])
        assertProblems(Data(#"{"version": "2.1.0", "runs": []}"#.utf8), ["runs: there must be at least one run."])
    }

    func testToolNeedsAName() {
        assertProblems(SampleLog.replacing(#""name": "twilint""#, with: #""name": """#),
                       ["runs[0].tool.driver.name: the tool must have a name."])
    }

    func testRuleIDsAreUnique() {
        assertProblems(SampleLog.replacing(#"{"id": "TW002""#, with: #"{"id": "TW001""#), [
            "\(rule)[1].id: 'TW001' is the id of an earlier rule too; rule ids must be unique.",
            "\(result).ruleId: 'TW002' names no rule of tool.driver.rules.",
        ])
    }

    func testRulesNeedDescriptionsAndHelpInTextAndMarkdown() {
        assertProblems(SampleLog.replacing(#""shortDescription": {"text": "Hardcoded SID."}, "#, with: ""),
                       ["\(rule)[0].shortDescription.text: is missing; GitHub shows it in the alert."])
        assertProblems(SampleLog.replacing(#"{"text": "Finds auth tokens."}"#, with: #"{"text": ""}"#),
                       ["\(rule)[1].fullDescription.text: is missing; GitHub shows it in the alert."])
        assertProblems(SampleLog.replacing(#", "markdown": "Rotate **the token**.""#, with: ""),
                       ["\(rule)[1].help.markdown: is missing; GitHub shows the rule's help next to each alert."])
        assertProblems(SampleLog.replacing(#""text": "Read the SID from the environment.", "#, with: ""),
                       ["\(rule)[0].help.text: is missing; GitHub shows the rule's help next to each alert."])
    }

    func testSecuritySeverityIsAStringHoldingAScoreUpToTen() {
        let path = "\(rule)[0].properties.security-severity"
        assertProblems(SampleLog.replacing(#""security-severity": "7.5""#, with: #""security-severity": 7.5"#),
                       ["\(path): must be a string holding a number from 0.0 to 10.0, not 7.5."])
        assertProblems(SampleLog.replacing(#""security-severity": "7.5""#, with: #""security-severity": "high""#),
                       ["\(path): must be a string holding a number from 0.0 to 10.0, not high."])
        assertProblems(SampleLog.replacing(#""security-severity": "7.5""#, with: #""security-severity": "10.5""#),
                       ["\(path): must be a string holding a number from 0.0 to 10.0, not 10.5."])
    }

    func testTagsPerRuleAreBounded() throws {
        let tags = (0...CodeScanningCheck.maximumTagsPerRule).map { "tag\($0)" }
        let data = SampleLog.replacing(#""tags": ["security"]"#, with: #""tags": ["\#(tags.joined(separator: "\", \""))"]"#)
        assertProblems(data, ["\(rule)[0].properties.tags: 21 tags, over GitHub's limit of 20 per rule."])
    }

    func testResultsNameAKnownRuleWithAConsistentIndex() {
        assertProblems(SampleLog.replacing(#""ruleId": "TW002""#, with: #""ruleId": "TW999""#),
                       ["\(result).ruleId: 'TW999' names no rule of tool.driver.rules."])
        assertProblems(SampleLog.replacing(#""ruleId": "TW002", "#, with: ""),
                       ["\(result).ruleId: is missing; every result names its rule."])
        assertProblems(SampleLog.replacing(#""ruleIndex": 1"#, with: #""ruleIndex": 0"#),
                       ["\(result).ruleIndex: 0 does not point at rule 'TW002' in tool.driver.rules."])
        assertProblems(SampleLog.replacing(#""ruleIndex": 1"#, with: #""ruleIndex": 2"#),
                       ["\(result).ruleIndex: 2 does not point at rule 'TW002' in tool.driver.rules."])
    }

    func testResultsNeedAMessageAndAPrimaryLocationLineHash() {
        assertProblems(SampleLog.replacing(#""message": {"text": "Hardcoded auth token."}"#, with: #""message": {}"#),
                       ["\(result).message.text: is missing."])
        assertProblems(SampleLog.replacing(#""primaryLocationLineHash": "c863f373f902f00f:1""#, with: #""other": "x""#),
                       ["\(result).partialFingerprints.primaryLocationLineHash: is missing; GitHub needs it to follow an alert across commits."])
    }

    func testLevelsAreTheFourSARIFLevels() {
        assertProblems(SampleLog.replacing(#""level": "error", "message""#, with: #""level": "fatal", "message""#),
                       ["\(result).level: fatal is not one of error, none, note, warning."])
        assertProblems(SampleLog.replacing(#""defaultConfiguration": {"level": "error"}, "properties": {"security-severity": "9.0"}"#,
                                           with: #""defaultConfiguration": {"level": "high"}, "properties": {"security-severity": "9.0"}"#),
                       ["\(rule)[1].defaultConfiguration.level: high is not one of error, none, note, warning."])
        assertProblems(SampleLog.replacing(#"{"level": "warning""#, with: #"{"level": "info""#),
                       ["runs[0].invocations[0].toolExecutionNotifications[0].level: info is not one of error, none, note, warning."])
    }

    func testURIsAreRelativeToTheSourceRoot() {
        let uri = "\(location).artifactLocation.uri"
        for bad in ["/work/project/deploy/.env", "file:///work/project/deploy/.env", "../deploy/.env"] {
            assertProblems(SampleLog.replacing(#""uri": "deploy/.env""#, with: #""uri": "\#(bad)""#),
                           ["\(uri): '\(bad)' must be a path relative to the repository root."])
        }
        assertProblems(SampleLog.replacing(#""uri": "deploy/.env", "#, with: ""), ["\(uri): is missing."])
        assertProblems(SampleLog.replacing(#""uri": "big.min.js", "uriBaseId": "%SRCROOT%""#, with: #""uri": "/big.min.js", "uriBaseId": "%SRCROOT%""#),
                       ["runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri: '/big.min.js' must be a path relative to the repository root."])
    }

    func testURIBaseIsTheDeclaredSourceRoot() {
        let base = "\(location).artifactLocation.uriBaseId"
        assertProblems(SampleLog.replacing(#""uri": "deploy/.env", "uriBaseId": "%SRCROOT%""#, with: #""uri": "deploy/.env""#),
                       ["\(base): nothing instead of '%SRCROOT%'."])
        assertProblems(SampleLog.replacing(#""uri": "deploy/.env", "uriBaseId": "%SRCROOT%""#, with: #""uri": "deploy/.env", "uriBaseId": "ROOT""#),
                       ["\(base): 'ROOT' instead of '%SRCROOT%'."])
        assertProblems(SampleLog.replacing(#""originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///work/project/"}},"#, with: ""), [
            "runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uriBaseId: '%SRCROOT%' is not declared in the run's originalUriBaseIds.",
            "\(base): '%SRCROOT%' is not declared in the run's originalUriBaseIds.",
        ])
    }

    func testRegionsAreOneBased() {
        let region = "\(location).region"
        assertProblems(SampleLog.replacing(#""startLine": 2"#, with: #""startLine": 0"#),
                       ["\(region).startLine: must be a whole number from 1, not 0."])
        assertProblems(SampleLog.replacing(#""startColumn": 19"#, with: #""startColumn": 0"#),
                       ["\(region).startColumn: must be a whole number from 1, not 0."])
        assertProblems(SampleLog.replacing(#""endColumn": 51"#, with: #""endColumn": "51""#),
                       ["\(region).endColumn: must be a whole number from 1, not 51."])
        assertProblems(SampleLog.replacing(#""endLine": 2"#, with: #""endLine": 1"#), ["\(region).endLine: 1 is before startLine 2."])
        assertProblems(SampleLog.replacing(#""startLine": 2, "#, with: ""), ["\(region).startLine: is missing."])
    }

    func testEveryResultHasOneToTwentyLocations() throws {
        let none = try SampleLog.editingRun { run in
            var results = run["results"] as! [[String: Any]]
            results[0]["locations"] = []
            run["results"] = results
        }
        assertProblems(none, ["\(result).locations: a result needs at least one location."])
        let many = try SampleLog.editingRun { run in
            var results = run["results"] as! [[String: Any]]
            let one = (results[0]["locations"] as! [Any])[0]
            results[0]["locations"] = Array(repeating: one, count: CodeScanningCheck.maximumLocationsPerResult + 1)
            run["results"] = results
        }
        assertProblems(many, ["\(result).locations: 21 locations, over the limit of 20 per result."])
    }

    func testResultsAreRequiredAndAtMostTwentyFiveThousandPerRun() throws {
        assertProblems(try SampleLog.editingRun { $0["results"] = nil },
                       ["runs[0].results: is missing; a run without findings has an empty array."])
        assertProblems(try SampleLog.editingRun { $0["results"] = [] }, [])
        assertProblems(SampleLog.withResults(CodeScanningCheck.maximumResultsPerRun + 1),
                       ["runs[0].results: 25001 results, over GitHub's limit of 25000 per run."])
    }

    func testAtMostTwentyRunsPerFile() throws {
        let many = try SampleLog.editing { log in
            log["runs"] = Array(repeating: (log["runs"] as! [Any])[0], count: CodeScanningCheck.maximumRuns + 1)
        }
        assertProblems(many, ["runs: 21 runs, over GitHub's limit of 20 per file."])
    }
}
