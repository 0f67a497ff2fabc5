import Dispatch
import Foundation
import Matching

/// Runs the compiled rules over one file. Shared by all worker threads; holds no
/// per-file state (that lives in `SourceFile`).
///
/// A file is scanned in three steps: the gates (languages, keywords, conditions)
/// pick the pattern searches the file needs; the searches run; their matches are
/// judged (scope, conditions, exclusions) rule by rule. Gates and judges read
/// the file's memos, so they run on one thread; a search reads only the bytes,
/// so the searches of a large file are spread over `searchThreads` threads, which
/// keeps one big file (a bundle, an export) from leaving the other cores idle.
public struct FileScanner: Sendable {
    public let rules: [CompiledRule]
    /// Secret rules that are not reported in this run (`--select`, `--ignore`) but
    /// whose matches are still hidden in snippets: redaction never depends on which
    /// rules run. Searched only in files that have something to show.
    public let redactionRules: [CompiledRule]
    public let prefilter: KeywordPrefilter
    public let redact: Bool
    /// Threads one large file's searches may use; 1 keeps every search on the caller's thread.
    public let searchThreads: Int
    /// Files at least this large have their searches spread over threads.
    static let parallelSearchBytes = 1 << 20

    public init(rules: [CompiledRule], redactionRules: [CompiledRule] = [], prefilter: KeywordPrefilter, redact: Bool,
                searchThreads: Int = 1) {
        self.rules = rules
        self.redactionRules = redact ? redactionRules : []
        self.prefilter = prefilter
        self.redact = redact
        self.searchThreads = searchThreads
    }

    /// One pattern of one rule that the gates let through, and what its search found.
    private struct Search {
        let rule: Int
        let pattern: CompiledRule.CompiledPattern
        var result: Result<[Match], Error> = .success([])
    }

    /// A token a rule reports, with the values its message names.
    struct Hit {
        var rule: Rule
        var focus: Range<Int>
        var details: [String: String] = [:]
    }

    /// What one file's scan gives.
    public struct Outcome {
        /// In report order.
        public var findings: [Finding]
        /// For rules that could not finish.
        public var diagnostics: [Diagnostic]
        /// Byte ranges of the secrets in the file, hidden in every snippet (empty without redaction).
        public var secrets: [Range<Int>]
    }

    public func scan(_ file: SourceFile) -> Outcome {
        var (matches, diagnostics) = self.matches(of: rules, in: file)
        var secrets = redact ? matches.filter { $0.rule.redact }.map(\.focus) : []
        // Snippets show lines of findings and of directives (unused suppressions).
        if !redactionRules.isEmpty, !matches.isEmpty || file.withBytes(DirectiveParser.mayHoldDirectives) {
            let hidden = self.matches(of: redactionRules, in: file)
            secrets += hidden.matches.map(\.focus)
            diagnostics += hidden.diagnostics
        }
        let builder = FindingBuilder(file: file, redactions: secrets)
        let related = Self.resolveSupersession(&matches)
        let findings = matches.enumerated().map { index, match in
            var finding = builder.finding(match.rule, at: match.focus, details: match.details)
            finding.related = related[index] ?? []
            return finding
        }
        return Outcome(findings: FindingBuilder.numberLineHashes(findings.sorted()), diagnostics: diagnostics, secrets: secrets)
    }

    /// One token, one finding: a match of a rule that supersedes others (TW004 over TW001
    /// and TW002) removes their matches on an overlapping token. Returns, by index into
    /// the remaining matches, the rules each one replaced.
    static func resolveSupersession(_ matches: inout [Hit]) -> [Int: [String]] {
        let superseding = matches.filter { !$0.rule.supersedes.isEmpty }.sorted { $0.focus.lowerBound < $1.focus.lowerBound }
        guard !superseding.isEmpty else { return [:] }
        let longest = superseding.map(\.focus.count).max() ?? 0
        var replaced: [Range<Int>: [String]] = [:]
        matches.removeAll { match in
            // Only superseding matches that start within `longest` bytes before this one can overlap it.
            let start = superseding.partitioningIndex { $0.focus.lowerBound >= match.focus.lowerBound - longest }
            let end = superseding.partitioningIndex { $0.focus.lowerBound >= match.focus.upperBound }
            guard start < end, let winner = superseding[start..<end].first(where: {
                $0.focus.overlaps(match.focus) && $0.rule.supersedes.contains(match.rule.id)
            }) else { return false }
            replaced[winner.focus, default: []].append(match.rule.id)
            return true
        }
        var related: [Int: [String]] = [:]
        for (index, match) in matches.enumerated() where !match.rule.supersedes.isEmpty {
            if let ids = replaced[match.focus] { related[index] = Array(Set(ids)).sorted() }
        }
        return related
    }

    /// Byte ranges of the secrets every redacting rule finds in `file`, run or not.
    public func secrets(in file: SourceFile) -> [Range<Int>] {
        matches(of: rules.filter(\.rule.redact) + redactionRules, in: file).matches.map(\.focus)
    }

