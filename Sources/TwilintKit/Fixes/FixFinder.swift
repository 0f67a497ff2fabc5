/// Gives findings the fixes twilint knows for them, while their file is at hand.
enum FixFinder {
    /// The environment-read fix for the secret findings that have one.
    static func attach(to findings: inout [Finding], in file: SourceFile, redact: Bool) {
        for index in findings.indices where EnvironmentFix.ruleIDs.contains(findings[index].ruleID) {
            findings[index].fix = EnvironmentFix.fix(for: findings[index], in: file, redact: redact)
        }
    }

    /// The removal fixes for TW000 findings, made for the `unused` directives (found by
    /// their range); `index` turns the rule names written in a directive into ids.
    static func attach(to findings: inout [Finding], unused: [(directive: SuppressionDirective, rules: [String])],
                       index: RuleIndex, in file: SourceFile) {
        for position in findings.indices {
            guard let entry = unused.first(where: { $0.directive.range == findings[position].byteRange }) else { continue }
            let idle = entry.directive.rules.filter { name in index.id(of: name).map(entry.rules.contains) ?? false }
            findings[position].fix = DirectiveRemoval.fix(for: entry.directive, idle: idle, in: file)
        }
    }
}
