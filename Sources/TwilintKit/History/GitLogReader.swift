import Foundation

/// Streams the patches of a range of commits out of one `git log -p` process
/// and hands each file's added lines to a callback as they arrive.
///
/// When an object is missing (a partial clone whose blobs were never fetched, a
/// damaged repository) git stops in the middle of a commit. The reader then
/// notes the commit and starts git again after it (`--skip`), so every other
/// commit is still read: one more process per missing object, never one per commit.
struct GitLogReader {
    /// What reading the log found besides the file changes.
    struct Outcome {
        var commits = 0
        var binary = 0
        var diagnostics: [Diagnostic] = []
        /// The last commit read (the oldest), if any.
        var oldest: Commit?
    }

    let repository: GitRepository
    /// Revisions and limits for `git log` (`HEAD`, `--all`, `^since`, `--since=…`).
    let revisions: [String]
    let maxCommits: Int?
    /// Files adding more bytes than this are not kept whole (the engine skips them with a warning).
    let sizeLimit: Int

    /// The log command for commits from number `skip` on.
    func arguments(skip: Int) -> [String] {
        // git keeps the pack files it has read mapped, and 96 MB of delta bases: over
        // a long history its resident memory would grow to the size of the packs
        // (320 MB for 1 GB of patches). Smaller windows keep it near 40 MB, as fast.
        var arguments = ["-c", "core.packedGitLimit=32m", "-c", "core.packedGitWindowSize=8m", "-c", "core.deltaBaseCacheLimit=16m",
                         "log", "-p", "--no-ext-diff", "--no-textconv", "--no-color", "-U0", "--cc", "--full-index",
                         "-M", "--src-prefix=a/", "--dst-prefix=b/", "--no-relative",
                         "--format=tformat:%x01%H%x00%at%x00%aN"]
        if skip > 0 { arguments.append("--skip=\(skip)") }
        if let maxCommits { arguments.append("--max-count=\(max(0, maxCommits - skip))") }
        return arguments + revisions + ["--"]
    }

    func read(emit: (FileChange) -> Void) throws -> Outcome {
        var outcome = Outcome()
        while true {
            if let maxCommits, outcome.commits >= maxCommits { return outcome }
            var parser = PatchParser(sizeLimit: sizeLimit, firstSequence: outcome.commits)
            let process: Subprocess.Running
            do {
                process = try Subprocess.Running(GitRepository.command(arguments(skip: outcome.commits)), in: repository.workingDirectory)
            } catch {
                throw TwilintError.git(command: "git log -p", problem: "git could not be started (\(error)); \(GitRepository.historyPurpose)")
            }
            Self.lines(of: process) { parser.consume($0, emit: emit) }
            parser.finish(emit: emit)
            let (status, errors) = process.finish()
            let started = outcome.commits
            outcome.commits += parser.counts.commits
            outcome.binary += parser.counts.binary
            if let last = parser.commit { outcome.oldest = last }
            if status == 0 { return outcome }
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

    /// Calls `body` with each line of the process's output, without its line break:
    /// 1 MiB reads, a line longer than that carried over between them.
    static func lines(of process: Subprocess.Running, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
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
                if carry.isEmpty {
                    body(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                } else {
                    carry.append(contentsOf: bytes[start..<end])
                    carry.withUnsafeBufferPointer(body)
                    carry.removeAll(keepingCapacity: true)
                }
                start = end + 1
            }
            carry.append(contentsOf: bytes[start..<count])
        }
        if !carry.isEmpty { carry.withUnsafeBufferPointer(body) }
    }
}
