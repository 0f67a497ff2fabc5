/// One inline `twilint:` directive, as written in a comment:
/// `twilint: ignore-next-line[TW001, hardcoded-auth-token] -- test fixture`.
public struct SuppressionDirective: Equatable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        /// Findings on the directive's own line.
        case ignore
        /// Findings that start on the next line.
        case ignoreNextLine = "ignore-next-line"
        /// Findings from here to the matching `enable` (or the end of the file).
        case disable
        /// Ends a `disable` block.
        case enable
        /// Every finding in the file.
        case ignoreFile = "ignore-file"
    }

    public var kind: Kind
    /// The rule ids or names inside `[…]` as written; empty for the bare form, which means every rule.
    public var rules: [String]
    /// The text after `--`, when there is one.
    public var reason: String?
    /// UTF-8 byte range from `twilint:` to the end of the rule list.
    public var range: Range<Int>
    /// 1-based line of the directive.
    public var line: Int

    /// The directive without `twilint:` and the reason, e.g. `ignore[TW001, TW002]`.
    public var text: String {
        rules.isEmpty ? kind.rawValue : "\(kind.rawValue)[\(rules.joined(separator: ", "))]"
    }
}
