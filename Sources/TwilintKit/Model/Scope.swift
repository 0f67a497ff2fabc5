/// Where in a source file a rule's match may sit (judged at the match's focus).
public enum Scope: String, Codable, CaseIterable, Sendable {
    /// Anywhere: code, strings, comments, markup. Secrets are leaked wherever they sit.
    case any
    /// Outside comments, strings and regex literals.
    case code
    /// Inside a string literal.
    case string
    /// Inside a comment or documentation string.
    case comment
    /// Code or string literal, but never a comment, docstring or regex literal.
    case source

    /// Whether text of `kind` is in this scope.
    public func admits(_ kind: SpanKind) -> Bool {
        switch self {
        case .any: return true
        case .code: return kind == .code
        case .string: return kind == .string
        case .comment: return kind == .comment
        case .source: return kind == .code || kind == .string
        }
    }
}
