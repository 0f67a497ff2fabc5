import Foundation

/// Reads whole blobs through one `git cat-file --batch` process kept open for the
/// run, started on first use: a file's inline directives may sit anywhere in it,
/// not only on the lines its commit added. Only files with findings are read,
/// so this costs nothing on a clean history. Safe to share between threads.
final class BlobReader: @unchecked Sendable {
    private let repository: GitRepository
    private let lock = NSLock()
    private var process: Subprocess.Running?
    private var broken = false

    init(repository: GitRepository) {
        self.repository = repository
    }

    /// The blob's bytes, or nil when git does not have it (a partial clone) or cannot run.
    func contents(of blob: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        guard !broken else { return nil }
        if process == nil {
            process = try? Subprocess.Running(GitRepository.command(["cat-file", "--batch"]), in: repository.workingDirectory,
                                              interactive: true)
        }
        guard let process else {
            broken = true
            return nil
        }
        process.write(Data((blob + "\n").utf8))
        guard let header = process.readLine() else {
            broken = true
            return nil
        }
        // `id blob size`, or `id missing`.
        let fields = String(decoding: header, as: UTF8.self).split(separator: " ")
        guard fields.count == 3, fields[1] == "blob", let size = Int(fields[2]) else { return nil }
        let bytes = process.read(exactly: size)
        _ = process.read(exactly: 1)
        return bytes.count == size ? bytes : nil
    }

    /// Ends the process, if one was started.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        _ = process?.finish()
        process = nil
    }
}
