import ArgumentParser
import Foundation
import TwilintKit

/// `--fix`, `--unsafe-fixes`, `--diff-fixes` and `--add-suppressions`: change the
/// scanned files, then report what is left. A file is rewritten only if it is
/// still the version that was read.
struct FixOptions: ParsableArguments {
    @Flag(help: "Apply the safe fixes, scan again and report what is left.")
    var fix = false

    @Flag(name: .customLong("unsafe-fixes"),
          help: "With --fix or --diff-fixes, also apply the unsafe ones (a hardcoded secret becomes an environment read).")
    var unsafeFixes = false

    @Flag(name: .customLong("diff-fixes"), help: "Print the fixes as a unified diff instead of applying them (exit 1 when there are some).")
    var diffFixes = false

    @Option(name: .customLong("add-suppressions"),
            help: ArgumentHelp("Add a 'twilint: ignore[…] -- REASON' directive for every finding.", valueName: "reason"))
    var addSuppressions: String?

    /// Whether the scan changes (or would change) files.
    var isActive: Bool { fix || diffFixes || addSuppressions != nil }

    /// Whether the linter must offer fixes.
    var needsFixes: Bool { fix || diffFixes }

    func validate(readsFiles: Bool) throws {
        if unsafeFixes && !needsFixes { throw ValidationError("--unsafe-fixes needs --fix or --diff-fixes") }
        if let reason = addSuppressions {
            if needsFixes { throw ValidationError("--add-suppressions cannot be used with --fix or --diff-fixes") }
            let trimmed = reason.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { throw ValidationError("--add-suppressions needs a reason, e.g. --add-suppressions \"legacy code, see #123\"") }
            if ["\n", "\r", "*/", "-->"].contains(where: reason.contains) {
                throw ValidationError("--add-suppressions: the reason must be one line without '*/' or '-->', which would end the comment")
            }
        }
        if isActive && !readsFiles { throw ValidationError("--fix, --diff-fixes and --add-suppressions change files on disk; they cannot be used with --stdin-filename or --staged") }
    }

    /// With --diff-fixes, prints the diff and returns the exit status; otherwise nil.
    func showDiff(of report: Report, linter: Linter) -> ExitStatus? {
        guard diffFixes else { return nil }
        let fixer = Fixer(linter: linter, unsafe: unsafeFixes)
        var changed = false, errors = false
        for path in fixablePaths(report) {
            do {
                let snapshot = try FileSnapshot(path: path, limit: linter.options.maxFileSize)
                let outcome = fixer.fix(snapshot.bytes, path: path)
                let diff = LineDiff.unified(old: snapshot.bytes, new: outcome.bytes, path: path)
                changed = changed || !diff.isEmpty
                try Terminal.standardOutput(diff)
                announce(outcome.instructions, path: path, future: true)
            } catch {
                Terminal.standardError("twilint: error: \(error)")
                errors = true
            }
        }
        return errors ? .failure : changed ? .findings : .clean
    }

    /// Applies the fixes or adds the directives, then scans again: the report of what is left.
    /// Directives go only to the findings `filter` reports (not baselined, on `--diff`'s lines).
    func apply(to report: Report, linter: Linter, reporting filter: ReportFilter, announcing: Bool) -> Report {
        var fixedFindings = 0, changedFiles = 0
        var failures: [Diagnostic] = []
        let fixer = Fixer(linter: linter, unsafe: unsafeFixes)
        for path in addSuppressions == nil ? fixablePaths(report) : Array(Set(filter.reported(report).map(\.path))).sorted() {
            do {
                let snapshot = try FileSnapshot(path: path, limit: linter.options.maxFileSize)
                var bytes = snapshot.bytes
                if let reason = addSuppressions {
                    let findings = filter.reported(linter.run(buffers: [SourceBuffer(path: path, bytes: bytes)]))
                    let edits = SuppressionInsertion.edits(for: findings, bytes: bytes, path: path,
                                                           reason: reason.trimmingCharacters(in: .whitespaces))
                    bytes = FixApplier.apply(edits.map { Fix(title: "", applicability: .safe, edits: [$0]) }, to: bytes).bytes
                    fixedFindings += edits.count
                } else {
                    let outcome = fixer.fix(bytes, path: path)
                    bytes = outcome.bytes
                    fixedFindings += outcome.fixed.count
                    if announcing { announce(outcome.instructions, path: path, future: false) }
                }
                guard bytes != snapshot.bytes else { continue }
                try snapshot.replace(with: bytes)
                changedFiles += 1
            } catch TwilintError.unwritable(_, let reason), TwilintError.unreadable(_, let reason) {
                failures.append(Diagnostic(.error, path: path, "was not changed: \(reason)"))
            } catch {
                failures.append(Diagnostic(.error, path: path, "was not changed: \(error)"))
            }
        }
        var left = linter.run()
        let unsafeLeft = needsFixes && !unsafeFixes ? left.findings.count { $0.fix?.applicability == .unsafe } : 0
        if announcing { Terminal.standardError(summary(fixedFindings, changedFiles, unsafeLeft: unsafeLeft)) }
        left.diagnostics = (left.diagnostics + failures).sorted()
        return left
    }

    /// The files with a finding that has a fix these options apply.
    private func fixablePaths(_ report: Report) -> [String] {
        let paths = report.findings.filter { finding in
            guard let fix = finding.fix else { return false }
            return fix.applicability == .safe || unsafeFixes
        }.map(\.path)
        return Array(Set(paths)).sorted()
    }

    private func summary(_ count: Int, _ files: Int, unsafeLeft: Int) -> String {
        let fileNoun = files == 1 ? "file" : "files"
        var text = addSuppressions == nil
            ? "twilint: fixed \(count) \(count == 1 ? "finding" : "findings") in \(files) \(fileNoun)"
            : "twilint: added \(count) \(count == 1 ? "directive" : "directives") in \(files) \(fileNoun)"
        if unsafeLeft > 0 { text += "; \(unsafeLeft) more with --unsafe-fixes (they change behaviour: review them)" }
        return text
    }

    /// The `export` lines a secret fix leaves to the user, on standard error.
    private func announce(_ instructions: [String], path: String, future: Bool) {
        for instruction in instructions {
            let name = instruction.dropFirst("export ".count).prefix { $0 != "=" }
            Terminal.standardError("twilint: \(path) \(future ? "would read" : "now reads") \(name) from the environment; "
                + "add it to your environment or secret store: \(instruction)")
        }
    }
}
