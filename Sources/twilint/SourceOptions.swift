import ArgumentParser
import Foundation
import TwilintKit

/// What to scan instead of the named paths (standard input, git's index), and
/// which of the findings to keep (changed lines, not in the baseline).
struct SourceOptions: ParsableArguments {
    @Option(name: .customLong("stdin-filename"),
            help: ArgumentHelp("Read the file from standard input and report it as this path (editors).", valueName: "path"))
    var stdinFilename: String?

    @Flag(help: "Scan the files staged in git's index (what the next commit holds), not the working tree.")
    var staged = false

    @Option(help: ArgumentHelp("Report only findings on lines added or changed since this git revision.", valueName: "ref"))
    var diff: String?

    @Option(help: ArgumentHelp("Report only findings this baseline file does not record.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"),
            help: ArgumentHelp("Record the findings in this baseline file and exit 0.", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .customLong("baseline-strict"), help: "Fail (exit 1) when baseline entries match no finding any more.")
    var baselineStrict = false

    func validate(paths: [String]) throws {
        if stdinFilename != nil {
            if staged { throw ValidationError("--stdin-filename and --staged cannot be used together") }
            if diff != nil { throw ValidationError("--stdin-filename and --diff cannot be used together") }
            if paths != [] && paths != ["-"] { throw ValidationError("--stdin-filename reads standard input; name no paths (or '-')") }
        }
        if baseline != nil && writeBaseline != nil {
            throw ValidationError("--baseline and --write-baseline cannot be used together; --write-baseline alone refreshes a baseline")
        }
        if baselineStrict && baseline == nil { throw ValidationError("--baseline-strict needs --baseline FILE") }
    }

    /// Scans what these options name: standard input, the index, or `paths`.
    func scan(_ linter: Linter, paths: [String], workingDirectory: String) throws -> Report {
        if let stdinFilename {
            return linter.run(text: Array(FileHandle.standardInput.readDataToEndOfFile()), path: stdinFilename)
        }
        if staged {
            return linter.run(buffers: try GitRepository(containing: workingDirectory).stagedFiles(pathspecs: paths))
        }
        return linter.run()
    }

    /// What the report keeps: findings the baseline does not record, on lines
    /// `--diff` finds changed in the files as they are now.
    func reportFilter(workingDirectory: String) throws -> ReportFilter {
        ReportFilter(baseline: try baseline.map { try Baseline.load(Paths.absolute($0, in: workingDirectory)) },
                     changedLines: try diff.map { try GitRepository(containing: workingDirectory).changedLines(since: $0, staged: staged) },
                     workingDirectory: workingDirectory)
    }

    /// Writes `--write-baseline` when asked; returns the number of entries written.
    func writeBaselineIfAsked(_ report: Report, workingDirectory: String) throws -> Int? {
        guard let writeBaseline else { return nil }
        let path = Paths.absolute(writeBaseline, in: workingDirectory)
        let baseline = Baseline(findings: report.findings, directory: Paths.parent(path), workingDirectory: workingDirectory)
        do {
            try OutputFile.write(baseline.text, to: path)
        } catch TwilintError.unwritable(_, let reason) {
            throw TwilintError.unwritable(path: writeBaseline, reason: reason)
        }
        return baseline.entries.count
    }
}
