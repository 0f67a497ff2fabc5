import Dispatch
import Foundation
import Matching

/// What to scan and how.
public struct LintOptions: Sendable {
    public var paths: [String] = ["."]
    public var redact = true
    /// Worker threads; nil uses every core.
    public var jobs: Int?
    /// Larger files are skipped with a warning (minified bundles are fine well below this).
    public var maxFileSize = 64 << 20
    public var collector = FileCollector.Options()

    public init() {}
}

/// Scans files with a rule set: collects the files, reads and scans them in
/// parallel, and returns one sorted, deterministic `Report`.
public struct Linter: Sendable {
    public let rules: [CompiledRule]
    public let options: LintOptions
    private let scanner: FileScanner

    public init(rules: [LoadedRule], options: LintOptions) throws {
        let keywords = rules.flatMap { CompiledRule.keywords(of: $0.rule) }
        let prefilter = try KeywordPrefilter(keywords: keywords)
        self.rules = try rules.map { try CompiledRule($0.rule, source: $0.source, prefilter: prefilter) }
        self.options = options
        scanner = FileScanner(rules: self.rules, prefilter: prefilter, redact: options.redact)
    }

    /// Scans `options.paths`.
    public func run() -> Report {
        let started = DispatchTime.now()
        let (candidates, walkDiagnostics) = FileCollector(options: options.collector).collect(options.paths)
        let outcomes = ParallelMap.map(candidates, jobs: options.jobs ?? ProcessInfo.processInfo.activeProcessorCount) {
            scan(path: $0.path)
        }
        return report(outcomes, extraDiagnostics: walkDiagnostics, started: started)
    }

    /// Scans text that is not on disk (an editor buffer), reported as `path`.
    public func run(text: [UInt8], path: String) -> Report {
        let started = DispatchTime.now()
        return report([scan(bytes: text, path: path)], extraDiagnostics: [], started: started)
    }

    private func report(_ outcomes: [FileOutcome], extraDiagnostics: [Diagnostic], started: DispatchTime) -> Report {
        var statistics = ScanStatistics()
        var findings: [Finding] = []
        var diagnostics = extraDiagnostics
        for outcome in outcomes {
            statistics = statistics + outcome.statistics
            findings += outcome.findings
            diagnostics += outcome.diagnostics
        }
        statistics.unreadable += extraDiagnostics.filter { $0.level == .error }.count
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return Report(rules: rules.map(\.rule), findings: findings.sorted(), diagnostics: diagnostics.sorted(),
                      statistics: statistics, duration: seconds)
    }

    // MARK: - One file

    struct FileOutcome {
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var statistics = ScanStatistics()
    }

    private func scan(path: String) -> FileOutcome {
        var outcome = FileOutcome()
        if LanguageDetector.lockFileNames.contains(LanguageDetector.fileName(path)) {
            outcome.statistics.skippedLockFiles = 1
            return outcome
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: options.maxFileSize)
        } catch FileReader.Failure.tooLarge(let size) {
            outcome.statistics.skippedTooLarge = 1
            outcome.diagnostics.append(Diagnostic(.warning, path: path,
                "skipped: \(size) bytes is over the \(options.maxFileSize)-byte limit (raise it with --max-file-size)"))
            return outcome
        } catch FileReader.Failure.system(let reason) {
            outcome.statistics.unreadable = 1
            outcome.diagnostics.append(Diagnostic(.error, path: path, "cannot be read (\(reason))"))
            return outcome
        } catch {
            outcome.statistics.unreadable = 1
            outcome.diagnostics.append(Diagnostic(.error, path: path, "cannot be read (\(error))"))
            return outcome
        }
        return scan(bytes: bytes, path: path)
    }

    private func scan(bytes: [UInt8], path: String) -> FileOutcome {
        var outcome = FileOutcome()
        if TextCheck.looksBinary(bytes) {
            outcome.statistics.skippedBinary = 1
            return outcome
        }
        guard let language = LanguageDetector.language(forPath: path, firstBytes: bytes) else {
            outcome.statistics.skippedLockFiles = 1
            return outcome
        }
        outcome.statistics.filesScanned = 1
        outcome.statistics.bytesScanned = bytes.count
        if !TextCheck.isValidUTF8(bytes) {
            outcome.statistics.notUTF8 = 1
            outcome.diagnostics.append(Diagnostic(.note, path: path, "not valid UTF-8; scanned as bytes"))
        }
        let (findings, diagnostics) = scanner.scan(SourceFile(path: path, language: language, bytes: bytes))
        outcome.findings = findings
        outcome.diagnostics += diagnostics
        return outcome
    }
}

/// A rule and the file it came from (for error messages).
public struct LoadedRule: Sendable {
    public var rule: Rule
    public var source: String

    public init(rule: Rule, source: String) {
        self.rule = rule
        self.source = source
    }
}
