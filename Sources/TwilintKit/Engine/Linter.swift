import Dispatch
import Foundation
import Matching

/// What to scan and how.
public struct LintOptions: Sendable {
    public var paths: [String] = ["."]
    public var redact = true
    /// Worker threads; nil uses every core.
    public var jobs: Int?
    /// `jobs`, or the number of cores.
    var threads: Int { max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount) }
    /// Larger files are skipped with a warning (minified bundles are fine well below this).
    public var maxFileSize = 64 << 20
    public var collector = FileCollector.Options()
    /// The absolute folder relative paths are resolved against (for globs).
    public var workingDirectory = FileManager.default.currentDirectoryPath
    /// Files never scanned, even when named explicitly (the configuration's `exclude`).
    public var exclude: PathPatterns?
    /// Rules not reported in some files (the configuration's `per-file-ignores`).
    public var perFileIgnores: [PerFileIgnore] = []
    /// Resolves rule ids and names in `twilint:` directives; nil knows only the rules that run.
    public var ruleIndex: RuleIndex?
    /// Report directives that silence nothing as TW000 `unused-suppression` findings.
    public var reportUnusedSuppressions = false
    /// Give findings the fixes twilint knows for them (`--fix`, the language server).
    public var offerFixes = false
    /// Told as files are done, for a progress line.
    public var progress: (any ScanProgress)?

    public init() {}
}

/// Scans files with a rule set: collects the files, reads and scans them in
/// parallel, and returns one sorted, deterministic `Report`. After the rules, each
/// file's findings get their baseline hash, lose the rules `per-file-ignores`
/// skips there, and meet the file's `twilint:` directives.
public struct Linter: Sendable {
    public let rules: [CompiledRule]
    public let options: LintOptions
    private let scanner: FileScanner
    private let suppressor: Suppressor
    /// TW000 as this run reports it (with the configuration's severity when it sets one).
    private let unusedSuppressionRule: Rule
    /// Rule id → the analyzer it runs, for the project pass's answers.
    let analyzers: [String: String]

    /// `rules` may hold TW000: its findings are made after the directives are
    /// applied, and only with `options.reportUnusedSuppressions`, so it is not scanned.
    /// `secretRules` are the rules whose matches are hidden in snippets even when
    /// they are not among `rules` (the built-in secret rules unless told otherwise).
    public init(rules: [LoadedRule], options: LintOptions,
                secretRules: [LoadedRule] = RuleCatalog.builtin().filter(\.rule.redact)) throws {
        let unused = rules.first { $0.rule.analyzer == UnusedSuppression.analyzerName }
        let rules = rules.filter { $0.rule.analyzer != UnusedSuppression.analyzerName }
        let running = Set(rules.map(\.rule.id))
        let hidden = options.redact ? secretRules.filter { $0.rule.redact && !running.contains($0.rule.id) } : []
        let keywords = (rules + hidden).flatMap { CompiledRule.keywords(of: $0.rule) }
        let prefilter = try KeywordPrefilter(keywords: keywords)
        self.rules = try rules.map { try CompiledRule($0.rule, source: $0.source, lines: $0.lines, prefilter: prefilter) }
        self.options = options
        analyzers = Dictionary(rules.compactMap { rule in rule.rule.analyzer.map { (rule.rule.id, $0) } }, uniquingKeysWith: { first, _ in first })
        unusedSuppressionRule = unused?.rule ?? UnusedSuppression.rule
        scanner = FileScanner(rules: self.rules, redactionRules: try hidden.map { try CompiledRule($0.rule, source: $0.source, lines: $0.lines, prefilter: prefilter) },
                              prefilter: prefilter, redact: options.redact, searchThreads: options.threads)
        suppressor = Suppressor(index: options.ruleIndex ?? RuleIndex(rules.map(\.rule)), activeRules: Set(rules.map(\.rule.id)))
    }

