import Dispatch
import Foundation

/// `twilint history`: every line added by every commit in a range, scanned by
/// the rules that read any text, and reported with the commit that added it.
///
/// `git log -p -U0` streams the patches: git's diffing is most of the time, so with
/// more than one job two git processes read the log, one from each end, until they
/// meet (`GitLogReader`). Their threads gather each file's added lines into a buffer
/// and hand batches of them to `--jobs` workers, which scan them with the same
/// engine as `check` and map the findings back to the file's lines. A bounded queue
/// keeps memory flat on a history of any length. Findings are then put in history
/// order, so the output never depends on which worker or reader finished first.
public struct HistoryScanner: Sendable {
    public let repository: GitRepository
    public let head: GitRepository.HeadState
    public let linter: Linter
    public let options: HistoryOptions

    /// Changes handed to a worker at a time, and the bytes that end a batch early.
    static let batchSize = 64
    static let batchBytes = 1 << 20

    /// `linter`'s options must name the repository's top folder as their working
    /// directory: `exclude` and `per-file-ignores` globs meet the paths git prints.
    public init(repository: GitRepository, head: GitRepository.HeadState, linter: Linter, options: HistoryOptions) {
        self.repository = repository
        self.head = head
        self.linter = linter
        self.options = options
    }

    /// What the workers found in one batch.
    struct BatchOutcome: Sendable {
        var occurrences: [Occurrence] = []
        var suppressed: [Occurrence] = []
        var diagnostics: [Diagnostic] = []
        var statistics = ScanStatistics()
        var paths = Set<String>()
    }

    public func run() throws -> Report {
        let started = DispatchTime.now()
        let revisions = try resolveRevisions(head: head.commit)
        let repository = self.repository
        let uri = Background { repository.repositoryURI() }
        let meeting = linter.options.threads > 1 ? LogMeeting() : nil
        let newest = GitLogReader(repository: repository, revisions: revisions, maxCommits: options.maxCommits,
                                  sizeLimit: linter.options.maxFileSize, meeting: meeting)
        let blobs = BlobReader(repository: repository)
        defer { blobs.close() }
        var log = GitLogReader.Outcome()
        var failure: Error?
        let inline = ResultSink<BatchOutcome>()  // batches scanned on the reading thread (one job)
        let batches = WorkQueue<[FileChange]>.drain(jobs: linter.options.threads, capacity: 2 * linter.options.threads, produce: { queue in
            let oldest = meeting.map { meeting in
                Background { [self] in Result { try read(fromOldest: newest, meeting: meeting, into: queue, blobs: blobs, inline: inline) } }
            }
            let outcomes = [Result { try read(newest, into: queue, blobs: blobs, inline: inline) }] + (oldest.map { [$0.value] } ?? [])
            do {
                for outcome in outcomes { log.append(try outcome.get()) }
            } catch {
                failure = error
            }
        }, { [self] batch in scan(batch, blobs: blobs) })
        if let failure { throw failure }
        return report(batches.flatMap { $0 } + inline.all, log: log, repositoryURI: uri.value, started: started)
    }

    /// Reads the log from its oldest commit on until it meets `newest`'s reader; nothing
    /// when git cannot count the commits, or `newest` read them all while they were
    /// counted (a short history).
    private func read(fromOldest newest: GitLogReader, meeting: LogMeeting, into queue: WorkQueue<[FileChange]>, blobs: BlobReader,
                      inline: ResultSink<BatchOutcome>) throws -> GitLogReader.Outcome {
        guard let total = repository.commitCount(newest.revisions, limit: options.maxCommits), total > 1,
              !meeting.isNewestReaders(total - 1) else { return GitLogReader.Outcome() }
        var reader = newest
        reader.oldestFirst = total
        return try read(reader, into: queue, blobs: blobs, inline: inline)
    }

    /// Reads with `reader`, handing its changes over in batches.
    private func read(_ reader: GitLogReader, into queue: WorkQueue<[FileChange]>, blobs: BlobReader,
                      inline: ResultSink<BatchOutcome>) throws -> GitLogReader.Outcome {
        var batch: [FileChange] = [], bytes = 0
        defer { push(batch, to: queue, blobs: blobs, inline: inline) }
        return try reader.read { change in
            bytes += change.bytes.count
            batch.append(change)
            guard batch.count == Self.batchSize || bytes >= Self.batchBytes else { return }
            push(batch, to: queue, blobs: blobs, inline: inline)
            batch.removeAll(keepingCapacity: true)
            bytes = 0
        }
    }

    /// Hands `batch` to the workers; with one job there are none, so this thread scans it
    /// now (and nothing piles up in the queue).
    private func push(_ batch: [FileChange], to queue: WorkQueue<[FileChange]>, blobs: BlobReader, inline: ResultSink<BatchOutcome>) {
        guard !batch.isEmpty else { return }
        if linter.options.threads == 1 {
            inline.add(scan(batch, blobs: blobs))
        } else {
            queue.push(contentsOf: [batch])
        }
    }

    /// The revisions for `git log`; every named ref must exist.
    func resolveRevisions(head: String?) throws -> [String] {
        var revisions: [String]
        if options.refs == ["all"] {
            revisions = ["--all"]
        } else if options.refs.isEmpty {
            guard let head else {
                throw TwilintError.git(command: "git rev-parse HEAD",
                                       problem: "\(repository.root) has no commits yet, so there is no history to scan")
            }
            revisions = [head]
        } else {
            revisions = try options.refs.map { ref in
                guard let commit = repository.commit(named: ref) else { throw unknown(ref, option: "--branches") }
                return commit
            }
        }
        if let since = options.sinceRevision {
            guard let commit = repository.commit(named: since) else { throw unknown(since, option: "--since") }
            revisions.append("^" + commit)
        }
        if let date = options.sinceDate { revisions.append("--since=" + date) }
        return revisions
    }

