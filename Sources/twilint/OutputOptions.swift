import ArgumentParser
import Foundation
import TwilintKit

/// Where the report goes, in which format, and what else is printed around it.
struct OutputOptions: ParsableArguments {
    @Option(help: "Report format.")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit code 1 (default: warning, or the configuration's fail-on).")
    var failOn: FailThreshold?

    @Flag(name: .customLong("include-suppressed"),
          help: "List suppressed findings too, marked as suppressed (SARIF and JSON Lines; JSON always lists them).")
    var includeSuppressed = false

    @Flag(help: "Also print how many findings each rule made.")
    var statistics = false

    @Flag(name: .shortAndLong, help: "Print only the findings: no summary, no warnings, no progress line.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also print notes (e.g. files that are not UTF-8).")
    var verbose = false

    /// A progress line on standard error, for people watching a long scan of text output.
    var progress: (any ScanProgress)? {
        guard format.isForPeople, !quiet, Terminal.isTerminal(.standardError) else { return nil }
        return ProgressLine(write: Terminal.standardErrorFragment)
    }

    /// Prints the diagnostics worth showing, the report, and `--statistics`.
    func emit(_ report: Report) throws {
        for diagnostic in report.diagnostics where shows(diagnostic.level) {
            Terminal.standardError(diagnostic.description)
        }
        let toTerminal = output == nil && Terminal.isTerminal(.standardOutput)
        let context = ReportContext(
            rootDirectory: FileManager.default.currentDirectoryPath,
            color: format == .text && toTerminal && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) != false,
            summary: !quiet, includeSuppressed: includeSuppressed)
        var text = format.reporter.render(report, context: context)
        if statistics {
            let table = StatisticsTable.render(report)
            // Machine formats must stay parseable, so the table goes to standard error.
            if format.isForPeople && output == nil { text += "\n" + table } else { Terminal.standardError(table, newline: false) }
        }
        guard let output else { return try Terminal.standardOutput(text) }
        try OutputFile.write(text, to: output)
    }

    /// Notes only with --verbose; with --quiet, only errors.
    func shows(_ level: Diagnostic.Level) -> Bool {
        switch level {
        case .error: return true
        case .warning: return !quiet
        case .note: return verbose && !quiet
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
