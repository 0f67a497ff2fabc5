/// `path:line:col: error: message [TW001]`, one line per finding: what gcc and
/// clang print, so Vim's errorformat, Emacs' compilation mode and VS Code's
/// `$gcc` problem matcher read it as they are. Infos are `note`s, as in gcc.
public struct GCCReporter: Reporter {
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        report.findings.map { finding in
            let message = finding.message.split(whereSeparator: \.isNewline).joined(separator: " ")
            return "\(finding.path):\(finding.start.line):\(finding.start.column): \(Self.label(finding.severity)): \(message) [\(finding.ruleID)]\n"
        }.joined()
    }

    static func label(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }
}
