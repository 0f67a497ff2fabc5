import Foundation

/// Streams the patches of a range of commits out of one `git log -p` process
/// and hands each file's added lines to a callback as they arrive.
///
/// When an object is missing (a partial clone whose blobs were never fetched, a
/// damaged repository) git stops in the middle of a commit. The reader then
/// notes the commit and starts git again after it (`--skip`), so every other
/// commit is still read: one more process per missing object, never one per commit.
///
/// git's diffing is most of a scan's time, and one `git log` uses one core. So two
/// readers can share a log: one from its newest commit, one from its oldest
/// (`--reverse`), each with a git process of its own, claiming each commit from a
/// `LogMeeting` before reading it; they stop where they meet, however the commits'
/// sizes are spread.
struct GitLogReader: Sendable {
    /// What reading the log found besides the file changes.
    struct Outcome: Sendable {
        var commits = 0
        var binary = 0
        var diagnostics: [Diagnostic] = []
        /// The oldest commit read, if any.
        var oldest: Commit?

        /// Adds what another reader of the same log found.
        mutating func append(_ other: Outcome) {
            commits += other.commits
            binary += other.binary
            diagnostics += other.diagnostics
            if let commit = other.oldest, commit.sequence > oldest?.sequence ?? -1 { oldest = commit }
        }
    }

    let repository: GitRepository
    /// Revisions and limits for `git log` (`HEAD`, `--all`, `^since`, `--since=…`).
    let revisions: [String]
    /// Read at most this many commits, the newest (`--max-commits`).
    let maxCommits: Int?
    /// Files adding more bytes than this are not kept whole (the engine skips them with a warning).
    let sizeLimit: Int
    /// Read from the oldest commit on: the log's length, which numbers its commits from the newest.
    var oldestFirst: Int?
    /// Shared with a reader from the other end: each commit is read by whichever claims it first.
    var meeting: LogMeeting?

    /// The log command once `read` commits are read.
    func arguments(read: Int) -> [String] {
        var arguments = GitRepository.smallPackWindows + ["log", "-p", "--no-ext-diff", "--no-textconv", "--no-color", "-U0", "--cc",
                                                          "--full-index", "-M", "--src-prefix=a/", "--dst-prefix=b/", "--no-relative",
                                                          "--format=tformat:%x01%H%x00%at%x00%aN"]
        if let total = oldestFirst {
            // --max-count picks the newest commits before --reverse turns them around.
            arguments += ["--reverse", "--max-count=\(total - read)"]
        } else {
            if read > 0 { arguments.append("--skip=\(read)") }
            if let maxCommits { arguments.append("--max-count=\(max(0, maxCommits - read))") }
        }
        return arguments + revisions + ["--"]
    }

    /// Commits still to read once `read` are read; nil when the log decides.
    private func left(_ read: Int) -> Int? {
        (oldestFirst ?? maxCommits).map { $0 - read }
    }

    func read(emit: (FileChange) -> Void) throws -> Outcome {
        var outcome = Outcome()
        let meeting = self.meeting, oldestFirst = self.oldestFirst
        while true {
            if let left = left(outcome.commits), left <= 0 { return outcome }
            var parser = PatchParser(sizeLimit: sizeLimit, firstSequence: oldestFirst.map { $0 - 1 - outcome.commits } ?? outcome.commits,
                                     step: oldestFirst == nil ? 1 : -1) { meeting?.claim($0, fromOldest: oldestFirst != nil) ?? true }
            let process: Subprocess.Running
            do {
                process = try Subprocess.Running(GitRepository.command(arguments(read: outcome.commits)), in: repository.workingDirectory)
            } catch {
                throw TwilintError.git(command: "git log -p", problem: "git could not be started (\(error)); \(GitRepository.historyPurpose)")
            }
            Self.lines(of: process) {
                parser.consume($0, emit: emit)
                return !parser.stopped
            }
            parser.finish(emit: emit)
            // Stopped where the other reader had been: git then dies of the closed pipe.
            let (status, errors) = process.finish()
            let started = outcome.commits
            outcome.commits += parser.counts.commits
            outcome.binary += parser.counts.binary
            if let commit = parser.oldest, commit.sequence > outcome.oldest?.sequence ?? -1 { outcome.oldest = commit }
            if status == 0 || parser.stopped { return outcome }
            let message = errors.split(whereSeparator: \.isNewline).last.map(String.init) ?? "exit status \(status)"
            // Git stopped inside the last commit it named; go on after it, unless it named none.
            guard let failed = parser.commit, outcome.commits > started, Self.isMissingObject(message) else {
                if status == 127 {
                    throw TwilintError.git(command: "git log -p", problem: "git is not installed or not on PATH; \(GitRepository.historyPurpose)")
                }
                throw TwilintError.git(command: "git log -p", problem: "\(message); \(GitRepository.historyPurpose)")
            }
            outcome.diagnostics.append(Diagnostic(.warning, path: repository.root,
                "commit \(failed.id.prefix(12)): \(message.replacingOccurrences(of: "fatal: ", with: "")) "
                    + "(a partial clone without that object, or a damaged repository); the rest of this commit was not scanned, the others were"))
        }
    }

    /// git's messages for an object it cannot read.
    static func isMissingObject(_ message: String) -> Bool {
        ["unable to read", "missing blob", "missing tree", "bad object", "could not fetch", "is corrupt", "invalid object"]
            .contains { message.contains($0) }
    }

    /// Calls `body` with each line of the process's output, without its line break,
    /// until it returns false: 1 MiB reads, a line longer than that carried over between them.
    static func lines(of process: Subprocess.Running, _ body: (UnsafeBufferPointer<UInt8>) -> Bool) {
        let size = 1 << 20
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 16)
        defer { chunk.deallocate() }
        var carry: [UInt8] = []
        while true {
            let count = process.read(into: chunk)
            if count == 0 { break }
            let bytes = UnsafeBufferPointer(start: chunk.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
            var start = 0
            while start < count, let hit = memchr(bytes.baseAddress! + start, 0x0A, count - start) {
                let end = bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let goOn: Bool
                if carry.isEmpty {
                    goOn = body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                } else {
                    carry.append(contentsOf: bytes[start..<end])
                    goOn = carry.withUnsafeBufferPointer(body)
                    carry.removeAll(keepingCapacity: true)
                }
                if !goOn { return }
                start = end + 1
            }
            carry.append(contentsOf: bytes[start..<count])
        }
        if !carry.isEmpty { _ = carry.withUnsafeBufferPointer(body) }
    }
}

/// Where a log's newest-first and oldest-first readers meet: commits `0..<newest`
/// are the first's, `oldest...` the second's, and neither claims the other's.
final class LogMeeting: @unchecked Sendable {
    private let lock = NSLock()
    private var newest = 0
    private var oldest = Int.max

    /// Whether the newest-first reader took commit `sequence` (0 the newest) already.
    func isNewestReaders(_ sequence: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return sequence < newest
    }

    /// Whether commit `sequence` (0 the newest) is still free, claiming it if so.
    func claim(_ sequence: Int, fromOldest: Bool) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard sequence >= newest, sequence < oldest else { return false }
        if fromOldest { oldest = sequence } else { newest = sequence + 1 }
        return true
    }
}
