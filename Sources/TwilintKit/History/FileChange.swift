/// The lines one commit added to one file, gathered into a buffer the engine can
/// scan, with the way back from the buffer's lines to the file's.
struct FileChange: Sendable {
    /// One stretch of consecutive added lines: the buffer's line `buffer` is the file's line `file`.
    struct Run: Sendable {
        var buffer: Int
        var file: Int
    }

    var commit: Commit
    /// Its place among the files of its commit, for a fixed output order.
    var index: Int
    /// The path at that commit, relative to the repository's top folder.
    var path: String
    /// The new blob's id, for reading the whole file's inline directives; nil when git gave none.
    var blob: String?
    /// The added lines, each ending in a line break.
    var bytes: [UInt8] = []
    var runs: [Run] = []
    /// Lines in `bytes`.
    var lineCount = 0
    /// Bytes added in all, when more than the size limit (then `bytes` stops filling up).
    var oversize: Int?

    init(commit: Commit, index: Int, path: String, blob: String?) {
        self.commit = commit
        self.index = index
        self.path = path
        self.blob = blob
    }

    /// Adds line `fileLine` of the file, `text` without its line break; beyond `limit` bytes, only counts it.
    mutating func add(_ text: UnsafeBufferPointer<UInt8>, fileLine: Int, limit: Int) {
        if let size = oversize {
            oversize = size + text.count + 1
            return
        }
        if bytes.count + text.count + 1 > limit {
            oversize = bytes.count + text.count + 1
            bytes = []
            runs = []
            return
        }
        lineCount += 1
        let continuesRun = runs.last.map { fileLine - $0.file == lineCount - $0.buffer } ?? false
        if !continuesRun { runs.append(Run(buffer: lineCount, file: fileLine)) }
        bytes.append(contentsOf: text)
        bytes.append(UInt8(ascii: "\n"))
    }

    /// The file's line for the buffer's line `line`.
    func fileLine(_ line: Int) -> Int {
        let index = runs.partitioningIndex(where: { $0.buffer > line }) - 1
        guard index >= 0 else { return line }
        return runs[index].file + (line - runs[index].buffer)
    }
}
