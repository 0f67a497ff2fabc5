/// A place in a file: 1-based line and column (columns count Unicode code points).
public struct SourcePosition: Codable, Hashable, Comparable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// One problem found: a plain value that reporters turn into text.
public struct Finding: Codable, Hashable, Sendable {
    public var ruleID: String
    public var ruleName: String
    public var severity: Severity
    public var message: String
    /// The path as the user named it (relative to the working directory when inside it).
    public var path: String
    public var start: SourcePosition
    /// Exclusive end of the offending token.
    public var end: SourcePosition
    /// UTF-8 byte range of the offending token in the file.
    public var byteRange: Range<Int>
    /// The source line, with the token redacted when the rule handles secrets.
    public var snippet: String
    /// Where the token sits in `snippet`, in code points (0-based, half-open).
    public var snippetColumns: Range<Int>
    /// A hash of the rule and the (redacted) line text, stable when lines move.
    public var lineHash: String
    /// `hash:n`: a hash of the matched text and its occurrence among the file's
    /// findings of this rule with the same text. The baseline's key: it survives
    /// the code moving and never holds the secret itself. Set by the linter. In
    /// `twilint history`, the whole SHA-256 of the matched text (no occurrence:
    /// the same secret in any commit is the same leak).
    public var matchHash: String
    /// The inline directive that silenced this finding, when one did.
    public var suppression: Suppression?
    /// How to fix it, when twilint knows and was asked (`LintOptions.offerFixes`).
    public var fix: Fix?
    /// Where in git's history the finding was made (`twilint history` only).
    public var commit: CommitProvenance?
    /// Other rules that matched the same token and yielded to this one (see `Rule.supersedes`):
    /// one token gives one finding.
    public var related: [String] = []

    public init(
        ruleID: String, ruleName: String, severity: Severity, message: String, path: String,
        start: SourcePosition, end: SourcePosition, byteRange: Range<Int>,
        snippet: String, snippetColumns: Range<Int>, lineHash: String,
        matchHash: String = "", suppression: Suppression? = nil, commit: CommitProvenance? = nil
    ) {
        self.ruleID = ruleID
        self.ruleName = ruleName
        self.severity = severity
        self.message = message
        self.path = path
        self.start = start
        self.end = end
        self.byteRange = byteRange
        self.snippet = snippet
        self.snippetColumns = snippetColumns
        self.lineHash = lineHash
        self.matchHash = matchHash
        self.suppression = suppression
        self.commit = commit
    }
}

extension Finding: Comparable {
    /// Deterministic report order: path, line, column, rule.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        if lhs.start != rhs.start { return lhs.start < rhs.start }
        return lhs.ruleID < rhs.ruleID
    }
}
