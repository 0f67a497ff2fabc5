/// The lowest severity that makes a run fail (exit code 1), or never.
/// Set by `--fail-on` or the configuration's `fail-on`.
public enum FailThreshold: String, CaseIterable, Sendable {
    case error, warning, info, never

    /// The severity at and above which findings fail the run; nil for `never`.
    public var severity: Severity? { Severity(rawValue: rawValue) }
}
