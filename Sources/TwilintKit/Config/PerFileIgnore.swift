/// Rules that are not reported in files matching some globs (`per-file-ignores`).
public struct PerFileIgnore: Sendable {
    public var patterns: PathPatterns
    /// Rule ids.
    public var rules: Set<String>

    public init(patterns: PathPatterns, rules: Set<String>) {
        self.patterns = patterns
        self.rules = rules
    }
}
