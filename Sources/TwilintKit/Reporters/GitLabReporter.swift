/// GitLab Code Quality JSON (a subset of Code Climate's format), shown in merge
/// requests: an array of issues with a description, a check name, a severity,
/// a location and a fingerprint that stays the same when the line moves, so
/// GitLab can tell new issues from old ones.
public struct GitLabReporter: Reporter {
    public init() {}

    struct Issue: Encodable {
        let description: String
        let checkName: String
        let fingerprint: String
        let severity: String
        let location: Location

        enum CodingKeys: String, CodingKey {
            case description, fingerprint, severity, location
            case checkName = "check_name"
        }
    }

    struct Location: Encodable {
        let path: String
        let lines: Lines
    }

    struct Lines: Encodable { let begin: Int }

    public func render(_ report: Report, context: ReportContext) -> String {
        let issues = report.findings.map { finding in
            let path = context.relative(finding.path)
            // In history, the same line may come from several commits: the commit tells them apart.
            let commit = finding.commit.map { "\u{0}" + $0.commit } ?? ""
            return Issue(
                description: "\(finding.message) [\(finding.ruleID) \(finding.ruleName)]"
                    + (finding.commit.map { " (" + TextReporter.describe($0) + ")" } ?? ""),
                checkName: finding.ruleID,
                fingerprint: String(SHA256.hex(Array("\(finding.ruleID)\u{0}\(path)\u{0}\(finding.lineHash)\(commit)".utf8)).prefix(32)),
                severity: Self.severity(finding.severity),
                location: Location(path: path, lines: Lines(begin: finding.start.line)))
        }
        return JSONOutput.encode(issues, pretty: true) + "\n"
    }

    /// GitLab's scale is info, minor, major, critical, blocker.
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "critical"
        case .warning: return "major"
        case .info: return "info"
        }
    }
}
