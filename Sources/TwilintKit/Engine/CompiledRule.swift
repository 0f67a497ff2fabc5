import Matching

/// A rule made ready to run: patterns JIT-compiled, heuristics resolved,
/// keywords mapped to prefilter ids. Built once per process; a class, so that the
/// scan loop over every file does not copy (and retain) each rule's fields.
public final class CompiledRule: Sendable {
    public struct CompiledPattern: Sendable {
        let matcher: PCRE2Matcher
        let languages: Set<Language>?
        let keywordIDs: [Int]
        let conditions: [any MatchCondition]
    }

    public let rule: Rule
    let patterns: [CompiledPattern]
    let exclusions: [any MatchExclusion]
    let conditions: [any MatchCondition]
    let analyzer: (any Analyzer)?
    let keywordIDs: [Int]

    /// Compiles `rule`; `source` names its file in errors. Keywords must already be in `prefilter`.
    public init(_ rule: Rule, source: String, prefilter: KeywordPrefilter, limits: PCRE2Matcher.Limits = .init()) throws {
        self.rule = rule
        keywordIDs = rule.keywords.compactMap(prefilter.id(of:))
        exclusions = rule.allow.compactMap(Heuristics.exclusion(named:))
        conditions = rule.require.compactMap(Heuristics.condition(named:))
        analyzer = rule.analyzer.flatMap(Analyzers.named)
        patterns = try rule.patterns.enumerated().map { index, pattern in
            let matcher: PCRE2Matcher
            do {
                matcher = try PCRE2Matcher(pattern.regex, limits: limits)
            } catch let error as PatternError {
                throw TwilintError.invalidRuleFile(
                    location: source, key: "patterns[\(index)].regex",
                    problem: "the regex does not compile: \(error.message) at offset \(error.offset)")
            }
            return CompiledPattern(
                matcher: matcher,
                languages: pattern.languages.map(Set.init),
                keywordIDs: (pattern.keywords ?? []).compactMap(prefilter.id(of:)),
                conditions: pattern.require.compactMap(Heuristics.condition(named:)))
        }
    }

    /// Every keyword the rule and its patterns name, for building the prefilter.
    public static func keywords(of rule: Rule) -> [String] {
        rule.keywords + rule.patterns.flatMap { $0.keywords ?? [] }
    }
}
