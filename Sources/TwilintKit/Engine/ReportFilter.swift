/// Which findings a run reports: those its baseline does not record and, with
/// `--diff`, those on lines changed since the revision. The report and
/// `--add-suppressions` share it, so a directive goes only where the same run
/// would report a finding.
public struct ReportFilter: Sendable {
    public var baseline: Baseline?
    /// The lines `--diff` keeps findings on, as the files were when git was asked.
    public var changedLines: ChangedLines?
    /// What relative finding paths are relative to.
    public var workingDirectory: String

    public init(baseline: Baseline? = nil, changedLines: ChangedLines? = nil, workingDirectory: String) {
        self.baseline = baseline
        self.changedLines = changedLines
        self.workingDirectory = workingDirectory
    }

    /// Drops from `report` the findings it does not report (counted in `baselined`
    /// and `unchanged`); returns the baseline entries that matched no finding.
    public func apply(to report: inout Report) -> [Baseline.Entry] {
        let stale = baseline?.filter(&report, workingDirectory: workingDirectory) ?? []
        changedLines?.filter(&report, workingDirectory: workingDirectory)
        return stale
    }

    /// The findings of `report` that it reports.
    public func reported(_ report: Report) -> [Finding] {
        var kept = report
        _ = apply(to: &kept)
        return kept.findings
    }
}
