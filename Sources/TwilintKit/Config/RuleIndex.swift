/// Resolves what users write to name a rule (an id in any case, or a name)
/// to the rule's id, in configuration files and inline directives alike.
public struct RuleIndex: Sendable {
    private let ids: [String: String]

    public init(_ rules: [Rule]) {
        var ids: [String: String] = [:]
        for rule in rules {
            ids[rule.id.lowercased()] = rule.id
            ids[rule.name.lowercased()] = rule.id
        }
        self.ids = ids
    }

    /// The id of the rule `reference` names, or nil when no rule has that id or name.
    public func id(of reference: String) -> String? {
        ids[reference.lowercased()]
    }
}
