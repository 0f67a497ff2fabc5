/// Human output: `path:line:col: severity[ID name] message`, the source line with
/// a caret under the token, and a closing summary.
public struct TextReporter: Reporter {
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let style = Style(enabled: context.color)
        var out = ""
        for finding in report.findings {
            let color = style.color(for: finding.severity)
            out += style.bold("\(finding.path):\(finding.start.line):\(finding.start.column):") + " "
            out += style.paint("\(finding.severity.rawValue)[\(finding.ruleID) \(finding.ruleName)]", color) + " "
            out += finding.message + "\n"
            let gutter = String(finding.start.line)
            let pad = String(repeating: " ", count: gutter.count)
            let snippet = finding.snippet.replacingOccurrences(of: "\t", with: " ")
            out += style.dim(" \(gutter) | ") + snippet + "\n"
            let caretStart = finding.snippetColumns.lowerBound
            let caretWidth = max(1, finding.snippetColumns.count)
            out += style.dim(" \(pad) | ") + String(repeating: " ", count: caretStart)
                + style.paint(String(repeating: "^", count: caretWidth), color) + "\n"
            if let commit = finding.commit { out += style.dim(" \(pad) = ") + Self.describe(commit) + "\n" }
            if !finding.related.isEmpty {
                out += style.dim(" \(pad) = ") + "also matches \(finding.related.joined(separator: ", ")), reported here once\n"
            }
        }
        if context.summary { out += summary(report, style: style) }
        return out
    }

    /// `commit 1a2b3c4d5e6f (2024-05-01T12:00:00Z, Alice), added by 2 commits; still in HEAD: rotate it now`.
    static func describe(_ commit: CommitProvenance) -> String {
        var text = "commit \(commit.commit.prefix(12)) (\(commit.authorDate)\(commit.author.map { ", \($0)" } ?? ""))"
        if commit.occurrences > 1 { text += ", added by \(commit.occurrences) commits" }
        switch commit.presentAtHead {
        case true?: return text + "; still in HEAD: rotate it now"
        case false?: return text + "; no longer in HEAD: rotate it anyway, every clone still holds it"
        case nil: return text + "; HEAD could not be searched for it: rotate it"
        }
    }

    private func summary(_ report: Report, style: Style) -> String {
        let stats = report.statistics
        let counts = "\(plural(report.count(.error), "error")), \(plural(report.count(.warning), "warning")), \(report.count(.info)) info"
        let total = report.findings.count
        var line: String
        if stats.filesScanned == 0 && total == 0 && report.history == nil {
            // "No problems found in 0 files" would read as a clean result.
            line = "Nothing was scanned"
        } else {
            line = total == 0 ? "No problems found" : "Found \(plural(total, "problem")) (\(counts))"
            if let history = report.history {
                line += " in \(plural(history.commitsScanned, "commit")) (\(plural(stats.filesScanned, "file change")), \(megabytes(stats.bytesScanned)) added)"
            } else {
                line += " in \(plural(stats.filesScanned, "file")) (\(megabytes(stats.bytesScanned)))"
            }
            line += " in \(String(format2: report.duration))s"
        }
        var skipped: [String] = []
        if stats.skippedBinary > 0 { skipped.append("\(stats.skippedBinary) binary") }
        if stats.skippedLockFiles > 0 { skipped.append("\(plural(stats.skippedLockFiles, "lock file"))") }
        if stats.skippedTooLarge > 0 { skipped.append("\(stats.skippedTooLarge) too large") }
        if !skipped.isEmpty { line += "; skipped \(skipped.joined(separator: ", "))" }
        if stats.notUTF8 > 0 { line += "; \(plural(stats.notUTF8, "file")) not UTF-8 (scanned as bytes)" }
        let errors = report.diagnostics.filter { $0.level == .error }.count
        if errors > 0 { line += "; \(plural(errors, "error")) reading files or running rules (see above)" }
        if !report.suppressed.isEmpty { line += "; \(report.suppressed.count) suppressed" }
        if report.baselined > 0 { line += "; \(report.baselined) in the baseline" }
        if report.unchanged > 0 { line += "; \(report.unchanged) on unchanged lines" }
        line += "."
        return (report.findings.isEmpty ? "" : "\n") + style.bold(line) + "\n"
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }

    private func megabytes(_ bytes: Int) -> String {
        bytes < 1_000_000 ? "\(bytes / 1000) kB" : "\(String(format2: Double(bytes) / 1e6)) MB"
    }
}

/// ANSI styling that turns into plain text when disabled.
struct Style {
    let enabled: Bool

    func color(for severity: Severity) -> String {
        switch severity {
        case .error: return "31"
        case .warning: return "33"
        case .info: return "36"
        }
    }

    func paint(_ text: String, _ code: String) -> String { enabled ? "\u{1B}[1;\(code)m\(text)\u{1B}[0m" : text }
    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

extension String {
    /// A number with two decimals, without Foundation's locale-dependent formatting.
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
