import Foundation

/// GitHub Actions workflow commands, one per finding, which the runner turns into
/// annotations on the pull request's diff:
/// `::error file=src/app.py,line=2,col=18,endLine=2,endColumn=51,title=TW001 hardcoded-twilio-sid::message`.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        report.findings.map { finding in
            var properties = [("file", context.relative(finding.path)), ("line", "\(finding.start.line)")]
            // Columns only mean something to GitHub on a one-line annotation; its end column is inclusive.
            if finding.end.line == finding.start.line {
                properties += [("col", "\(finding.start.column)"), ("endLine", "\(finding.end.line)"),
                               ("endColumn", "\(max(finding.start.column, finding.end.column - 1))")]
            } else {
                properties.append(("endLine", "\(finding.end.line)"))
            }
            properties.append(("title", "\(finding.ruleID) \(finding.ruleName)"))
            let list = properties.map { "\($0.0)=\(Self.escapeProperty($0.1))" }.joined(separator: ",")
            return "::\(Self.command(finding.severity)) \(list)::\(Self.escapeData(finding.message))\n"
        }.joined()
    }

    static func command(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// The message part: `%`, CR and LF encoded, as the runner decodes them.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    /// A property value: as data, plus `:` and `,`, which would end it.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
