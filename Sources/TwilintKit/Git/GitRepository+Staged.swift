import Foundation

extension GitRepository {
    /// The staged content of every regular file added, copied or modified in the
    /// index (what the next commit will hold, not the working tree), named
    /// relative to the working directory. `pathspecs` narrow the files as in git.
    /// Two git processes whatever the number of files: `diff --cached --raw`
    /// names the blobs, one `cat-file --batch` reads them all.
    public func stagedFiles(pathspecs: [String] = []) throws -> [SourceBuffer] {
        let purpose = "--staged reads the files staged in git's index"
        let listing = try git(["diff", "--cached", "--raw", "-z", "--no-abbrev", "--no-renames", "--no-relative",
                               "--diff-filter=ACM", "--"] + pathspecs, purpose: purpose)
        let blobs = Self.stagedBlobs(inRawDiff: Array(listing))
        guard !blobs.isEmpty else { return [] }
        let request = Data(blobs.map { $0.blob + "\n" }.joined().utf8)
        let contents = try Self.batchContents(Array(try git(["cat-file", "--batch"], input: request, purpose: purpose)))
        guard contents.count == blobs.count else {
            throw TwilintError.git(command: "git cat-file --batch", problem: "git returned \(contents.count) of \(blobs.count) staged files; \(purpose)")
        }
        return zip(blobs, contents).map { staged, bytes in
            SourceBuffer(path: Paths.relative(absolute(staged.path), to: workingDirectory), bytes: bytes)
        }
    }

    /// Blob ids and paths of regular files (mode 100644 or 100755: no symbolic
    /// links, no submodules) in `git diff --raw -z` output: `:old new oldID newID X\0path\0`.
    static func stagedBlobs(inRawDiff bytes: [UInt8]) -> [(path: String, blob: String)] {
        let fields = bytes.split(separator: 0, omittingEmptySubsequences: false)
        var result: [(path: String, blob: String)] = []
        var index = 0
        while index + 1 < fields.count {
            let header = String(decoding: fields[index], as: UTF8.self).split(separator: " ")
            let path = String(decoding: fields[index + 1], as: UTF8.self)
            index += 2
            guard header.count == 5, header[1] == "100644" || header[1] == "100755" else { continue }
            result.append((path, String(header[3])))
        }
        return result
    }

    /// The objects in `git cat-file --batch` output: `id type size\n`, the bytes, `\n`.
    static func batchContents(_ bytes: [UInt8]) throws -> [[UInt8]] {
        var contents: [[UInt8]] = []
        var cursor = 0
        while cursor < bytes.count {
            guard let newline = bytes[cursor...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            let header = String(decoding: bytes[cursor..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= bytes.count else {
                throw TwilintError.git(command: "git cat-file --batch",
                                       problem: "unexpected output '\(header.joined(separator: " "))'; --staged reads the files staged in git's index")
            }
            contents.append(Array(bytes[(newline + 1)..<(newline + 1 + size)]))
            cursor = newline + 1 + size + 1
        }
        return contents
    }
}
