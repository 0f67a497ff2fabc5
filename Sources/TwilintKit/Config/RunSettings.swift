/// The settings a run uses, from the configuration file and the command line:
/// the command line wins, and `--ignore` adds to the file's `ignore`.
public struct RunSettings: Sendable {
    /// What the command line said; nil or empty means it left the setting to the file.
    public struct CommandLine: Sendable {
        /// Replaces the file's `select` when not empty.
        public var select: [String] = []
        /// Added to the file's `ignore`.
        public var ignore: [String] = []
        public var failOn: FailThreshold?
        public var redact: Bool?
        public var maxFileSize: Int?
        /// Added to the file's `rules-dir`.
        public var rulesDirectories: [String] = []

        public init() {}
    }

    /// The rules to run, with the file's severity overrides applied.
    public var rules: [LoadedRule]
    /// Every loaded rule that redacts, selected or not: their matches stay hidden in snippets.
    public var secretRules: [LoadedRule]
    /// TW000 is left out by `ignore` (the file's or `--ignore`): `--report-unused-ignores` then reports nothing.
    public var ignoresUnusedSuppressions: Bool
    public var failOn: FailThreshold
    /// Everything but the paths, jobs and walking options, which only the command line sets.
    public var options: LintOptions

    /// Loads the rules and merges `configuration` with `commandLine`. Rule ids and
    /// names in the file are checked once custom rules are loaded, and an unknown
    /// one is an error naming the file, line and key.
    public static func resolve(_ configuration: Configuration, commandLine: CommandLine, workingDirectory: String) throws -> RunSettings {
        let catalog = try RuleCatalog.load(extraDirectories: configuration.rulesDirectories + commandLine.rulesDirectories)
        let index = RuleIndex(catalog.map(\.rule))
        func id(_ reference: Configuration.Located<String>) throws -> String {
            guard let id = index.id(of: reference.value) else {
                throw TwilintError.invalidConfiguration(
                    location: configuration.location(reference.line), key: reference.key,
                    problem: "no rule is called '\(reference.value)'; run 'twilint rules' to list the ids and names")
            }
            return id
        }

        let select = commandLine.select.isEmpty ? try configuration.select.map(id) : commandLine.select
        let ignore = try configuration.ignore.map(id) + commandLine.ignore
        var rules = try RuleCatalog.filter(catalog, select: select, ignore: ignore)
        var severities: [String: Severity] = [:]
        for override in configuration.severity { severities[try id(override.rule)] = override.severity }
        for index in rules.indices {
            if let severity = severities[rules[index].rule.id] { rules[index].rule.severity = severity }
        }

        var options = LintOptions()
        options.workingDirectory = workingDirectory
        options.redact = commandLine.redact ?? configuration.redact ?? options.redact
        options.maxFileSize = commandLine.maxFileSize ?? configuration.maxFileSize ?? options.maxFileSize
        if !configuration.exclude.isEmpty {
            options.exclude = PathPatterns(configuration.exclude, base: configuration.directory)
        }
        options.perFileIgnores = try configuration.perFileIgnores.map { entry in
            PerFileIgnore(patterns: PathPatterns([entry.pattern], base: configuration.directory), rules: Set(try entry.rules.map(id)))
        }
        options.ruleIndex = index
        let ignoresUnused = try RuleCatalog.filter(catalog, select: [], ignore: ignore).allSatisfy { $0.rule.analyzer != UnusedSuppression.analyzerName }
        return RunSettings(rules: rules, secretRules: catalog.filter(\.rule.redact), ignoresUnusedSuppressions: ignoresUnused, failOn: commandLine.failOn ?? configuration.failOn ?? .warning, options: options)
    }
}
