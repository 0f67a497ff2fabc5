import Foundation

/// Machine output for scripts: one JSON object with `findings`, `diagnostics` and
/// a `summary`. Keys are sorted and nothing depends on time, so output is stable.
/// The schema is documented in docs/json-format.md; `schemaVersion` changes when it breaks.
public struct JSONReporter: Reporter {
    public init() {}

    struct Document: Encodable {
        let schemaVersion = 2
        let tool = Tool()
        let findings: [Entry]
        /// Findings silenced by `twilint:` directives, with the directive and its reason.
        let suppressed: [Entry]
        let diagnostics: [Diagnostic]
        let summary: Summary
    }

    struct Tool: Encodable {
        let name = "twilint"
        let version = TwilintVersion.current
    }

    struct Entry: Encodable {
        let rule: String
        let name: String
        let severity: Severity
        let message: String
        let path: String
        let line: Int
        let column: Int
        let endLine: Int
        let endColumn: Int
        let snippet: String
        let fingerprint: String
        let suppression: Suppression?
        /// Rules that matched the same token and yielded to this one; absent when none.
        let related: [String]?
        /// `twilint history` only: the commit that added the line, its author date and author,
        /// whether HEAD still holds the secret, and how many commits added it.
        let commit: String?
        let authorDate: String?
        let author: String?
        let presentAtHead: Bool?
        let occurrences: Int?
    }

    struct Summary: Encodable {
        let filesScanned: Int
        let filesSkipped: Skipped
        let findings: [String: Int]
        /// Error diagnostics: paths that could not be read and rules that could not
        /// finish (not findings of severity error, which `findings` counts).
        let readErrors: Int
        let incomplete: Bool
        let suppressed: Int
        /// Left out because the baseline records them.
        let baselined: Int
        /// Left out because `--diff` did not change their lines.
        let unchanged: Int
        /// `twilint history` only: the commits read.
        let commitsScanned: Int?
    }

    struct Skipped: Encodable {
        let binary: Int
        let lockFiles: Int
        let tooLarge: Int
        let unreadable: Int
    }

    public func render(_ report: Report, context: ReportContext) -> String {
        let stats = report.statistics
        let document = Document(
            findings: report.findings.map(Self.entry),
            suppressed: report.suppressed.map(Self.entry),
            diagnostics: report.diagnostics.filter { $0.level != .note },
            summary: Summary(
                filesScanned: stats.filesScanned,
                filesSkipped: Skipped(binary: stats.skippedBinary, lockFiles: stats.skippedLockFiles,
                                      tooLarge: stats.skippedTooLarge, unreadable: stats.unreadable),
                findings: Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0.rawValue, report.count($0)) }),
                readErrors: report.diagnostics.filter { $0.level == .error }.count,
                incomplete: report.isIncomplete,
                suppressed: report.suppressed.count, baselined: report.baselined, unchanged: report.unchanged,
                commitsScanned: report.history?.commitsScanned))
        return JSONOutput.encode(document, pretty: true) + "\n"
    }

    static func entry(_ finding: Finding) -> Entry {
        Entry(rule: finding.ruleID, name: finding.ruleName, severity: finding.severity, message: finding.message,
              path: finding.path, line: finding.start.line, column: finding.start.column,
              endLine: finding.end.line, endColumn: finding.end.column, snippet: finding.snippet,
              fingerprint: finding.lineHash, suppression: finding.suppression,
              related: finding.related.isEmpty ? nil : finding.related,
              commit: finding.commit?.commit, authorDate: finding.commit?.authorDate, author: finding.commit?.author,
              presentAtHead: finding.commit?.presentAtHead, occurrences: finding.commit?.occurrences)
    }
}

/// Deterministic JSON encoding shared by the JSON-based reporters.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T, pretty: Bool) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = try! encoder.encode(value)
        return String(decoding: data, as: UTF8.self)
    }
}
