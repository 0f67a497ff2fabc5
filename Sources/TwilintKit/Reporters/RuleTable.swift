/// The rule list, for `twilint rules` and the README (generated from the rule files).
public enum RuleTable {
    public static func text(_ rules: [Rule]) -> String {
        let width = rules.map(\.name.count).max() ?? 0
        return rules.map { rule in
            let severity = rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
            let name = rule.name.padding(toLength: width, withPad: " ", startingAt: 0)
            return "\(rule.id)  \(severity)  \(name)  \(rule.docs.summary)"
        }.joined(separator: "\n") + "\n"
    }

    public static func markdown(_ rules: [Rule]) -> String {
        var lines = ["| id | name | severity | languages | what it finds |", "|---|---|---|---|---|"]
        for rule in rules {
            let languages = rule.languages?.map(\.rawValue).joined(separator: ", ") ?? "all text files"
            lines.append("| \(rule.id) | `\(rule.name)` | \(rule.severity.rawValue) | \(languages) | \(rule.docs.summary) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
