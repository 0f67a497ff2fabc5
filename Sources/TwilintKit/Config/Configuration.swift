/// What a `.twilint.yml` file says. Every setting is optional: what the file
/// leaves out, the command line or the defaults decide (see `RunSettings`).
public struct Configuration: Sendable {
    /// A value with the key and line it was written at, so checks that can only
    /// run later (rule names are known once custom rules are loaded) can point at it.
    public struct Located<Value: Sendable>: Sendable {
        public var value: Value
        /// The key path, e.g. `severity.TW001` or `select[2]`.
        public var key: String
        public var line: Int
    }

    /// One `per-file-ignores` entry: the rules skipped in files matching a glob.
    public struct FileIgnore: Sendable {
        public var pattern: String
        public var rules: [Located<String>]
    }

    /// One `severity` entry: a rule reported at another severity than its own.
    public struct SeverityOverride: Sendable {
        public var rule: Located<String>
        public var severity: Severity
    }

    /// The absolute path of the file read, or nil when no file is used.
    public var file: String?
    /// The absolute folder that relative paths and globs are resolved against:
    /// the file's folder, or the working directory without a file.
    public var directory: String
    /// Rules to run (ids or names); empty runs every rule.
    public var select: [Located<String>] = []
    public var ignore: [Located<String>] = []
    public var severity: [SeverityOverride] = []
    public var failOn: FailThreshold?
    /// Globs of files never scanned, even when named on the command line.
    public var exclude: [String] = []
    public var perFileIgnores: [FileIgnore] = []
    /// Absolute folders of custom rule files.
    public var rulesDirectories: [String] = []
    public var redact: Bool?
    public var maxFileSize: Int?

    /// No file: every setting left to the command line and the defaults.
    public init(directory: String) {
        self.directory = directory
    }

    /// `file:line` for error messages.
    public func location(_ line: Int) -> String {
        "\(file ?? ".twilint.yml"):\(line)"
    }
}
