/// One compact JSON object per finding and line (JSON Lines), with the fields of
/// `--format json` findings: editor plugins read the lines as they arrive and
/// need no document around them. Suppressed findings come too, with their
/// `suppression`, under `--include-suppressed`.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let findings = context.includeSuppressed ? (report.findings + report.suppressed).sorted() : report.findings
        return findings.map { JSONOutput.encode(JSONReporter.entry($0), pretty: false) + "\n" }.joined()
    }
}
