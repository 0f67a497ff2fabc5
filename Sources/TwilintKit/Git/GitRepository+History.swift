import Foundation

extension GitRepository {
    /// What `twilint history` needs git for, for messages.
    static let historyPurpose = "twilint history reads the commits of a git repository"

    /// Options for git commands that read a whole history: git keeps the pack files it
    /// has read mapped, and 96 MB of delta bases, so its resident memory would grow to
    /// the size of the packs (320 MB for 1 GB of patches, even to count the commits).
    /// Smaller windows keep it near 40 MB, as fast.
    static let smallPackWindows = ["-c", "core.packedGitLimit=32m", "-c", "core.packedGitWindowSize=8m", "-c", "core.deltaBaseCacheLimit=16m"]

    /// HEAD's commit and branch, and whether the clone is shallow.
    public struct HeadState: Sendable {
        /// nil in a repository without commits.
        var commit: String?
        /// nil when HEAD is detached.
        var branch: String?
        var isShallow: Bool
    }

    /// The repository that holds the absolute folder `workingDirectory`, and its HEAD's
    /// state, from one git process (each one more costs a few milliseconds before the log starts).
    public static func withHead(containing workingDirectory: String) throws -> (repository: GitRepository, head: HeadState) {
        let shown = "git rev-parse --show-toplevel"
        let result = try run(["rev-parse", "--show-toplevel", "--is-shallow-repository", "HEAD", "--symbolic-full-name", "HEAD"],
                             in: workingDirectory, shown: shown, purpose: historyPurpose)
        let lines = String(decoding: result.output, as: UTF8.self).split(separator: "\n").map(String.init)
        // Outside a repository rev-parse prints nothing; without commits it stops at HEAD.
        guard lines.count >= 2 else { throw failure(result, shown: shown, purpose: historyPurpose) }
        let repository = GitRepository(root: lines[0], workingDirectory: workingDirectory)
        let shallow = lines[1] == "true"
        guard result.status == 0, lines.count == 4 else { return (repository, HeadState(commit: nil, branch: nil, isShallow: shallow)) }
        let branch = lines[3].hasPrefix("refs/heads/") ? String(lines[3].dropFirst("refs/heads/".count)) : nil
        return (repository, HeadState(commit: lines[2], branch: branch, isShallow: shallow))
    }

    /// How many commits `git log` with `revisions` (and at most `limit`) prints, or nil when git cannot say.
    func commitCount(_ revisions: [String], limit: Int?) -> Int? {
        let arguments = Self.smallPackWindows + ["rev-list", "--count"] + (limit.map { ["--max-count=\($0)"] } ?? []) + revisions + ["--"]
        guard let result = try? Subprocess.run(Self.command(arguments), in: workingDirectory), result.status == 0 else { return nil }
        return Int(String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The commit `revision` names, or nil when it names none here.
    public func commit(named revision: String) -> String? {
        guard let result = try? Subprocess.run(Self.command(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"]),
                                               in: workingDirectory),
              result.status == 0 else { return nil }
        return String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The `origin` remote's URL without any user name or password in it, or the
    /// working tree as a `file://` URI when there is no such remote.
    func repositoryURI() -> String {
        guard let result = try? Subprocess.run(Self.command(["config", "--get", "remote.origin.url"]), in: workingDirectory),
              result.status == 0 else { return SarifReporter.fileURI(root) }
        let url = String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let scheme = url.range(of: "://") else {
            // scp-like `git@host:org/repo.git` is no URI; a plain path is a folder.
            if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") {
                let host = url[..<colon].split(separator: "@").last.map(String.init) ?? ""
                return "ssh://" + host + "/" + url[url.index(after: colon)...]
            }
            return SarifReporter.fileURI(Paths.absolute(url, in: root))
        }
        // A user name or token in `https://user:token@host/...` must not reach a report.
        guard let at = url[scheme.upperBound...].firstIndex(of: "@"), !url[scheme.upperBound..<at].contains("/") else { return url }
        return String(url[..<scheme.upperBound]) + String(url[url.index(after: at)...])
    }

    /// The content of `path` (relative to the top folder) in HEAD's tree, or nil when HEAD has no such file.
    public func fileAtHead(_ path: String) -> [UInt8]? {
        guard let result = try? Subprocess.run(Self.command(["cat-file", "blob", "HEAD:" + path]), in: workingDirectory),
              result.status == 0 else { return nil }
        return Array(result.output)
    }

    /// Which of `secrets` still appear, as they are, in a text file of HEAD's tree:
    /// one `git grep` for all of them, the secrets passed on standard input. Throws
    /// when git cannot search HEAD (one of its blobs is missing).
    func presentAtHead(_ secrets: Set<[UInt8]>) throws -> Set<[UInt8]> {
        guard !secrets.isEmpty else { return [] }
        var patterns = Data()
        for secret in secrets { patterns.append(contentsOf: secret + [UInt8(ascii: "\n")]) }
        let result = try Subprocess.run(Self.command(["grep", "-I", "-h", "-o", "-F", "--no-textconv", "-f", "-", "HEAD", "--"]),
                                        in: workingDirectory, input: patterns)
        guard result.status == 0 || result.status == 1 else {
            let message = String(decoding: result.errors, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw TwilintError.git(command: "git grep -F HEAD", problem: message)
        }
        return Set(Array(result.output).split(separator: UInt8(ascii: "\n")).map(Array.init)).intersection(secrets)
    }
}
