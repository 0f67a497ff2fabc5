/// Why a finding is not reported: the inline `twilint:` directive that silenced it.
/// Suppressed findings stay in the JSON output (with the reason) and, with
/// `--include-suppressed`, in SARIF as `suppressions` of kind `inSource`.
public struct Suppression: Codable, Hashable, Sendable {
    /// The directive as written, without its reason: `ignore-next-line[TW001]`.
    public var directive: String
    /// The 1-based line the directive sits on.
    public var line: Int
    /// The text after `--`, when the directive gives one.
    public var reason: String?

    public init(directive: String, line: Int, reason: String?) {
        self.directive = directive
        self.line = line
        self.reason = reason
    }

    /// SARIF's word for a suppression written in the source file.
    public static let sarifKind = "inSource"
}
