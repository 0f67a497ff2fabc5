import Matching

/// Runs the compiled rules over one file. Shared by all worker threads; holds no
/// per-file state (that lives in `SourceFile`).
public struct FileScanner: Sendable {
    public let rules: [CompiledRule]
    public let prefilter: KeywordPrefilter
    public let redact: Bool

    public init(rules: [CompiledRule], prefilter: KeywordPrefilter, redact: Bool) {
        self.rules = rules
        self.prefilter = prefilter
        self.redact = redact
    }

    /// Findings in `file`, in report order, and diagnostics for rules that could not finish.
    public func scan(_ file: SourceFile) -> (findings: [Finding], diagnostics: [Diagnostic]) {
        var matches: [(rule: Rule, focus: Range<Int>)] = []
        var diagnostics: [Diagnostic] = []
        file.withBytes { bytes in
            // Each keyword is looked for once, and only when a rule that names it gets that far.
            var hits = KeywordHits(prefilter, text: bytes)
            for rule in rules where rule.rule.applies(to: file.language) {
                // One finding per token and rule, however many patterns match it.
                var reported = Set<Int>()
                do {
                    guard rule.conditions.allSatisfy({ $0.mayHold(in: file) }),
                          try hits.containsAny(rule.keywordIDs) else { continue }
                    for pattern in rule.patterns where try applies(pattern, to: file, hits: &hits) {
                        try pattern.forEachMatch(in: bytes) { match in
                            let focus = match.focus
                            guard !reported.contains(focus.lowerBound),
                                  accepts(focus, of: rule, pattern: pattern, in: file) else { return }
                            reported.insert(focus.lowerBound)
                            matches.append((rule.rule, focus))
                        }
                    }
                    for focus in rule.analyzer?.findings(in: file) ?? []
                    where !reported.contains(focus.lowerBound) && !rule.exclusions.contains(where: { $0.excludes(focus, in: file) }) {
                        reported.insert(focus.lowerBound)
                        matches.append((rule.rule, focus))
                    }
                } catch MatcherError.limitExceeded {
                    diagnostics.append(Diagnostic(.error, path: file.path,
                        "\(rule.rule.id) stopped: a pattern hit the backtracking limit, so this file's \(rule.rule.id) findings may be incomplete; simplify the pattern"))
                } catch {
                    diagnostics.append(Diagnostic(.error, path: file.path, "\(rule.rule.id) failed: \(error)"))
                }
            }
        }
        let secrets = redact ? matches.filter { $0.rule.redact }.map(\.focus) : []
        let builder = FindingBuilder(file: file, redactions: secrets)
        let findings = matches.map { builder.finding($0.rule, at: $0.focus) }
        return (FindingBuilder.numberLineHashes(findings.sorted()), diagnostics)
    }

    private func applies(_ pattern: CompiledRule.CompiledPattern, to file: SourceFile, hits: inout KeywordHits) throws -> Bool {
        guard pattern.languages?.contains(file.language) ?? true else { return false }
        if try !hits.containsAny(pattern.keywordIDs) { return false }
        return pattern.conditions.allSatisfy { $0.mayHold(in: file) }
    }

    private func accepts(_ focus: Range<Int>, of rule: CompiledRule, pattern: CompiledRule.CompiledPattern, in file: SourceFile) -> Bool {
        if rule.rule.scope != .any, !rule.rule.scope.admits(file.spans.kind(at: focus.lowerBound)) { return false }
        // Conditions read facts memoised per file; exclusions judge the token itself, so they go last.
        return rule.conditions.allSatisfy { $0.holds(for: focus, in: file) }
            && pattern.conditions.allSatisfy { $0.holds(for: focus, in: file) }
            && !rule.exclusions.contains(where: { $0.excludes(focus, in: file) })
    }
}
