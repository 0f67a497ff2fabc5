import ArgumentParser
import Foundation
import TwilintKit

/// `twilint check [PATH…]`: the scan.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan files and folders (default: the current folder).")

    @Argument(help: "Files or folders to scan; with --staged, pathspecs that narrow the staged files.")
    var paths: [String] = []

    @OptionGroup(title: "Rules and configuration")
    var rules: RuleOptions

    @OptionGroup(title: "Sources and filters")
    var sources: SourceOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @OptionGroup(title: "Fixes")
    var fixes: FixOptions

    @Option(name: [.customShort("j", allowingJoined: true), .long], help: "Threads to use (default: one per core); 1 does all the work on one thread.")
    var jobs: Int?

    @Flag(name: .customLong("no-gitignore"), help: "Scan files that .gitignore files exclude.")
    var noGitignore = false

    @Flag(name: .customLong("follow"), help: "Follow symbolic links while walking folders.")
    var followSymlinks = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        try sources.validate(paths: paths)
        try fixes.validate(readsFiles: sources.stdinFilename == nil && !sources.staged)
    }

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let scanned = sources.stdinFilename ?? (sources.staged ? "." : paths.first ?? ".")
        let settings = try RunSettings.resolve(
            rules.configuration(for: scanned, workingDirectory: workingDirectory),
            commandLine: rules.commandLine(failOn: output.failOn), workingDirectory: workingDirectory)
        var options = settings.options
        options.paths = paths.isEmpty ? ["."] : paths
        options.jobs = jobs
        options.collector.honourGitignore = !noGitignore
        options.collector.followSymlinks = followSymlinks
        options.reportUnusedSuppressions = rules.reportUnusedIgnores && !settings.ignoresUnusedSuppressions
        options.progress = output.progress
        options.offerFixes = fixes.needsFixes

        let linter = try Linter(rules: settings.rules, options: options, secretRules: settings.secretRules)
        var report = try sources.scan(linter, paths: paths, workingDirectory: workingDirectory)
        var filter = try sources.reportFilter(workingDirectory: workingDirectory)
        if fixes.isActive {
            if let status = fixes.showDiff(of: report, linter: linter) { throw ExitCode(status.rawValue) }
            report = fixes.apply(to: report, linter: linter, reporting: filter, announcing: output.shows(.warning))
            // The files changed, and with them the lines --diff calls changed.
            filter = try sources.reportFilter(workingDirectory: workingDirectory)
        }
        let stale = filter.apply(to: &report)
        let written = try sources.writeBaselineIfAsked(report, workingDirectory: workingDirectory)
        try output.emit(report)
        if let written, output.shows(.warning) {
            Terminal.standardError("twilint: wrote \(written) baseline entries to \(sources.writeBaseline ?? "")")
        }
        if !stale.isEmpty, output.shows(sources.baselineStrict ? .error : .note) {
            Terminal.standardError(staleMessage(stale))
        }
        throw ExitCode(status(of: report, failOn: settings.failOn, stale: stale.count, wroteBaseline: written != nil).rawValue)
    }

    private func staleMessage(_ stale: [Baseline.Entry]) -> String {
        let noun = stale.count == 1 ? "entry matches" : "entries match"
        let list = stale.map { "  \($0.rule) \($0.path)" }.joined(separator: "\n")
        return "twilint: \(sources.baseline ?? ""): \(stale.count) \(noun) no finding any more (fixed, or moved to another file); "
            + "refresh it with --write-baseline:\n\(list)"
    }

    private func status(of report: Report, failOn: FailThreshold, stale: Int, wroteBaseline: Bool) -> ExitStatus {
        if report.isIncomplete { return .failure }
        if wroteBaseline { return .clean }
        if sources.baselineStrict && stale > 0 { return .findings }
        guard let threshold = failOn.severity else { return .clean }
        return report.findings.contains { $0.severity >= threshold } ? .findings : .clean
    }
}
