#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the files to scan under the paths a user names, honouring `.gitignore`
/// files (nested ones and those of parent folders up to the repository root)
/// and skipping folders that never hold first-party code.
public struct FileCollector {
    public struct Options: Sendable {
        /// Folder names never entered.
        public var skippedFolders: Set<String> = [".git", ".hg", ".svn", "node_modules", ".build", "Pods", "vendor", "DerivedData"]
        public var honourGitignore = true
        /// Follow symbolic links while walking (loops are detected and skipped).
        public var followSymlinks = false

        public init() {}
    }

    /// A file found: the path to show users and the path to open.
    public struct Candidate: Hashable, Sendable {
        public var path: String
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Every file under `paths`, in a stable order, plus a diagnostic for each
    /// path or folder that could not be read.
    public func collect(_ paths: [String]) -> (files: [Candidate], diagnostics: [Diagnostic]) {
        var files: [Candidate] = []
        let diagnostics = collect(paths) { files.append($0) }
        return (files, diagnostics)
    }

    /// Hands each file under `paths` to `found` as soon as the walk reaches it (in
    /// the same stable order), so that scanning can start before the walk ends;
    /// returns a diagnostic for each path or folder that could not be read.
    public func collect(_ paths: [String], found: (Candidate) -> Void) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var seen = Set<String>()
        for raw in paths {
            let path = Self.normalise(raw)
            var info = stat()
            guard stat(path, &info) == 0 else {
                diagnostics.append(Diagnostic(.error, path: path, "no such file or folder (\(String(cString: strerror(errno))))"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                // Only a second path can name a file twice.
                var walk = Walk(options: options, diagnostics: [], visited: [])
                walk.run(root: path) { file in
                    if paths.count == 1 || seen.insert(file.path).inserted { found(file) }
                }
                diagnostics += walk.diagnostics
            } else if let kind = FileReader.kind(of: info.st_mode) {
                diagnostics.append(Self.notRegular(path, kind: kind, level: .warning))
            } else if seen.insert(path).inserted {
                // A file named explicitly is scanned even when ignored, like ripgrep does.
                found(Candidate(path: path))
            }
        }
        return diagnostics
    }

    /// The diagnostic for a FIFO, socket or device: reading one could block forever
    /// or never end, so it is skipped. A warning when named on the command line, a
    /// note (`--verbose`) when a walk meets one, as sockets in project folders are common.
    static func notRegular(_ path: String, kind: String, level: Diagnostic.Level) -> Diagnostic {
        Diagnostic(level, path: path, "skipped: it is \(kind), not a regular file, so it is never read")
    }

    /// `./a//b/` → `a/b`, `/x/./` → `/x`; an empty result is `.`.
    static func normalise(_ path: String) -> String {
        let joined = path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
        if path.hasPrefix("/") { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}

/// One depth-first walk of a folder.
private struct Walk {
    let options: FileCollector.Options
    var diagnostics: [Diagnostic]
    /// Folders entered, by device and inode, so symlink loops end.
    var visited: Set<[UInt64]>

    mutating func run(root: String, found: (FileCollector.Candidate) -> Void) {
        var ignores: [Gitignore] = []
        if options.honourGitignore, let absolute = realPath(root) {
            ignores = parentGitignores(of: absolute)
            walk(display: root, absolute: absolute, ignores: ignores, found: found)
        } else {
            walk(display: root, absolute: realPath(root) ?? root, ignores: [], found: found)
        }
    }

    private mutating func walk(display: String, absolute: String, ignores: [Gitignore], found: (FileCollector.Candidate) -> Void) {
        var info = stat()
        if stat(display, &info) == 0 {
            guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else {
                diagnostics.append(Diagnostic(.warning, path: display, "symbolic link loop; folder skipped"))
                return
            }
        }
        guard let dir = opendir(display) else {
            diagnostics.append(Diagnostic(.error, path: display, "folder cannot be read (\(String(cString: strerror(errno))))"))
            return
        }
        var entries: [(name: String, kind: UInt8)] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(dir)

        var ignores = ignores
        if options.honourGitignore, entries.contains(where: { $0.name == ".gitignore" }),
           let ignore = readGitignore(display == "." ? ".gitignore" : display + "/.gitignore", base: absolute) {
            ignores.append(ignore)
        }

        for (name, kind) in entries.sorted(by: { $0.name < $1.name }) {
            let path = display == "." ? name : display + "/" + name
            let absolutePath = absolute + "/" + name
            var isDirectory = Int32(kind) == DT_DIR
            var isFile = Int32(kind) == DT_REG
            var special: String?
            switch Int(kind) {
            case DT_FIFO: special = "a FIFO"
            case DT_SOCK: special = "a socket"
            case DT_CHR, DT_BLK: special = "a device"
            default: break
            }
            if Int32(kind) == DT_LNK || Int32(kind) == DT_UNKNOWN {
                if Int32(kind) == DT_LNK && !options.followSymlinks { continue }
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                isDirectory = info.st_mode & S_IFMT == S_IFDIR
                isFile = info.st_mode & S_IFMT == S_IFREG
                special = isDirectory ? nil : FileReader.kind(of: info.st_mode)
            }
            if isDirectory && options.skippedFolders.contains(name) { continue }
            if isIgnored(absolutePath, isDirectory: isDirectory, by: ignores) { continue }
            if isDirectory {
                walk(display: path, absolute: absolutePath, ignores: ignores, found: found)
            } else if isFile {
                found(FileCollector.Candidate(path: path))
            } else if let special {
                diagnostics.append(FileCollector.notRegular(path, kind: special, level: .note))
            }
        }
    }

    private func isIgnored(_ absolutePath: String, isDirectory: Bool, by ignores: [Gitignore]) -> Bool {
        guard !ignores.isEmpty else { return false }
        var path = absolutePath
        return path.withUTF8 { bytes in
            // The deepest .gitignore that has an opinion decides.
            for ignore in ignores.reversed() where bytes.starts(with: ignore.basePrefix) {
                let relative = UnsafeBufferPointer(rebasing: bytes[ignore.basePrefix.count...])
                if let decision = ignore.isIgnored(relativePath: relative, isDirectory: isDirectory) { return decision }
            }
            return false
        }
    }

    /// `.gitignore` files of the folders above `absolute`, up to the repository root.
    private mutating func parentGitignores(of absolute: String) -> [Gitignore] {
        var folders: [String] = []
        var current = absolute
        while true {
            var info = stat()
            let isRepositoryRoot = stat(current + "/.git", &info) == 0
            if current != absolute { folders.append(current) }
            if isRepositoryRoot || current == "/" { break }
            guard let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        // Only when the walk is inside a repository do its parents' ignore files apply.
        var info = stat()
        guard let top = folders.last ?? Optional(absolute), stat(top + "/.git", &info) == 0 else { return [] }
        var ignores: [Gitignore] = []
        for folder in folders.reversed() where access(folder + "/.gitignore", F_OK) == 0 {
            if let ignore = readGitignore(folder + "/.gitignore", base: folder) { ignores.append(ignore) }
        }
        return ignores
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The `.gitignore` at `path` (which exists), or nil with a warning when it is
    /// not a regular file of at most 1 MiB or cannot be read.
    private mutating func readGitignore(_ path: String, base: String) -> Gitignore? {
        do {
            let text = String(decoding: try FileReader.read(path, limit: 1 << 20), as: UTF8.self)
            return Gitignore(contents: text, base: base)
        } catch let failure as FileReader.Failure {
            diagnostics.append(Diagnostic(.warning, path: path,
                "ignored: \(failure.reason), so its patterns do not apply; make it a regular file of at most 1 MiB"))
        } catch {
            diagnostics.append(Diagnostic(.warning, path: path, "ignored: \(error)"))
        }
        return nil
    }
}
