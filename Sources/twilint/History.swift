import ArgumentParser
import Foundation
import TwilintKit

/// `twilint history [PATH]`: the secrets every commit ever added.
struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Scan every line a repository's commits added for Twilio credentials.",
        discussion: """
            Runs the rules that read any text file (TW001, TW002 and custom rules without \
            'languages'); the behaviour rules need whole files and do not run. Each secret is \
            reported once, at the first commit that added it, with how many commits did. \
            The configuration is HEAD's .twilint.yml. Exit codes as for check.
            """)

    @Argument(help: "A folder in the repository (default: the current folder).")
    var path: String?

    @Option(help: ArgumentHelp("Leave out the commits this revision already holds (e.g. origin/main).", valueName: "ref"))
    var since: String?

    @Option(name: .customLong("since-date"), help: ArgumentHelp("Leave out commits committed before this date (any date git understands).", valueName: "date"))
    var sinceDate: String?

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("Read the history of these branches, tags or commits ('all': every ref; default: HEAD).", valueName: "ref"))
    var branches: [String] = []

    @Option(name: .customLong("max-commits"), help: "Read at most this many commits, newest first.")
    var maxCommits: Int?

    @Flag(name: .customLong("no-author"), help: "Leave the commits' author names out of the report.")
    var noAuthor = false

    @Flag(name: .customLong("all-occurrences"), help: "Report every commit that added a secret, not only the first.")
    var allOccurrences = false

    @Option(help: ArgumentHelp("Report only secrets this history baseline does not record.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"),
            help: ArgumentHelp("Record the secrets found in this history baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @OptionGroup(title: "Rules and configuration")
    var rules: RuleOptions

    @OptionGroup(title: "Output")
    var output: OutputOptions

    @Option(name: .shortAndLong, help: "Threads to use (default: one per core); 1 does all the work on one thread.")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxCommits, maxCommits < 1 { throw ValidationError("--max-commits must be at least 1") }
        if since != nil && sinceDate != nil { throw ValidationError("--since and --since-date cannot be used together") }
        if branches.contains("all") && branches.count > 1 { throw ValidationError("--branches all reads every ref; name no others with it") }
        if baseline != nil && writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline cannot be used together; --write-baseline alone refreshes a baseline")
        }
        if rules.reportUnusedIgnores {
            throw ValidationError("--report-unused-ignores works with check only: history reads the lines commits added, not whole files")
        }
    }

    func run() throws {
        let workingDirectory = FileManager.default.currentDirectoryPath
        let folder = Paths.absolute(path ?? ".", in: workingDirectory)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw TwilintError.pathNotFound(path ?? ".")
        }
        let (repository, head) = try GitRepository.withHead(containing: folder)
        // --branches takes every value up to the next option, so a PATH after it reads as a ref.
        if path == nil, let last = branches.last, last != "all", FileManager.default.fileExists(atPath: last),
           repository.commit(named: last) == nil {
            throw ValidationError("'\(last)' is a folder, not a ref: name the folder before --branches (twilint history \(last) --branches …)")
        }
        let settings = try RunSettings.resolve(configuration(repository), commandLine: rules.commandLine(failOn: output.failOn),
                                               workingDirectory: repository.root)
        var options = settings.options
        options.jobs = jobs
        let linter = try Linter(rules: try textRules(settings.rules), options: options)

        var historyOptions = HistoryOptions()
        historyOptions.refs = branches
        historyOptions.sinceRevision = since
        historyOptions.sinceDate = sinceDate
        historyOptions.maxCommits = maxCommits
        historyOptions.includeAuthor = !noAuthor
        historyOptions.allOccurrences = allOccurrences
        var report = try HistoryScanner(repository: repository, head: head, linter: linter, options: historyOptions).run()

        if let baseline { try HistoryBaseline.load(Paths.absolute(baseline, in: workingDirectory)).filter(&report) }
        let written = try writeBaselineIfAsked(report, workingDirectory: workingDirectory)
        try output.emit(report, rootDirectory: repository.root)
        if let written, output.shows(.warning) {
            Terminal.standardError("twilint: wrote \(written) history baseline entries to \(writeBaseline ?? "")")
        }
        throw ExitCode(status(of: report, failOn: settings.failOn, wroteBaseline: written != nil).rawValue)
    }

    /// `--config`, nothing with `--no-config`, or else the `.twilint.yml` of HEAD's tree
    /// (not the working tree's: the history is the repository's, not this checkout's).
    private func configuration(_ repository: GitRepository) throws -> Configuration {
        let workingDirectory = FileManager.default.currentDirectoryPath
        if rules.noConfig { return Configuration(directory: repository.root) }
        if let config = rules.config { return try ConfigurationLoader.load(Paths.absolute(config, in: workingDirectory)) }
        guard let bytes = repository.fileAtHead(".twilint.yml") else { return Configuration(directory: repository.root) }
        return try ConfigurationLoader.parse(String(decoding: bytes, as: UTF8.self), file: Paths.absolute(".twilint.yml", in: repository.root))
    }

    /// The rules that read any text file; the others need whole files of code.
    private func textRules(_ selected: [LoadedRule]) throws -> [LoadedRule] {
        let text = selected.filter { $0.rule.languages == nil }
        let left = selected.filter { $0.rule.languages != nil }.map(\.rule.id)
        if !rules.select.isEmpty, !left.isEmpty, output.shows(.warning) {
            Terminal.standardError("twilint: warning: \(left.joined(separator: ", ")) read whole files of code, so twilint history does not run them")
        }
        guard !text.isEmpty else {
            throw TwilintError.invalidOption(option: "--select",
                problem: "none of the selected rules reads plain text; twilint history runs TW001, TW002 and custom rules without 'languages'")
        }
        return text
    }

    private func writeBaselineIfAsked(_ report: Report, workingDirectory: String) throws -> Int? {
        guard let writeBaseline else { return nil }
        let baseline = HistoryBaseline(findings: report.findings + report.suppressed)
        do {
            try Data(baseline.text.utf8).write(to: URL(fileURLWithPath: Paths.absolute(writeBaseline, in: workingDirectory)), options: .atomic)
        } catch {
            throw TwilintError.unwritable(path: writeBaseline, reason: error.localizedDescription)
        }
        return baseline.entries.count
    }

    private func status(of report: Report, failOn: FailThreshold, wroteBaseline: Bool) -> ExitStatus {
        if report.isIncomplete { return .failure }
        if wroteBaseline { return .clean }
        guard let threshold = failOn.severity else { return .clean }
        return report.findings.contains { $0.severity >= threshold } ? .findings : .clean
    }
}
