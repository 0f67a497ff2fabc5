/// Reads `git log -p -U0 --cc --full-index` output line by line and hands over
/// each file's added lines as a `FileChange` the moment its diff ends, so a history
/// of any length passes through in bounded memory.
///
/// Commit headers are lines that start with `\u{1}` (the log's format puts them
/// there). Hunk bodies are the lines that follow a hunk header and start with
/// ` `, `+`, `-` or `\`; in a merge's combined diff each line has one column per
/// parent, and only a line added against every parent (`++`) is the merge's own.
struct PatchParser {
    /// Counts for the summary.
    struct Counts {
        var commits = 0
        var binary = 0
    }

    static let commitMarker = UInt8(ascii: "\u{1}")
    private(set) var counts = Counts()
    /// The commit being read.
    private(set) var commit: Commit?
    /// The oldest commit read: the last, or with `--reverse` the first.
    private(set) var oldest: Commit?
    private var file: FileChange?
    private var filesInCommit = 0
    /// Columns of a hunk line's prefix: 1, or the parent count in a combined diff.
    private var columns = 1
    private var inHunk = false
    private var nextLine = 0
    /// The current file is a symbolic link or a submodule: its "lines" are no text.
    private var notText = false
    private var blob: String?
    private let sizeLimit: Int
    /// Sequence number of the first commit this parser sees (after a restart, the commits already read).
    private let firstSequence: Int
    /// 1 when the log runs from the newest commit, -1 when it runs from the oldest (`--reverse`).
    private let step: Int
    /// Asked at each commit's header, with its sequence number, whether to read it.
    private let admit: (Int) -> Bool
    /// A commit was not admitted: nothing more is read.
    private(set) var stopped = false

    init(sizeLimit: Int, firstSequence: Int = 0, step: Int = 1, admit: @escaping (Int) -> Bool = { _ in true }) {
        self.sizeLimit = sizeLimit
        self.firstSequence = firstSequence
        self.step = step
        self.admit = admit
    }

    /// Reads one line (without its line break).
    mutating func consume(_ line: UnsafeBufferPointer<UInt8>, emit: (FileChange) -> Void) {
        if stopped { return }
        if inHunk, let first = line.first, first == 0x20 || first == 0x2B || first == 0x2D || first == 0x5C {
            body(line, first)
            return
        }
        inHunk = false
        guard let first = line.first else { return }
        if first == Self.commitMarker {
            finishFile(emit)
            let sequence = firstSequence + step * counts.commits
            guard admit(sequence) else {
                stopped = true
                return
            }
            commit = Self.commit(in: line, sequence: sequence)
            if step > 0 || oldest == nil { oldest = commit }
            counts.commits += 1
            filesInCommit = 0
        } else if line.starts(with: "diff ".utf8) {
            finishFile(emit)
            notText = false
            blob = nil
        } else if line.starts(with: "@@".utf8) {
            if let start = UnifiedDiff.newStart(ofHunk: Array(line)[...]) {
                inHunk = true
                nextLine = start
                // `@@` in a plain diff, `@@@` for a merge of two parents: one column per parent.
                columns = max(1, line.prefix { $0 == UInt8(ascii: "@") }.count - 1)
            }
        } else if line.starts(with: "+++ ".utf8) {
            guard let commit, !notText, let path = UnifiedDiff.path(in: Array(line.dropFirst(4))[...]) else { return }
            file = FileChange(commit: commit, index: filesInCommit, path: path, blob: blob)
            filesInCommit += 1
        } else if line.starts(with: "index ".utf8) {
            readIndex(line)
        } else if line.starts(with: "new file mode 120000".utf8) || line.starts(with: "new file mode 160000".utf8)
                    || line.starts(with: "new mode 120000".utf8) || line.starts(with: "new mode 160000".utf8) {
            notText = true
        } else if line.starts(with: "Binary files ".utf8) {
            counts.binary += 1
        }
    }

    /// Hands over the last file once the log has ended.
    mutating func finish(emit: (FileChange) -> Void) {
        finishFile(emit)
    }

    private mutating func body(_ line: UnsafeBufferPointer<UInt8>, _ first: UInt8) {
        if first == 0x5C { return }
        let prefix = min(columns, line.count)
        var added = true, removed = false
        for column in 0..<prefix {
            if line[column] != 0x2B { added = false }
            if line[column] == 0x2D { removed = true }
        }
        if removed { return }
        if added, file != nil {
            file!.add(UnsafeBufferPointer(rebasing: line[prefix...]), fileLine: nextLine, limit: sizeLimit)
        }
        nextLine += 1
    }

    private mutating func finishFile(_ emit: (FileChange) -> Void) {
        if let finished = file, finished.lineCount > 0 || finished.oversize != nil { emit(finished) }
        file = nil
    }

    /// `index old..new[ mode]` or, combined, `index a,b..new`: the new blob, and whether it is text.
    private mutating func readIndex(_ line: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: line.dropFirst(6), as: UTF8.self)
        let words = text.split(separator: " ")
        guard let ids = words.first, let dots = ids.range(of: "..") else { return }
        let id = ids[dots.upperBound...]
        blob = id.allSatisfy({ $0 == "0" }) ? nil : String(id)
        if words.count > 1, words[1] == "120000" || words[1] == "160000" { notText = true }
    }

    /// `\u{1}id\u{0}seconds\u{0}author`.
    private static func commit(in line: UnsafeBufferPointer<UInt8>, sequence: Int) -> Commit {
        let fields = line.dropFirst().split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        func field(_ index: Int) -> String { index < fields.count ? String(decoding: fields[index], as: UTF8.self) : "" }
        return Commit(id: field(0), authorTime: Int(field(1)) ?? 0, author: field(2), sequence: sequence)
    }
}
