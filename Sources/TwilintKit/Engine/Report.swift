/// Counts that describe a scan, for summaries.
public struct ScanStatistics: Codable, Equatable, Sendable {
    public var filesScanned = 0
    public var bytesScanned = 0
    public var skippedBinary = 0
    public var skippedLockFiles = 0
    public var skippedTooLarge = 0
    public var unreadable = 0
    /// Files that are not valid UTF-8; they are still scanned, as bytes.
    public var notUTF8 = 0

    public init() {}

    public static func + (lhs: ScanStatistics, rhs: ScanStatistics) -> ScanStatistics {
        var sum = lhs
        sum.filesScanned += rhs.filesScanned
        sum.bytesScanned += rhs.bytesScanned
        sum.skippedBinary += rhs.skippedBinary
        sum.skippedLockFiles += rhs.skippedLockFiles
        sum.skippedTooLarge += rhs.skippedTooLarge
        sum.unreadable += rhs.unreadable
        sum.notUTF8 += rhs.notUTF8
        return sum
    }

    public var filesSkipped: Int { skippedBinary + skippedLockFiles + skippedTooLarge }
}

/// The outcome of a scan: sorted findings, diagnostics and counts.
public struct Report: Sendable {
    /// The rules that ran, in id order (reporters list their metadata).
    public var rules: [Rule]
    public var findings: [Finding]
    public var diagnostics: [Diagnostic]
    public var statistics: ScanStatistics
    /// Wall time of the scan in seconds (text output only: machine formats stay deterministic).
    public var duration: Double
    /// Findings silenced by inline `twilint:` directives, sorted; not in `findings`.
    public var suppressed: [Finding]
    /// The paths of the files that were scanned, sorted.
    public var scannedFiles: [String]
    /// Findings left out because the baseline (`--baseline`) already records them.
    public var baselined = 0
    /// Findings left out because they sit on lines `--diff` did not add or change.
    public var unchanged = 0
    /// What `twilint history` scanned: the repository, its HEAD and the commits; nil for files.
    public var history: HistoryScope?

    public init(rules: [Rule], findings: [Finding], diagnostics: [Diagnostic], statistics: ScanStatistics, duration: Double,
                suppressed: [Finding] = [], scannedFiles: [String] = []) {
        self.rules = rules
        self.findings = findings
        self.diagnostics = diagnostics
        self.statistics = statistics
        self.duration = duration
        self.suppressed = suppressed
        self.scannedFiles = scannedFiles
    }

    /// How many findings there are of each severity.
    public func count(_ severity: Severity) -> Int {
        findings.lazy.filter { $0.severity == severity }.count
    }

    /// True when the scan could not look at everything it was asked to.
    public var isIncomplete: Bool { diagnostics.contains { $0.level == .error } }
}
