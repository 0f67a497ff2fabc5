import ArgumentParser
import Foundation
import TwilintKit

/// `twilint check [PATH…]`: the scan.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan files and folders (default: the current folder).")

    @Argument(help: "Files or folders to scan.")
    var paths: [String] = []

    @Option(help: "Report format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1: error, warning, info or never.")
    var failOn: FailThreshold = .warning

    @Option(parsing: .singleValue, help: "Run only these rules (ids or names; comma-separated or repeated).")
    var select: [String] = []

    @Option(parsing: .singleValue, help: "Skip these rules (ids or names; comma-separated or repeated).")
    var ignore: [String] = []

    @Option(name: .customLong("rules-dir"), help: "Add the custom rule files (*.yml) of this folder (repeatable).")
    var rulesDirectories: [String] = []

    @Flag(name: .customLong("no-redact"), help: "Show secrets in full instead of redacting them.")
    var noRedact = false

    @Option(name: .shortAndLong, help: "Files scanned in parallel (default: one per core).")
    var jobs: Int?

    @Option(name: .customLong("max-file-size"), help: "Skip files larger than this many bytes (default 64 MiB).")
    var maxFileSize: Int?

    @Flag(name: .customLong("no-gitignore"), help: "Scan files that .gitignore files exclude.")
    var noGitignore = false

    @Flag(name: .customLong("follow"), help: "Follow symbolic links while walking folders.")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Also print notes (e.g. files that are not UTF-8).")
    var verbose = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxFileSize, maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1 byte") }
    }

    func run() throws {
        let rules = try RuleCatalog.filter(
            RuleCatalog.load(extraDirectories: rulesDirectories),
            select: Self.split(select), ignore: Self.split(ignore))
        var options = LintOptions()
        options.paths = paths.isEmpty ? ["."] : paths
        options.redact = !noRedact
        options.jobs = jobs
        if let maxFileSize { options.maxFileSize = maxFileSize }
        options.collector.honourGitignore = !noGitignore
        options.collector.followSymlinks = followSymlinks

        let report = try Linter(rules: rules, options: options).run()
        for diagnostic in report.diagnostics where verbose || diagnostic.level != .note {
            Terminal.standardError(diagnostic.description)
        }
        try write(report)
        throw ExitCode(status(of: report).rawValue)
    }

    private func write(_ report: Report) throws {
        let toTerminal = output == nil && Terminal.isTerminal(.standardOutput)
        let context = ReportContext(
            rootDirectory: FileManager.default.currentDirectoryPath,
            color: format == .text && toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false)
        let text = format.reporter.render(report, context: context)
        guard let output else {
            Terminal.standardOutput(text)
            return
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8)) else {
            throw TwilintError.unreadable(path: output, reason: "the report cannot be written there")
        }
    }

    private func status(of report: Report) -> ExitStatus {
        if report.isIncomplete { return .failure }
        guard let threshold = failOn.severity else { return .clean }
        return report.findings.contains { $0.severity >= threshold } ? .findings : .clean
    }

    /// `--select TW001,TW002 --select TW003` → three selectors.
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// `--fail-on`: a severity, or never.
enum FailThreshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, info, never

    var severity: Severity? { Severity(rawValue: rawValue) }
}

extension OutputFormat: ExpressibleByArgument {}