    /// Scans `options.paths`, leaving out the files `options.exclude` matches. Files
    /// are scanned while the walk is still finding more; the report is sorted, so the
    /// order in which workers finish does not show.
    public func run() -> Report {
        let started = DispatchTime.now()
        let progress = options.progress
        progress?.started()
        var walkDiagnostics: [Diagnostic] = []
        let outcomes = WorkQueue<String>.drain(jobs: options.threads, produce: { queue in
            var batch: [String] = []
            walkDiagnostics = FileCollector(options: options.collector).collect(options.paths) { candidate in
                guard !isExcluded(candidate.path) else { return }
                batch.append(candidate.path)
                guard batch.count == Self.batchSize else { return }
                progress?.found(batch.count)
                queue.push(contentsOf: batch)
                batch.removeAll(keepingCapacity: true)
            }
            progress?.found(batch.count)
            queue.push(contentsOf: batch)
        }, { [self] path in
            let outcome = scan(path: path, linking: true)
            progress?.advanced()
            return outcome
        })
        progress?.finished()
        return report(outcomes, extraDiagnostics: walkDiagnostics, started: started)
    }

    /// Files the walk hands to the workers at a time.
    static let batchSize = 32

    /// Scans text that is not on disk (an editor buffer), reported as `path`.
    public func run(text: [UInt8], path: String) -> Report {
        run(buffers: [SourceBuffer(path: path, bytes: text)])
    }

    /// Scans files held in memory (staged blobs, an editor buffer), leaving out
    /// those `options.exclude` matches.
    public func run(buffers: [SourceBuffer]) -> Report {
        let started = DispatchTime.now()
        let included = buffers.filter { !isExcluded($0.path) }
        // One buffer (an editor's) runs on the calling thread alone.
        let jobs = min(options.threads, included.count)
        let outcomes = WorkQueue<SourceBuffer>.drain(jobs: jobs, produce: { $0.push(contentsOf: included) }) { [self] buffer in
            scan(buffer, linking: included.count > 1)
        }
        return report(outcomes, extraDiagnostics: [], started: started)
    }

    /// Scans one buffer as `run(buffers:)` does. Without `directives`, the
    /// buffer's own `twilint:` directives are left alone: `twilint history` scans
    /// only the lines a commit added and applies the whole file's directives itself.
    /// `linking`: find the file's part in the project pass (pointless for a scan of one file).
    func scan(_ buffer: SourceBuffer, directives: Bool = true, linking: Bool = false) -> FileOutcome {
        buffer.bytes.count > options.maxFileSize
            ? tooLarge(buffer.path, size: buffer.bytes.count)
            : scan(bytes: buffer.bytes, path: buffer.path, directives: directives, linking: linking)
    }

    func isExcluded(_ path: String) -> Bool {
        options.exclude?.matches(Paths.absolute(path, in: options.workingDirectory)) ?? false
    }

    /// `answering`: drop the findings the project pass answers over `outcomes` (false when the
    /// caller links the files itself, as the language server does over its warm facts).
    func report(_ outcomes: [FileOutcome], extraDiagnostics: [Diagnostic], started: DispatchTime, answering: Bool = true) -> Report {
        var statistics = ScanStatistics()
        var findings: [Finding] = [], suppressed: [Finding] = []
        var scanned: [String] = []
        var diagnostics = extraDiagnostics
        let answered = !answering ? [] : ProjectPass(modules: outcomes.compactMap { outcome in outcome.module.map { (outcome.scannedPath ?? "", $0) } })
            .answeredFindings()
        for outcome in outcomes {
            statistics = statistics + outcome.statistics
            findings += answered.isEmpty ? outcome.findings : outcome.findings.filter { finding in
                !answered.contains(FindingKey(path: finding.path, rule: analyzers[finding.ruleID] ?? "", offset: finding.byteRange.lowerBound))
            }
            suppressed += outcome.suppressed
            diagnostics += outcome.diagnostics
            if let path = outcome.scannedPath { scanned.append(path) }
        }
        statistics.unreadable += extraDiagnostics.filter { $0.level == .error }.count
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var ruleList = rules.map(\.rule)
        if options.reportUnusedSuppressions { ruleList = ([unusedSuppressionRule] + ruleList).sorted { $0.id < $1.id } }
        return Report(rules: ruleList, findings: findings.sorted(), diagnostics: diagnostics.sorted(),
                      statistics: statistics, duration: seconds, suppressed: suppressed.sorted(), scannedFiles: scanned.sorted())
    }