    private func unknown(_ ref: String, option: String) -> TwilintError {
        .invalidOption(option: option, problem: "no branch, tag or commit is called '\(ref)' in \(repository.root); "
            + "'git branch -a' and 'git tag' list them (in CI, fetch it first)")
    }

    // MARK: - Workers

    private func scan(_ batch: [FileChange], blobs: BlobReader) -> [BatchOutcome] {
        var outcome = BatchOutcome()
        for change in batch { scan(change, blobs: blobs, into: &outcome) }
        return [outcome]
    }

    private func scan(_ change: FileChange, blobs: BlobReader, into outcome: inout BatchOutcome) {
        guard !linter.isExcluded(change.path) else { return }
        var file: Linter.FileOutcome
        if let size = change.oversize {
            file = linter.tooLarge(change.path, size: size)
        } else {
            file = linter.scan(SourceBuffer(path: change.path, bytes: change.bytes), directives: false)
        }
        outcome.statistics = outcome.statistics + file.statistics
        outcome.diagnostics += file.diagnostics.map { diagnostic in
            var located = diagnostic
            located.message = "in commit \(change.commit.id.prefix(12)): " + diagnostic.message
            return located
        }
        if file.scannedPath != nil { outcome.paths.insert(change.path) }
        guard !file.findings.isEmpty else { return }

        var secrets: [String: [UInt8]] = [:]
        file.findings = file.findings.map { finding in
            var mapped = finding
            let secret = Array(change.bytes[finding.byteRange.clamped(to: 0..<change.bytes.count)])
            mapped.matchHash = SHA256.hex(MatchHasher.normalised(secret[...]))
            secrets[mapped.matchHash] = secret
            mapped.start.line = change.fileLine(finding.start.line)
            mapped.end.line = change.fileLine(finding.end.line)
            return mapped
        }
        applyDirectives(of: change, to: &file, blobs: blobs)
        func occurrence(_ finding: Finding) -> Occurrence {
            Occurrence(finding: finding, commit: change.commit, fileIndex: change.index, secret: secrets[finding.matchHash] ?? [])
        }
        outcome.occurrences += file.findings.map(occurrence)
        outcome.suppressed += file.suppressed.map(occurrence)
    }

    /// The whole file's `twilint:` directives at that commit, read from its blob:
    /// a directive above the added lines, or `ignore-file` anywhere, still counts.
    private func applyDirectives(of change: FileChange, to outcome: inout Linter.FileOutcome, blobs: BlobReader) {
        guard let blob = change.blob, let bytes = blobs.contents(of: blob),
              bytes.withUnsafeBufferPointer(DirectiveParser.mayHoldDirectives),
              let language = LanguageDetector.language(forPath: change.path, firstBytes: bytes) else { return }
        linter.applyDirectives(in: SourceFile(path: change.path, language: language, bytes: bytes), to: &outcome)
    }

    // MARK: - The report

    private func report(_ all: [BatchOutcome], log: GitLogReader.Outcome, repositoryURI: String, started: DispatchTime) -> Report {
        var statistics = ScanStatistics()
        var diagnostics = log.diagnostics
        var occurrences: [Occurrence] = [], suppressed: [Occurrence] = []
        var paths = Set<String>()
        for outcome in all {
            statistics = statistics + outcome.statistics
            diagnostics += outcome.diagnostics
            occurrences += outcome.occurrences
            suppressed += outcome.suppressed
            paths.formUnion(outcome.paths)
        }
        statistics.skippedBinary += log.binary
        if head.isShallow { diagnostics.append(shallowWarning(log)) }
        if statistics.filesScanned == 0, !log.diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.error, path: repository.root, "no file of any commit could be read, so nothing was scanned"))
        }
        var present: Set<[UInt8]>?
        do {
            present = try repository.presentAtHead(Set((occurrences + suppressed).map(\.secret)))
        } catch {
            diagnostics.append(Diagnostic(.warning, path: repository.root,
                "HEAD's files could not be searched for the secrets found (\(error)), so no finding says whether HEAD still holds it"))
        }
        let grouping = OccurrenceGrouping(allOccurrences: options.allOccurrences, includeAuthor: options.includeAuthor,
                                          presentAtHead: present)
        var scope = HistoryScope(repositoryURI: repositoryURI, headRevision: head.commit, branch: head.branch)
        scope.commitsScanned = log.commits
        scope.fileChangesScanned = statistics.filesScanned
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        var report = Report(rules: linter.rules.map(\.rule), findings: grouping.findings(occurrences),
                            diagnostics: diagnostics.sorted(), statistics: statistics, duration: seconds,
                            suppressed: grouping.findings(suppressed), scannedFiles: paths.sorted())
        report.history = scope
        return report
    }

    private func shallowWarning(_ log: GitLogReader.Outcome) -> Diagnostic {
        let reached = log.oldest.map { " back to commit \($0.id.prefix(12)) of \($0.authorDate)" } ?? ""
        return Diagnostic(.warning, path: repository.root,
            "this is a shallow clone: the scan read \(log.commits) commit\(log.commits == 1 ? "" : "s")\(reached); "
                + "older commits are not in this clone ('git fetch --unshallow' brings them), "
                + "and the oldest commit shows every line it holds as added")
    }
}
