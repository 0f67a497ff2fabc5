/// One rendering of a rule's docs for every place that shows them: `twilint explain`,
/// SARIF help, and the README rule table.
extension Rule {
    /// Where the rule's documentation lives: its rule file in the repository (SARIF's
    /// `helpUri`, the language server's `codeDescription`).
    public var documentationURI: String { "\(TwilintVersion.informationURI)/blob/main/rules/\(id)-\(name).yml" }

    /// Plain-text help: what, why, how to fix, limits, and examples.
    public var helpText: String {
        var sections = [
            "\(id) \(name) (\(severity.rawValue))",
            docs.summary,
            "What it finds:\n\(docs.what)",
            "Why it matters:\n\(docs.why)",
            "How to fix:\n\(docs.fix)",
        ]
        if let limits = docs.limits { sections.append("What it cannot see:\n\(limits)") }
        sections.append("Reported:\n" + examples.match.map { "  \($0.file.map { "[\($0)] " } ?? "")\($0.code)" }.joined(separator: "\n"))
        sections.append("Not reported:\n" + examples.noMatch.map { "  \($0.file.map { "[\($0)] " } ?? "")\($0.code)" }.joined(separator: "\n"))
        return sections.joined(separator: "\n\n")
    }

    /// Markdown help for SARIF viewers such as GitHub code scanning.
    public var helpMarkdown: String {
        func block(_ examples: [Example]) -> String {
            examples.map { example in
                let label = example.file.map { "`\($0)`:\n" } ?? ""
                return label + "```\n\(example.code)\n```"
            }.joined(separator: "\n")
        }
        var text = "**\(docs.summary)**\n\n### What it finds\n\(docs.what)\n\n### Why it matters\n\(docs.why)\n\n### How to fix\n\(docs.fix)\n"
        if let limits = docs.limits { text += "\n### What it cannot see\n\(limits)\n" }
        text += "\n### Reported\n\(block(examples.match))\n\n### Not reported\n\(block(examples.noMatch))\n"
        return text
    }
}
