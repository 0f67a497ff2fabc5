/// TW000 `unused-suppression`: the info finding `--report-unused-ignores` makes
/// for a directive, or a rule named in one, that silenced nothing. Its rule file
/// (rules/TW000-unused-suppression.yml) carries the metadata; the findings are
/// made here, after the directives are applied, as no pattern can find them.
public enum UnusedSuppression {
    /// The built-in TW000 rule, for reporters (SARIF lists it like any other rule).
    public static let rule: Rule = {
        guard let entry = BuiltinRules.rules.first(where: { $0.rule.analyzer == analyzerName }) else {
            preconditionFailure("rules/TW000-unused-suppression.yml is not among the built-in rules; run `make rules`")
        }
        return entry.rule
    }()

    /// The analyzer that marks a rule as made from unused directives.
    public static let analyzerName = UnusedSuppressionAnalyzer().name

    /// TW000 findings for `unused` directives of `file`, in order, as `rule` (TW000
    /// with the configuration's severity). Secrets at `redactions` stay hidden in the snippets.
    static func findings(_ unused: [(directive: SuppressionDirective, rules: [String])], in file: SourceFile,
                         rule: Rule = rule, redactions: [Range<Int>]) -> [Finding] {
        let builder = FindingBuilder(file: file, redactions: redactions)
        let findings = unused.map { directive, rules -> Finding in
            var finding = builder.finding(rule, at: directive.range)
            let written = "'twilint: \(directive.text)'"
            if rules.isEmpty {
                finding.message = "\(written) suppresses nothing; remove it."
            } else if rules.count == directive.rules.count {
                finding.message = "\(written) suppresses no \(rules.joined(separator: " or ")) finding; remove it."
            } else {
                finding.message = "\(written) suppresses no \(rules.joined(separator: " or ")) finding; remove \(rules.joined(separator: ", ")) from it."
            }
            return finding
        }
        return FindingBuilder.numberLineHashes(findings)
    }
}