    // MARK: - One file

    struct FileOutcome {
        var findings: [Finding] = []
        var suppressed: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var statistics = ScanStatistics()
        /// Set when the file was scanned (not skipped).
        var scannedPath: String?
        /// What the project pass needs from this file, if it takes part.
        var module: ModuleFacts?
    }

    func scan(path: String, linking: Bool = false) -> FileOutcome {
        var outcome = FileOutcome()
        if LanguageDetector.lockFileNames.contains(LanguageDetector.fileName(path)) {
            outcome.statistics.skippedLockFiles = 1
            return outcome
        }
        if BinaryFormat.hasBinaryExtension(path) {
            outcome.statistics.skippedBinary = 1
            return outcome
        }
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: options.maxFileSize)
        } catch FileReader.Failure.tooLarge(let size) {
            return tooLarge(path, size: size)
        } catch FileReader.Failure.notRegular(let kind) {
            // Replaced by a FIFO, socket or device since the walk saw a file: never read.
            outcome.diagnostics.append(FileCollector.notRegular(path, kind: kind, level: .warning))
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
        return scan(bytes: bytes, path: path, linking: linking)
    }

    private func scan(bytes: [UInt8], path: String, directives: Bool = true, linking: Bool = false) -> FileOutcome {
        var outcome = FileOutcome()
        let admission = Self.admit(bytes, path: path)
        let bytes: [UInt8], language: Language
        switch admission {
        case .binary:
            outcome.statistics.skippedBinary = 1
            return outcome
        case .noLanguage:
            outcome.statistics.skippedLockFiles = 1
            return outcome
        case .text(let text, let detected, let encoding):
            (bytes, language) = (text, detected)
            if let encoding {
                outcome.diagnostics.append(Diagnostic(.note, path: path,
                    "\(encoding.rawValue) text (it starts with a byte-order mark); scanned decoded to UTF-8"))
            }
        }
        outcome.statistics.filesScanned = 1
        outcome.statistics.bytesScanned = bytes.count
        outcome.scannedPath = path
        if !TextCheck.isValidUTF8(bytes) {
            outcome.statistics.notUTF8 = 1
            outcome.diagnostics.append(Diagnostic(.note, path: path, "not valid UTF-8; scanned as bytes"))
        }
        let file = SourceFile(path: path, language: language, bytes: bytes)
        let scan = scanner.scan(file)
        outcome.diagnostics += scan.diagnostics
        outcome.findings = MatchHasher.assign(scan.findings, bytes: bytes)
        if options.offerFixes { FixFinder.attach(to: &outcome.findings, in: file, redact: options.redact) }
        let skipped = skippedRules(path)
        if !skipped.isEmpty { outcome.findings.removeAll { skipped.contains($0.ruleID) } }
        if directives, file.withBytes(DirectiveParser.mayHoldDirectives) { applyDirectives(in: file, secrets: scan.secrets, to: &outcome) }
        if linking { outcome.module = moduleFacts(of: file, findings: outcome.findings) }
        file.forgetDerivedValues()
        return outcome
    }

    /// What a file's bytes are to a scan: text in a language (decoded to UTF-8 when it starts
    /// with a byte-order mark), binary, or in no language twilint scans.
    enum Admission {
        case text([UInt8], Language, decodedFrom: UnicodeBOM?)
        case binary
        case noLanguage
    }

    static func admit(_ bytes: [UInt8], path: String) -> Admission {
        var bytes = bytes
        let encoding = UnicodeBOM(of: bytes)
        if let encoding {
            bytes = encoding.decode(bytes)
        } else if TextCheck.looksBinary(bytes) || BinaryFormat.hasBinaryMagic(bytes) || BinaryFormat.hasBinaryExtension(path) {
            return .binary
        }
        guard let language = LanguageDetector.language(forPath: path, firstBytes: bytes) else { return .noLanguage }
        return .text(bytes, language, decodedFrom: encoding)
    }

    /// The file's part in the project pass: the findings it may answer are those of the
    /// analyzers whose questions cross files.
    private func moduleFacts(of file: SourceFile, findings: [Finding]) -> ModuleFacts? {
        var byAnalyzer: [String: Set<Int>] = [:]
        for finding in findings {
            if let analyzer = analyzers[finding.ruleID] { byAnalyzer[analyzer, default: []].insert(finding.byteRange.lowerBound) }
        }
        return ModuleFactsFinder(lookup: .shared).facts(of: file, findings: byAnalyzer)
    }

    func tooLarge(_ path: String, size: Int) -> FileOutcome {
        var outcome = FileOutcome()
        outcome.statistics.skippedTooLarge = 1
        outcome.diagnostics.append(Diagnostic(.warning, path: path,
            "skipped: \(size) bytes is over the \(options.maxFileSize)-byte limit (raise it with --max-file-size)"))
        return outcome
    }

    /// The rules `per-file-ignores` turns off for `path`.
    private func skippedRules(_ path: String) -> Set<String> {
        guard !options.perFileIgnores.isEmpty else { return [] }
        let absolute = Paths.absolute(path, in: options.workingDirectory)
        return options.perFileIgnores.reduce(into: Set<String>()) { skipped, entry in
            if entry.patterns.matches(absolute) { skipped.formUnion(entry.rules) }
        }
    }

    /// Moves the findings the file's directives cover to `suppressed` and, when
    /// asked, reports the directives that silence nothing.
    /// `secrets` stay hidden in the directives' reasons and in unused suppressions' snippets;
    /// nil finds them in `file` (`twilint history` applies a whole file's directives to
    /// the lines a commit added, whose scan saw only those lines).
    func applyDirectives(in file: SourceFile, secrets known: [Range<Int>]? = nil, to outcome: inout FileOutcome) {
        let secrets = (known ?? (options.redact ? scanner.secrets(in: file) : [])).sorted { $0.lowerBound < $1.lowerBound }
        let directives = DirectiveParser.directives(in: file).map { $0.redactingReason(secrets, in: file) }
        guard !directives.isEmpty else { return }
        let applied = suppressor.apply(directives, to: outcome.findings, path: file.path)
        outcome.findings = applied.findings
        outcome.suppressed = applied.suppressed
        outcome.diagnostics += applied.diagnostics
        guard options.reportUnusedSuppressions, !applied.unused.isEmpty else { return }
        var unused = MatchHasher.assign(UnusedSuppression.findings(applied.unused, in: file, rule: unusedSuppressionRule, redactions: secrets), bytes: file.bytes)
        if options.offerFixes { FixFinder.attach(to: &unused, unused: applied.unused, index: suppressor.index, in: file) }
        outcome.findings = (outcome.findings + unused).sorted()
    }
}

/// A rule and the file it came from (for error messages).
public struct LoadedRule: Sendable {
    public var rule: Rule
    public var source: String
    /// The line of each regex in `source`, by key (`patterns[0].regex`), for errors
    /// PCRE2 finds when compiling it; empty for rules not read from YAML.
    public var lines: [String: Int]

    public init(rule: Rule, source: String, lines: [String: Int] = [:]) {
        self.rule = rule
        self.source = source
        self.lines = lines
    }
}
