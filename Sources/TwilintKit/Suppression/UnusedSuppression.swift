import Yams

/// TW000 `unused-suppression`: the info finding `--report-unused-ignores` makes
/// for a directive, or a rule named in one, that silenced nothing. It is not a
/// rule file because no pattern can find it: the linter makes these findings
/// after applying the directives.
public enum UnusedSuppression {
    /// The rule's metadata, for reporters (SARIF lists it like any other rule).
    public static let rule: Rule = {
        do {
            return try YAMLDecoder().decode(Rule.self, from: definition)
        } catch {
            preconditionFailure("the built-in TW000 definition no longer decodes as a Rule: \(error)")
        }
    }()

    static let definition = """
        id: TW000
        name: unused-suppression
        severity: info
        scope: comment
        message: This twilint directive suppresses nothing; remove it.
        patterns: []
        docs:
          summary: A twilint suppression comment that suppresses nothing.
          what: Reported with --report-unused-ignores for each `twilint:` directive, or rule named in one, under which no finding was silenced.
          why: A stale suppression hides the next real finding on its line and tells readers a problem is there when it is not.
          fix: Remove the directive, or the rules in it that no longer fire.
        examples:
          match: ['sid = os.environ["TWILIO_ACCOUNT_SID"]  # twilint: ignore[TW001]']
          no-match: ['sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"  # twilint: ignore[TW001] -- documented test account']
        """

    /// TW000 findings for `unused` directives of `file`, in order. Secrets at
    /// `redactions` stay hidden in the snippets.
    static func findings(_ unused: [(directive: SuppressionDirective, rules: [String])], in file: SourceFile,
                         redactions: [Range<Int>]) -> [Finding] {
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
