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
        let anchor: Anchor?

        /// Every match in `text`, left to right; with an anchor, searched only where one can start.
        func forEachMatch(in text: UnsafeBufferPointer<UInt8>, _ body: (Match) throws -> Void) throws {
            guard let anchor else { return try matcher.forEachMatch(in: text, body) }
            try matcher.forEachMatch(in: text, startingIn: anchor.windows(in: text), body)
        }
    }

    public let rule: Rule
    let patterns: [CompiledPattern]
    let exclusions: [any MatchExclusion]
    let conditions: [any MatchCondition]
    let analyzer: (any Analyzer)?
    let keywordIDs: [Int]

    /// The file the rule came from, named when one of its patterns fails on a file.
    public let source: String

    /// Compiles `rule`; `source` and `lines` (each regex's line, by key) place its
    /// errors. Keywords must already be in `prefilter`.
    public init(_ rule: Rule, source: String, lines: [String: Int] = [:], prefilter: KeywordPrefilter,
                limits: PCRE2Matcher.Limits = .init()) throws {
        self.rule = rule
        self.source = source
        keywordIDs = rule.keywords.compactMap(prefilter.id(of:))
        exclusions = rule.allow.compactMap(Heuristics.exclusion(named:))
        conditions = rule.require.compactMap(Heuristics.condition(named:))
        analyzer = rule.analyzer.flatMap(Analyzers.named)
        patterns = try rule.patterns.enumerated().map { index, pattern in
            func compile(_ regex: String, key: String, startLimited: Bool = false) throws -> PCRE2Matcher {
                do {
                    return try PCRE2Matcher(regex, startLimited: startLimited, limits: limits)
                } catch let error as PatternError {
                    let key = "patterns[\(index)].\(key)"
                    throw TwilintError.invalidRuleFile(
                        location: lines[key].map { "\(source):\($0)" } ?? source, key: key,
                        problem: "the regex does not compile: \(error.message) at offset \(error.offset)")
                }
            }
            let anchor = try pattern.anchor.map { anchor in
                let finders = try anchor.regex.map { [try compile($0, key: "anchor.regex")] }
                    ?? (anchor.words ?? []).map { try PCRE2Matcher.literal($0, caseless: true) }
                return Anchor(finders: finders, before: anchor.before, after: anchor.after)
            }
            return CompiledPattern(
                matcher: try compile(pattern.regex, key: "regex", startLimited: anchor != nil),
                languages: pattern.languages.map(Set.init),
                keywordIDs: (pattern.keywords ?? []).compactMap(prefilter.id(of:)),
                conditions: pattern.require.compactMap(Heuristics.condition(named:)),
                anchor: anchor)
        }
    }

    /// Every keyword the rule and its patterns name, for building the prefilter.
    public static func keywords(of rule: Rule) -> [String] {
        rule.keywords + rule.patterns.flatMap { $0.keywords ?? [] }
    }
}
