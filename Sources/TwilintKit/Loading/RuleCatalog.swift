/// The rules a run uses: the built-in ones, plus custom rule folders, narrowed
/// by `--select`/`--ignore` (ids or names).
public enum RuleCatalog {
    /// The rules embedded in the binary (checked against rules/*.yml by the test suite).
    public static func builtin() -> [LoadedRule] {
        BuiltinRules.rules.map { LoadedRule(rule: $0.rule, source: "rules/\($0.file)") }
    }

    /// Built-in rules plus the rules of each folder in `directories`; ids must be unique.
    public static func load(extraDirectories directories: [String] = []) throws -> [LoadedRule] {
        var rules = builtin()
        for directory in directories {
            for loaded in try RuleLoader.load(directory: directory) {
                if let existing = rules.first(where: { $0.rule.id == loaded.rule.id }) {
                    throw TwilintError.duplicateRule(id: loaded.rule.id, first: existing.source, second: loaded.source)
                }
                rules.append(loaded)
            }
        }
        return rules.sorted { $0.rule.id < $1.rule.id }
    }

    /// Keeps the rules named in `select` (all when empty) minus those in `ignore`.
    /// Unknown ids or names are errors, so a typo never disables a gate silently.
    public static func filter(_ rules: [LoadedRule], select: [String], ignore: [String]) throws -> [LoadedRule] {
        func matches(_ rule: Rule, _ selector: String) -> Bool {
            rule.id.caseInsensitiveCompare(selector) == .orderedSame || rule.name == selector.lowercased()
        }
        for selector in select + ignore where !rules.contains(where: { matches($0.rule, selector) }) {
            throw TwilintError.unknownRule(selector)
        }
        return rules.filter { loaded in
            (select.isEmpty || select.contains { matches(loaded.rule, $0) })
                && !ignore.contains { matches(loaded.rule, $0) }
        }
    }
}
