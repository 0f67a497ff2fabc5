/// The lines added or changed since a git revision, by absolute path: what
/// `--diff REF` keeps findings on.
public struct ChangedLines: Sendable {
    /// 1-based line ranges of the new side, by absolute path.
    public var lines: [String: [ClosedRange<Int>]]
    /// Absolute paths of files git does not track yet: every line is new.
    public var wholeFiles: Set<String>

    public init(lines: [String: [ClosedRange<Int>]] = [:], wholeFiles: Set<String> = []) {
        self.lines = lines
        self.wholeFiles = wholeFiles
    }

    /// Whether any line of `range` in the file at the absolute `path` was added or changed.
    public func contains(_ path: String, lines range: ClosedRange<Int>) -> Bool {
        wholeFiles.contains(path) || (lines[path]?.contains { $0.overlaps(range) } ?? false)
    }

    /// Keeps the findings of `report` (and its suppressed findings) that touch a
    /// changed line, counting the others in `report.unchanged`. Finding paths are
    /// relative to `workingDirectory`.
    public func filter(_ report: inout Report, workingDirectory: String) {
        func touches(_ finding: Finding) -> Bool {
            contains(Paths.absolute(finding.path, in: workingDirectory),
                     lines: finding.start.line...max(finding.start.line, finding.end.line))
        }
        let before = report.findings.count
        report.findings.removeAll { !touches($0) }
        report.unchanged += before - report.findings.count
        report.suppressed.removeAll { !touches($0) }
    }
}
