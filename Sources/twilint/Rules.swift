import ArgumentParser
import TwilintKit

/// `twilint rules`: the rule table.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the rules: id, severity, name and summary.")

    @Option(name: .customLong("rules-dir"), help: "Also list the custom rules of this folder (repeatable).")
    var rulesDirectories: [String] = []

    @Flag(help: "Print a Markdown table (as in the README).")
    var markdown = false

    func run() throws {
        let rules = try RuleCatalog.load(extraDirectories: rulesDirectories).map(\.rule)
        try Terminal.standardOutput(markdown ? RuleTable.markdown(rules) : RuleTable.text(rules))
    }
}

/// `twilint explain TW001`: a rule's full documentation.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show what a rule finds, why it matters and how to fix it.")

    @Argument(help: "A rule id or name, e.g. TW001 or hardcoded-twilio-sid.")
    var rule: String

    @Option(name: .customLong("rules-dir"), help: "Also look in the custom rules of this folder (repeatable).")
    var rulesDirectories: [String] = []

    func run() throws {
        let rules = try RuleCatalog.filter(RuleCatalog.load(extraDirectories: rulesDirectories), select: [rule], ignore: [])
        try Terminal.standardOutput(rules.map(\.rule.helpText).joined(separator: "\n\n") + "\n")
    }
}
