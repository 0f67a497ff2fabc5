/// A check, as declared in a rule file under `rules/`. Pure data: the engine
/// compiles it into a `CompiledRule`.
public struct Rule: Codable, Equatable, Sendable {
    public var id: String
    public var name: String
    public var severity: Severity
    /// The languages the rule runs on; `nil` means every scanned file.
    public var languages: [Language]?
    public var scope: Scope
    /// Secret rules redact the matched token in every output unless `--no-redact`.
    public var redact: Bool
    /// Case-insensitive literals; a file must contain one for the rule to run. Empty: always runs.
    public var keywords: [String]
    public var patterns: [Pattern]
    /// A named Swift analyzer (see `Analyzers`) that reports what patterns cannot express.
    public var analyzer: String?
    /// Named conditions (Swift heuristics) every match of the rule must meet; their
    /// whole-file check runs first, so a file that cannot match costs one cheap pass.
    public var require: [String]
    /// Named exclusions (Swift heuristics) that silence a match.
    public var allow: [String]
    /// Rules whose finding on the same token this rule's finding replaces (one token, one
    /// finding): the replaced rules are named in the finding's `related`.
    public var supersedes: [String]
    public var message: String
    /// Language-specific wording of `message`, keyed by `Language` raw value.
    public var messages: [String: String]
    public var tags: [String]
    /// GitHub code scanning's 0.0–10.0 score for security rules.
    public var securitySeverity: Double?
    public var docs: Docs
    public var examples: Examples

    public struct Pattern: Codable, Equatable, Sendable {
        /// A PCRE2 pattern; the named group `focus` marks the token to report.
        public var regex: String
        /// Restricts this pattern to some languages (within the rule's own).
        public var languages: [Language]?
        /// Case-insensitive literals, one of which the file must contain for this pattern to run.
        public var keywords: [String]?
        /// Named conditions (Swift heuristics) that must all hold for a match to count.
        public var require: [String]
        /// Cheap searches that say where matches can start, so the pattern runs only there.
        public var anchor: Anchor?

        public init(regex: String, languages: [Language]? = nil, keywords: [String]? = nil,
                    require: [String] = [], anchor: Anchor? = nil) {
            self.regex = regex
            self.languages = languages
            self.keywords = keywords
            self.require = require
            self.anchor = anchor
        }

        /// A promise about the pattern: every match that can count (meets the
        /// pattern's conditions) starts between `before` bytes before and `after`
        /// bytes after an occurrence of one of `words` (case-insensitive literals)
        /// or a match of `regex`, whichever is given.
        public struct Anchor: Codable, Equatable, Sendable {
            public var words: [String]?
            public var regex: String?
            public var before: Int
            public var after: Int

            public init(words: [String]? = nil, regex: String? = nil, before: Int, after: Int = 0) {
                self.words = words
                self.regex = regex
                self.before = before
                self.after = after
            }

            public init(from decoder: Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                words = try c.decodeIfPresent([String].self, forKey: .words)
                regex = try c.decodeIfPresent(String.self, forKey: .regex)
                before = try c.decodeIfPresent(Int.self, forKey: .before) ?? 0
                after = try c.decodeIfPresent(Int.self, forKey: .after) ?? 0
            }
        }
    }

    public struct Docs: Codable, Equatable, Sendable {
        /// One line, used as the SARIF short description and in `twilint rules`.
        public var summary: String
        public var what: String
        public var why: String
        public var fix: String
        /// What the rule cannot see, so users know where to look themselves.
        public var limits: String?
    }

    public struct Examples: Codable, Equatable, Sendable {
        public var match: [Example]
        public var noMatch: [Example]

        enum CodingKeys: String, CodingKey {
            case match
            case noMatch = "no-match"
        }
    }

    /// A snippet scanned as if it were the file `file` (its name picks the language).
    public struct Example: Codable, Equatable, Sendable {
        public var file: String?
        public var code: String

        public init(file: String? = nil, code: String) {
            self.file = file
            self.code = code
        }

        public init(from decoder: Decoder) throws {
            if let code = try? decoder.singleValueContainer().decode(String.self) {
                self.init(code: code)
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                file: try container.decodeIfPresent(String.self, forKey: .file),
                code: try container.decode(String.self, forKey: .code))
        }
    }

    /// The message worded for `language` when the rule has such wording, with each
    /// `{name}` replaced by the finding's detail of that name.
    public func message(for language: Language, details: [String: String] = [:]) -> String {
        var text = messages[language.rawValue] ?? message
        for (name, value) in details { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Whether the rule runs on files of `language`.
    public func applies(to language: Language) -> Bool {
        languages?.contains(language) ?? true
    }
}

extension Rule {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, name, severity, languages, scope, redact, keywords, patterns, analyzer, require, allow, supersedes
        case message, messages, tags, docs, examples
        case securitySeverity = "security-severity"
    }

    /// Every key a rule file may use, by mapping, so unknown keys can be refused.
    static let knownKeys: [String: Set<String>] = [
        "rule": Set(CodingKeys.allCases.map(\.rawValue)),
        "pattern": ["regex", "languages", "keywords", "require", "anchor"],
        "anchor": ["words", "regex", "before", "after"],
        "docs": ["summary", "what", "why", "fix", "limits"],
        "examples": ["match", "no-match"],
        "example": ["file", "code"],
    ]

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        severity = try c.decode(Severity.self, forKey: .severity)
        languages = try c.decodeIfPresent([Language].self, forKey: .languages)
        scope = try c.decodeIfPresent(Scope.self, forKey: .scope) ?? .code
        redact = try c.decodeIfPresent(Bool.self, forKey: .redact) ?? false
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords) ?? []
        patterns = try c.decodeIfPresent([Pattern].self, forKey: .patterns) ?? []
        analyzer = try c.decodeIfPresent(String.self, forKey: .analyzer)
        require = try c.decodeIfPresent([String].self, forKey: .require) ?? []
        allow = try c.decodeIfPresent([String].self, forKey: .allow) ?? []
        supersedes = try c.decodeIfPresent([String].self, forKey: .supersedes) ?? []
        message = try c.decode(String.self, forKey: .message)
        messages = try c.decodeIfPresent([String: String].self, forKey: .messages) ?? [:]
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        securitySeverity = try c.decodeIfPresent(Double.self, forKey: .securitySeverity)
        docs = try c.decode(Docs.self, forKey: .docs)
        examples = try c.decode(Examples.self, forKey: .examples)
    }
}

extension Rule.Pattern {
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        regex = try c.decode(String.self, forKey: .regex)
        languages = try c.decodeIfPresent([Language].self, forKey: .languages)
        keywords = try c.decodeIfPresent([String].self, forKey: .keywords)
        require = try c.decodeIfPresent([String].self, forKey: .require) ?? []
        anchor = try c.decodeIfPresent(Anchor.self, forKey: .anchor)
    }
}
