import Foundation

/// What GitHub code scanning needs of a SARIF log beyond the JSON schema, written from
/// GitHub's "SARIF support for code scanning" page and its table of upload limits.
///
/// Each problem is one sentence that starts with the JSON path it is about, so a test
/// failure says where to look.
public struct CodeScanningCheck {
    /// GitHub rejects a file with more runs than this.
    public static let maximumRuns = 20
    /// GitHub rejects a run with more results than this (and shows the top 5,000).
    public static let maximumResultsPerRun = 25_000
    /// twilint's own bound: GitHub accepts 1,000 locations and shows 100, but a linter
    /// finding has one location, so more than a handful means a reporter bug.
    public static let maximumLocationsPerResult = 20
    /// GitHub rejects a rule with more tags than this.
    public static let maximumTagsPerRule = 20
    /// The values of `level` that SARIF defines and GitHub maps to alert severities.
    public static let levels: Set<String> = ["none", "note", "warning", "error"]
    /// The base that `github/codeql-action/upload-sarif` resolves against the checkout.
    public static let sourceRoot = "%SRCROOT%"

    private var problems: [String] = []

    /// Every problem GitHub code scanning would have with `data`; empty when it would ingest it.
    public static func problems(in data: Data) -> [String] {
        var check = CodeScanningCheck()
        guard let log = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            return ["(root): the log is not a JSON object."]
        }
        check.log(log)
        return check.problems
    }

    private mutating func report(_ path: String, _ text: String) {
        problems.append("\(path): \(text)")
    }

    private mutating func log(_ log: [String: Any]) {
        if log["version"] as? String != "2.1.0" {
            report("version", "must be \"2.1.0\".")
        }
        guard let runs = log["runs"] as? [[String: Any]], !runs.isEmpty else {
            return report("runs", "there must be at least one run.")
        }
        if runs.count > Self.maximumRuns {
            report("runs", "\(runs.count) runs, over GitHub's limit of \(Self.maximumRuns) per file.")
        }
        for (index, value) in runs.enumerated() { run(value, at: "runs[\(index)]") }
    }

    private mutating func run(_ run: [String: Any], at path: String) {
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any] ?? [:]
        if (driver["name"] as? String ?? "").isEmpty {
            report("\(path).tool.driver.name", "the tool must have a name.")
        }
        let rules = driver["rules"] as? [[String: Any]] ?? []
        var seen: Set<String> = []
        for (index, value) in rules.enumerated() {
            let rulePath = "\(path).tool.driver.rules[\(index)]"
            rule(value, at: rulePath)
            if let id = value["id"] as? String, !seen.insert(id).inserted {
                report("\(rulePath).id", "'\(id)' is the id of an earlier rule too; rule ids must be unique.")
            }
        }
        let declared = Set((run["originalUriBaseIds"] as? [String: Any] ?? [:]).keys)
        for (index, invocation) in (run["invocations"] as? [[String: Any]] ?? []).enumerated() {
            let notifications = invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []
            for (number, notification) in notifications.enumerated() {
                let notificationPath = "\(path).invocations[\(index)].toolExecutionNotifications[\(number)]"
                level(notification["level"], at: "\(notificationPath).level")
                for (place, value) in (notification["locations"] as? [[String: Any]] ?? []).enumerated() {
                    location(value, at: "\(notificationPath).locations[\(place)]", declared: declared)
                }
            }
        }
        guard let results = run["results"] as? [[String: Any]] else {
            return report("\(path).results", "is missing; a run without findings has an empty array.")
        }
        if results.count > Self.maximumResultsPerRun {
            report("\(path).results", "\(results.count) results, over GitHub's limit of \(Self.maximumResultsPerRun) per run.")
        }
        let ids = rules.map { $0["id"] as? String }
        for (index, value) in results.enumerated() {
            result(value, at: "\(path).results[\(index)]", ruleIDs: ids, declared: declared)
        }
    }

    private mutating func rule(_ rule: [String: Any], at path: String) {
        if (rule["id"] as? String ?? "").isEmpty {
            report("\(path).id", "every rule needs an id.")
        }
        for key in ["shortDescription", "fullDescription"] where text(rule[key], "text").isEmpty {
            report("\(path).\(key).text", "is missing; GitHub shows it in the alert.")
        }
        for key in ["text", "markdown"] where text(rule["help"], key).isEmpty {
            report("\(path).help.\(key)", "is missing; GitHub shows the rule's help next to each alert.")
        }
        if let configuration = rule["defaultConfiguration"] as? [String: Any] {
            level(configuration["level"], at: "\(path).defaultConfiguration.level")
        }
        let properties = rule["properties"] as? [String: Any] ?? [:]
        if let severity = properties["security-severity"] {
            // GitHub reads the score from a string; a JSON number is ignored.
            let score = (severity as? String).flatMap(Double.init)
            if !(score.map { (0...10).contains($0) } ?? false) {
                report("\(path).properties.security-severity", "must be a string holding a number from 0.0 to 10.0, not \(severity).")
            }
        }
        if let tags = properties["tags"] as? [Any], tags.count > Self.maximumTagsPerRule {
            report("\(path).properties.tags", "\(tags.count) tags, over GitHub's limit of \(Self.maximumTagsPerRule) per rule.")
        }
    }

    private mutating func result(_ result: [String: Any], at path: String, ruleIDs: [String?], declared: Set<String>) {
        if let ruleID = result["ruleId"] as? String {
            let index = result["ruleIndex"]
            if !ruleIDs.contains(ruleID) {
                report("\(path).ruleId", "'\(ruleID)' names no rule of tool.driver.rules.")
            } else if let index, !((index as? Int).map { ruleIDs.indices.contains($0) && ruleIDs[$0] == ruleID } ?? false) {
                report("\(path).ruleIndex", "\(index) does not point at rule '\(ruleID)' in tool.driver.rules.")
            }
        } else {
            report("\(path).ruleId", "is missing; every result names its rule.")
        }
        level(result["level"], at: "\(path).level")
        if text(result["message"], "text").isEmpty {
            report("\(path).message.text", "is missing.")
        }
        if text(result["partialFingerprints"], "primaryLocationLineHash").isEmpty {
            report("\(path).partialFingerprints.primaryLocationLineHash", "is missing; GitHub needs it to follow an alert across commits.")
        }
        let locations = result["locations"] as? [[String: Any]] ?? []
        if locations.isEmpty {
            report("\(path).locations", "a result needs at least one location.")
        } else if locations.count > Self.maximumLocationsPerResult {
            report("\(path).locations", "\(locations.count) locations, over the limit of \(Self.maximumLocationsPerResult) per result.")
        }
        for (index, value) in locations.enumerated() {
            location(value, at: "\(path).locations[\(index)]", declared: declared)
        }
    }

    private mutating func location(_ location: [String: Any], at path: String, declared: Set<String>) {
        let physical = location["physicalLocation"] as? [String: Any] ?? [:]
        let artifact = physical["artifactLocation"] as? [String: Any] ?? [:]
        let uri = artifact["uri"] as? String ?? ""
        let artifactPath = "\(path).physicalLocation.artifactLocation"
        if uri.isEmpty {
            report("\(artifactPath).uri", "is missing.")
        } else if uri.hasPrefix("/") || Self.hasScheme(uri) || uri.split(separator: "/").contains("..") {
            report("\(artifactPath).uri", "'\(uri)' must be a path relative to the repository root.")
        }
        let base = artifact["uriBaseId"] as? String
        if base != Self.sourceRoot {
            report("\(artifactPath).uriBaseId", "\(base.map { "'\($0)'" } ?? "nothing") instead of '\(Self.sourceRoot)'.")
        } else if !declared.contains(Self.sourceRoot) {
            report("\(artifactPath).uriBaseId", "'\(Self.sourceRoot)' is not declared in the run's originalUriBaseIds.")
        }
        guard let region = physical["region"] as? [String: Any] else { return }
        for key in ["startLine", "startColumn", "endLine", "endColumn"] {
            guard let value = region[key] else {
                if key == "startLine" { report("\(path).physicalLocation.region.startLine", "is missing.") }
                continue
            }
            if (value as? Int).map({ $0 < 1 }) ?? true {
                report("\(path).physicalLocation.region.\(key)", "must be a whole number from 1, not \(value).")
            }
        }
        if let start = region["startLine"] as? Int, let end = region["endLine"] as? Int, end < start {
            report("\(path).physicalLocation.region.endLine", "\(end) is before startLine \(start).")
        }
    }

    /// Whether `uri` starts with a scheme (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`, then `:`).
    private static func hasScheme(_ uri: String) -> Bool {
        guard let colon = uri.firstIndex(of: ":"), let first = uri.first, first.isASCII, first.isLetter else { return false }
        return uri[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    private mutating func level(_ value: Any?, at path: String) {
        guard let value else { return }
        if !((value as? String).map(Self.levels.contains) ?? false) {
            report(path, "\(value) is not one of \(Self.levels.sorted().joined(separator: ", ")).")
        }
    }

    /// The string at `object[key]`, or "" when `object` is no object or holds no string there.
    private func text(_ object: Any?, _ key: String) -> String {
        (object as? [String: Any])?[key] as? String ?? ""
    }
}
