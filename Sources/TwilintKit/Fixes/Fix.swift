/// How a finding can be fixed, as ruff models it: edits to apply together, and
/// whether applying them keeps the code's behaviour (`safe`, applied by `--fix`)
/// or changes it (`unsafe`, applied with `--unsafe-fixes` or as an editor action).
public struct Fix: Codable, Hashable, Sendable {
    /// Whether `--fix` may apply the fix on its own.
    public enum Applicability: String, Codable, Sendable {
        /// The code means what it meant before: a stale directive goes away.
        case safe
        /// The code behaves differently afterwards (a literal becomes an environment read).
        case unsafe
    }

    /// What the fix does, as an editor shows it: `Read TWILIO_AUTH_TOKEN from the environment`.
    public var title: String
    public var applicability: Applicability
    /// Non-overlapping edits, sorted by offset, made against the text the finding came from.
    public var edits: [Edit]
    /// What the user must do besides accepting the edits: `export TWILIO_AUTH_TOKEN=9f2c…9c`
    /// (redacted unless `--no-redact`).
    public var instruction: String?

    public init(title: String, applicability: Applicability, edits: [Edit], instruction: String? = nil) {
        self.title = title
        self.applicability = applicability
        self.edits = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
        self.instruction = instruction
    }
}
