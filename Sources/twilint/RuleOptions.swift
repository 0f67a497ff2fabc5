import ArgumentParser
import Foundation
import TwilintKit

/// Which rules run and how, and where the configuration file comes from.
/// Each of these overrides (or, for --ignore and --rules-dir, adds to) `.twilint.yml`.
struct RuleOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Use this configuration file instead of looking for .twilint.yml.", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-config"), help: "Ignore every .twilint.yml.")
    var noConfig = false

    @Option(parsing: .singleValue, help: "Run only these rules (ids or names; comma-separated or repeated).")
    var select: [String] = []

    @Option(parsing: .singleValue, help: "Skip these rules (ids or names; comma-separated or repeated).")
    var ignore: [String] = []

    @Option(name: .customLong("rules-dir"), help: "Add the custom rule files (*.yml) of this folder (repeatable).")
    var rulesDirectories: [String] = []

    @Flag(name: .customLong("no-redact"), help: "Show secrets in full instead of redacting them.")
    var noRedact = false

    @Option(name: .customLong("max-file-size"), help: "Skip files larger than this many bytes (default 64 MiB).")
    var maxFileSize: Int?

    @Flag(name: .customLong("report-unused-ignores"),
          help: "Report twilint: directives that suppress nothing (info findings TW000 unused-suppression).")
    var reportUnusedIgnores = false

    func validate() throws {
        if config != nil && noConfig { throw ValidationError("--config and --no-config cannot be used together") }
        if let maxFileSize, maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1 byte") }
    }

    /// The configuration for a scan of `path`: the named file, the nearest
    /// `.twilint.yml`, or none.
    func configuration(for path: String, workingDirectory: String) throws -> Configuration {
        if noConfig { return Configuration(directory: workingDirectory) }
        if let config { return try ConfigurationLoader.load(Paths.absolute(config, in: workingDirectory)) }
        guard let found = ConfigurationLocator.find(for: path, workingDirectory: workingDirectory) else {
            return Configuration(directory: workingDirectory)
        }
        return try ConfigurationLoader.load(found)
    }

    /// What these options say, for merging with the configuration file.
    func commandLine(failOn: FailThreshold?) -> RunSettings.CommandLine {
        var settings = RunSettings.CommandLine()
        settings.select = Self.split(select)
        settings.ignore = Self.split(ignore)
        settings.failOn = failOn
        settings.redact = noRedact ? false : nil
        settings.maxFileSize = maxFileSize
        settings.rulesDirectories = rulesDirectories
        return settings
    }

    /// `--select TW001,TW002 --select TW003` → three selectors.
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

extension FailThreshold: ExpressibleByArgument {}