    /// The matches of `rules` in `file` that pass scope, conditions and exclusions.
    private func matches(of rules: [CompiledRule], in file: SourceFile)
        -> (matches: [Hit], diagnostics: [Diagnostic]) {
        var matches: [Hit] = []
        var diagnostics: [Diagnostic] = []
        file.withBytes { bytes in
            var (searches, passed, failed) = gate(rules, file, bytes)
            run(&searches, in: bytes)
            var next = searches.startIndex
            for (index, rule) in rules.enumerated() where passed[index] {
                // One finding per token and rule, however many patterns match it.
                var reported = Set<Int>()
                do {
                    if let error = failed[index] { throw error }
                    while next < searches.endIndex, searches[next].rule == index {
                        let search = searches[next]
                        next += 1
                        for match in try search.result.get() {
                            let focus = match.focus
                            guard !reported.contains(focus.lowerBound),
                                  accepts(focus, of: rule, pattern: search.pattern, in: file) else { continue }
                            reported.insert(focus.lowerBound)
                            matches.append(Hit(rule: rule.rule, focus: focus))
                        }
                    }
                    // An analyzer's findings pass the rule file's scope, conditions and exclusions like a pattern's.
                    for violation in rule.analyzer?.violations(in: file) ?? []
                    where !reported.contains(violation.focus.lowerBound) && accepts(violation.focus, of: rule, pattern: nil, in: file) {
                        reported.insert(violation.focus.lowerBound)
                        matches.append(Hit(rule: rule.rule, focus: violation.focus, details: violation.details))
                    }
                } catch MatcherError.limitExceeded {
                    diagnostics.append(Diagnostic(.error, path: file.path,
                        "\(rule.rule.id) stopped: a pattern of \(rule.source) hit PCRE2's backtracking limit (match, depth or heap), "
                        + "so this file's \(rule.rule.id) findings may be incomplete; simplify the pattern"))
                } catch {
                    diagnostics.append(Diagnostic(.error, path: file.path, "\(rule.rule.id) failed: \(error)"))
                }
                while next < searches.endIndex, searches[next].rule == index { next += 1 }
            }
        }
        return (matches, diagnostics)
    }

    /// The searches `file` needs, in rule and pattern order; the rules whose gates
    /// passed; and the error of any rule whose gates could not be read.
    private func gate(_ rules: [CompiledRule], _ file: SourceFile, _ bytes: UnsafeBufferPointer<UInt8>) -> ([Search], [Bool], [Int: Error]) {
        // Each keyword is looked for once, and only when a rule that names it gets that far.
        var hits = KeywordHits(prefilter, text: bytes)
        var searches: [Search] = [], failed: [Int: Error] = [:]
        var passed = [Bool](repeating: false, count: rules.count)
        for (index, rule) in rules.enumerated() where rule.rule.applies(to: file.language) {
            do {
                guard rule.conditions.allSatisfy({ $0.judgesFindingsOnly || $0.mayHold(in: file) }),
                      try hits.containsAny(rule.keywordIDs) else { continue }
                passed[index] = true
                for pattern in rule.patterns where try applies(pattern, to: file, hits: &hits) {
                    searches.append(Search(rule: index, pattern: pattern))
                }
            } catch {
                passed[index] = true
                failed[index] = error
            }
        }
        return (searches, passed, failed)
    }

    /// Runs every search, on `searchThreads` threads when the file is large.
    private func run(_ searches: inout [Search], in bytes: UnsafeBufferPointer<UInt8>) {
        func search(_ pattern: CompiledRule.CompiledPattern) -> Result<[Match], Error> {
            Result(catching: {
                var found: [Match] = []
                try pattern.forEachMatch(in: bytes) { found.append($0) }
                return found
            })
        }
        let threads = bytes.count >= Self.parallelSearchBytes ? min(searchThreads, searches.count) : 1
        guard threads > 1 else {
            for index in searches.indices { searches[index].result = search(searches[index].pattern) }
            return
        }
        // Each thread takes the next search not yet taken, so one slow search does not
        // hold up the rest; each writes only its own searches' slots.
        let lock = NSLock()
        var taken = 0
        searches.withUnsafeMutableBufferPointer { slots in
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while true {
                    lock.lock()
                    let index = taken
                    taken += 1
                    lock.unlock()
                    guard index < slots.count else { return }
                    slots[index].result = search(slots[index].pattern)
                }
            }
        }
    }

    private func applies(_ pattern: CompiledRule.CompiledPattern, to file: SourceFile, hits: inout KeywordHits) throws -> Bool {
        guard pattern.languages?.contains(file.language) ?? true else { return false }
        if try !hits.containsAny(pattern.keywordIDs) { return false }
        return pattern.conditions.allSatisfy { $0.mayHold(in: file) }
    }

    private func accepts(_ focus: Range<Int>, of rule: CompiledRule, pattern: CompiledRule.CompiledPattern?, in file: SourceFile) -> Bool {
        if rule.rule.scope != .any, !rule.rule.scope.admits(file.spans.kind(at: focus.lowerBound)) { return false }
        // Conditions read facts memoised per file; exclusions judge the token itself, so they go last.
        return rule.conditions.allSatisfy { $0.holds(for: focus, in: file) }
            && (pattern?.conditions ?? []).allSatisfy { $0.holds(for: focus, in: file) }
            && !rule.exclusions.contains(where: { $0.excludes(focus, in: file) })
    }
}
