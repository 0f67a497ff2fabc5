import TwilintKit

/// Feeds YAML to the configuration loader and the rule-file loader and lists the
/// invariants their answers break. Each must either refuse the text with a
/// `TwilintError` (a sentence for the user) or return a value that the rest of
/// a run accepts: a configuration resolves into run settings or fails with a
/// `TwilintError`, and a rule compiles, then scans its own examples through
/// `PipelineCheck` with every pipeline invariant holding.
public enum LoaderCheck {
    /// Where the text claims to come from, in messages and for relative paths.
    static let configurationFile = "/fuzz/.twilint.yml"
    static let ruleFile = "/fuzz/rules/TW900-fuzzed.yml"

    /// The broken invariants for `bytes` read as a configuration and as a rule file.
    public static func violations(_ bytes: [UInt8]) -> [String] {
        // The loaders refuse files that are not UTF-8 before parsing, so only text reaches them.
        guard let text = String(validating: bytes, as: UTF8.self) else { return [] }
        return configurationViolations(text) + ruleViolations(text)
    }

    private static func configurationViolations(_ text: String) -> [String] {
        var configuration: Configuration
        do {
            configuration = try ConfigurationLoader.parse(text, file: configurationFile)
        } catch {
            return refusalViolations(error, by: "the configuration loader")
        }
        var problems: [String] = []
        if let size = configuration.maxFileSize, size <= 0 { problems.append("the configuration holds max-file-size \(size)") }
        // Rule folders would be read from disk; the built-in rules are what the names resolve against.
        configuration.rulesDirectories = []
        do {
            let settings = try RunSettings.resolve(configuration, commandLine: RunSettings.CommandLine(), workingDirectory: "/fuzz")
            _ = try Linter(rules: settings.rules, options: settings.options)
        } catch {
            problems += refusalViolations(error, by: "resolving the configuration")
        }
        return problems
    }

    private static func ruleViolations(_ text: String) -> [String] {
        let rule: Rule
        do {
            rule = try RuleLoader.parse(text, source: ruleFile)
        } catch {
            return refusalViolations(error, by: "the rule loader")
        }
        let check: PipelineCheck
        do {
            check = try PipelineCheck(rules: [LoadedRule(rule: rule, source: ruleFile)])
        } catch {
            return refusalViolations(error, by: "compiling the rule")
        }
        return (rule.examples.match + rule.examples.noMatch).flatMap { example in
            // Only the name: a fuzzed folder must not send the analyzers' project lookup around the disk.
            let name = LanguageDetector.fileName(example.file ?? "example.txt")
            return check.violations(FuzzInput(path: "examples/" + name, bytes: Array(example.code.utf8)))
        }
    }

    private static func refusalViolations(_ error: Error, by stage: String) -> [String] {
        guard let error = error as? TwilintError else { return ["\(stage) threw \(type(of: error)), not a TwilintError: \(error)"] }
        return error.description.isEmpty ? ["\(stage) threw a TwilintError with no message"] : []
    }
}
