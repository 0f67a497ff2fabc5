/// Applies one file's `twilint:` directives to its findings: what they cover
/// moves to `suppressed` (with the directive and its reason), and each directive
/// or rule named in one that silenced nothing is listed as unused.
struct Suppressor {
    /// Resolves the ids and names that directives use, for every known rule (selected or not).
    let index: RuleIndex
    /// Ids of the rules that ran: only those can make a directive unused.
    let activeRules: Set<String>

    struct Outcome {
        var findings: [Finding] = []
        var suppressed: [Finding] = []
        /// Directives that silenced nothing, with the named rules they silenced nothing of (empty for the bare form).
        var unused: [(directive: SuppressionDirective, rules: [String])] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Where one directive applies: lines and rules (nil: every rule).
    private struct Scope {
        let directive: Int
        let rules: Set<String>?
        let lines: ClosedRange<Int>
    }

    func apply(_ directives: [SuppressionDirective], to findings: [Finding], path: String) -> Outcome {
        var outcome = Outcome()
        let resolved = directives.map { directive -> Set<String>? in
            guard !directive.rules.isEmpty else { return nil }
            return Set(directive.rules.compactMap { name in
                let id = index.id(of: name)
                if id == nil {
                    outcome.diagnostics.append(Diagnostic(.warning, path: path,
                        "line \(directive.line): 'twilint: \(directive.text)' names no known rule '\(name)'; run 'twilint rules' to list the ids and names",
                        at: directive.range))
                }
                return id
            })
        }
        let scopes = self.scopes(directives, resolved)
        var used: [Int: Set<String>] = [:]
        for finding in findings {
            let line = finding.start.line
            guard let scope = scopes.first(where: { $0.lines.contains(line) && ($0.rules?.contains(finding.ruleID) ?? true) }) else {
                outcome.findings.append(finding)
                continue
            }
            let directive = directives[scope.directive]
            var silenced = finding
            silenced.suppression = Suppression(directive: directive.text, line: directive.line, reason: directive.reason)
            outcome.suppressed.append(silenced)
            used[scope.directive, default: []].insert(finding.ruleID)
        }
        for (position, directive) in directives.enumerated() where directive.kind != .enable {
            let silenced = used[position] ?? []
            if let rules = resolved[position] {
                let idle = rules.filter { activeRules.contains($0) && !silenced.contains($0) }.sorted()
                if !idle.isEmpty { outcome.unused.append((directive, idle)) }
            } else if silenced.isEmpty {
                outcome.unused.append((directive, []))
            }
        }
        return outcome
    }

    /// The scopes of `directives`, most specific first, so a finding is credited to
    /// the line directive before a block or the whole file.
    private func scopes(_ directives: [SuppressionDirective], _ resolved: [Set<String>?]) -> [Scope] {
        var lineScopes: [Scope] = [], blockScopes: [Scope] = [], fileScopes: [Scope] = []
        var open: [(directive: Int, rules: Set<String>?, from: Int)] = []
        for (position, directive) in directives.enumerated() {
            let rules = resolved[position]
            switch directive.kind {
            case .ignore:
                lineScopes.append(Scope(directive: position, rules: rules, lines: directive.line...directive.line))
            case .ignoreNextLine:
                lineScopes.append(Scope(directive: position, rules: rules, lines: directive.line + 1...directive.line + 1))
            case .ignoreFile:
                fileScopes.append(Scope(directive: position, rules: rules, lines: 1...Int.max))
            case .disable:
                open.append((position, rules, directive.line))
            case .enable:
                // A bare `enable` ends every block; `enable[X]` ends X in the blocks that name X.
                var stillOpen: [(directive: Int, rules: Set<String>?, from: Int)] = []
                for block in open {
                    let lines = block.from...max(block.from, directive.line - 1)
                    guard let ending = rules else {
                        blockScopes.append(Scope(directive: block.directive, rules: block.rules, lines: lines))
                        continue
                    }
                    guard let blockRules = block.rules else {
                        stillOpen.append(block)
                        continue
                    }
                    let closed = blockRules.intersection(ending), remaining = blockRules.subtracting(ending)
                    if !closed.isEmpty { blockScopes.append(Scope(directive: block.directive, rules: closed, lines: lines)) }
                    if !remaining.isEmpty { stillOpen.append((block.directive, remaining, block.from)) }
                }
                open = stillOpen
            }
        }
        for block in open {
            blockScopes.append(Scope(directive: block.directive, rules: block.rules, lines: block.from...Int.max))
        }
        return lineScopes + blockScopes + fileScopes
    }
}
