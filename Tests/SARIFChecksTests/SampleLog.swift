import Foundation
import XCTest

/// A small SARIF log that the schema and GitHub code scanning accept, and ways to break it.
enum SampleLog {
    static let text = """
        {
          "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
          "version": "2.1.0",
          "runs": [{
            "tool": {"driver": {"name": "twilint", "rules": [
              {"id": "TW001", "shortDescription": {"text": "Hardcoded SID."}, "fullDescription": {"text": "Finds Account SIDs."},
               "help": {"text": "Read the SID from the environment.", "markdown": "Read the SID from **the environment**."},
               "defaultConfiguration": {"level": "error"}, "properties": {"security-severity": "7.5", "tags": ["security"]}},
              {"id": "TW002", "shortDescription": {"text": "Hardcoded token."}, "fullDescription": {"text": "Finds auth tokens."},
               "help": {"text": "Rotate the token.", "markdown": "Rotate **the token**."},
               "defaultConfiguration": {"level": "error"}, "properties": {"security-severity": "9.0"}}
            ]}},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": "file:///work/project/"}},
            "invocations": [{"executionSuccessful": true, "toolExecutionNotifications": [
              {"level": "warning", "message": {"text": "big.min.js: skipped"},
               "locations": [{"physicalLocation": {"artifactLocation": {"uri": "big.min.js", "uriBaseId": "%SRCROOT%"}}}]}
            ]}],
            "results": [\(result)]
          }]
        }
        """

    /// The log's one result.
    static let result = """
        {"ruleId": "TW002", "ruleIndex": 1, "level": "error", "message": {"text": "Hardcoded auth token."},
         "partialFingerprints": {"primaryLocationLineHash": "c863f373f902f00f:1"},
         "locations": [{"physicalLocation": {"artifactLocation": {"uri": "deploy/.env", "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": 2, "startColumn": 19, "endLine": 2, "endColumn": 51}}}]}
        """

    static var data: Data { Data(text.utf8) }

    /// The log with `original` (which must occur exactly once) replaced by `replacement`.
    static func replacing(_ original: String, with replacement: String,
                          file: StaticString = #filePath, line: UInt = #line) -> Data {
        XCTAssertEqual(text.components(separatedBy: original).count, 2, "'\(original)' must occur once in the sample", file: file, line: line)
        return Data(text.replacingOccurrences(of: original, with: replacement).utf8)
    }

    /// The log with `count` copies of its result (built as text: serializing that many is slow).
    static func withResults(_ count: Int) -> Data {
        replacing("[\(result)]", with: "[" + Array(repeating: result, count: count).joined(separator: ",") + "]")
    }

    /// The log after `change` has edited its parsed form.
    static func editing(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var log = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&log)
        return try JSONSerialization.data(withJSONObject: log)
    }

    /// The log after `change` has edited its one run.
    static func editingRun(_ change: @escaping (inout [String: Any]) -> Void) throws -> Data {
        try editing { log in
            var runs = log["runs"] as! [[String: Any]]
            change(&runs[0])
            log["runs"] = runs
        }
    }
}
