import Foundation

/// What twilint learns about the folders around a file: the nearest
/// `package.json` and its dependencies, Xcode app markers, a server
/// `Package.swift`, the repository root. Every file of a folder asks the same
/// questions, so each folder is read from disk once per process and every walk
/// up the tree is cached by its starting folder. Files are scanned in parallel:
/// the caches sit behind a lock, and a folder read twice by racing threads gives
/// the same answer both times.
public final class ProjectLookup: @unchecked Sendable {
    /// The process-wide cache the analyzers use.
    public static let shared = ProjectLookup()

    /// A `package.json` and the packages it depends on (all dependency kinds).
    public struct PackageManifest: Equatable, Sendable {
        /// The folder that holds the `package.json`.
        public var folder: String
        public var dependencies: Set<String>
        /// The source files its `scripts` run (`"seed": "node tools/seed.js"` → `tools/seed.js`).
        public var scriptTargets: Set<String> = []

        /// Packages that make a project a browser app (bundlers and UI frameworks built for the browser).
        static let browserPackages = ["react-scripts", "vite", "@vue/cli-service", "@angular/core", "svelte"]

        /// The first dependency that makes the project a browser app, if any.
        public var browserPackage: String? {
            Self.browserPackages.first(where: dependencies.contains)
        }

        /// A framework that mixes server and browser code in one `src/` (Next.js,
        /// Remix, Nuxt, SvelteKit, Astro), so `src/` alone says nothing.
        public var mixedFramework: String? {
            for name in ["next", "nuxt", "@sveltejs/kit", "astro"] where dependencies.contains(name) { return name }
            return dependencies.sorted().first { $0.hasPrefix("@remix-run/") }
        }

        public var usesNext: Bool { dependencies.contains("next") }
    }

    /// What the nearest project folder of a Swift file says about it.
    public enum SwiftProject: Equatable, Sendable {
        /// An Apple app: `marker` is the `.xcodeproj`, `.xcworkspace`, `Info.plist` or app entry file found.
        case app(marker: String)
        /// A server package: `manifest` is the `Package.swift` that depends on `framework` (Vapor, Hummingbird).
        case server(manifest: String, framework: String)
        /// A Swift package with neither: a library or a command-line tool.
        case package(manifest: String)
        /// No project folder up to the repository root.
        case none
    }

    /// Markers of one folder, read from its listing (and, for app entry points, its Swift files).
    struct FolderFacts: Sendable {
        var holdsRepository = false
        var packageJSON: PackageManifest?
        /// The `Package.swift` path, and the server framework it depends on, if any.
        var packageSwift: (path: String, server: String?)?
        /// The first Apple app marker of the folder, as a path.
        var appleMarker: String?
        /// Whether the folder's dependency manifest (`package.json`, `requirements*.txt`,
        /// `pyproject.toml`, `Pipfile`, `setup.py`, `setup.cfg`) names Twilio; nil without one.
        var dependsOnTwilio: Bool?
    }

    private let lock = NSLock()
    private var facts: [String: FolderFacts] = [:]
    private var manifests: [String: PackageManifest?] = [:]
    private var swiftProjects: [String: SwiftProject] = [:]
    private var roots: [String: String?] = [:]
    private var twilioProjects: [String: Bool] = [:]
    /// What exists on disk, asked by the project pass's import resolution.
    private var existing: [Existence: Bool] = [:]

    private struct Existence: Hashable {
        enum Kind { case pythonModule, scriptModule, folder }
        var kind: Kind
        var path: String
    }

    private func exists(_ kind: Existence.Kind, _ path: String, _ check: () -> Bool) -> Bool {
        let key = Existence(kind: kind, path: path)
        if let cached = locked({ existing[key] }) { return cached }
        let found = check()
        locked { existing[key] = found }
        return found
    }

    public init() {}

    // MARK: - Queries

    /// The nearest folder at or above `folder` that holds a `.git` entry.
    public func repositoryRoot(of folder: String) -> String? {
        if let cached = locked({ roots[folder] }) { return cached }
        var found: String?
        for candidate in Self.ancestors(of: folder) where facts(of: candidate).holdsRepository {
            found = candidate
            break
        }
        locked { roots[folder] = found }
        return found
    }

    /// The nearest `package.json` at or above `folder`, up to the repository root.
    public func nearestPackageManifest(from folder: String) -> PackageManifest? {
        if let cached = locked({ manifests[folder] }) { return cached }
        var found: PackageManifest?
        for candidate in walk(from: folder) {
            if let manifest = facts(of: candidate).packageJSON {
                found = manifest
                break
            }
        }
        locked { manifests[folder] = found }
        return found
    }

    /// Whether the nearest folder with a dependency manifest, from `folder` up to the
    /// repository root, depends on Twilio: the project pass links only such projects' files.
    public func dependsOnTwilio(from folder: String) -> Bool {
        if let cached = locked({ twilioProjects[folder] }) { return cached }
        // Asked for every file of a scan: a few `stat`s per new folder, and its parent's answer,
        // rather than a listing of every folder on the way up.
        let manager = FileManager.default
        let found: Bool
        if Self.manifestNames.contains(where: { manager.fileExists(atPath: folder + "/" + $0) }) {
            found = facts(of: folder).dependsOnTwilio ?? false
        } else if folder == "/" || folder.isEmpty || manager.fileExists(atPath: folder + "/.git") {
            found = false
        } else {
            let parent = folder.lastIndex(of: "/").map { $0 == folder.startIndex ? "/" : String(folder[..<$0]) } ?? "/"
            found = dependsOnTwilio(from: parent)
        }
        locked { twilioProjects[folder] = found }
        return found
    }

    /// The manifests `dependsOnTwilio` reads (requirements files of other names are read
    /// when one of these sits beside them).
    private static let manifestNames = ["package.json", "requirements.txt", "pyproject.toml", "Pipfile", "setup.py", "setup.cfg"]

    /// Whether `stem.py` or the package `stem/__init__.py` exists.
    func pythonModuleExists(_ stem: String) -> Bool {
        exists(.pythonModule, stem) {
            FileManager.default.fileExists(atPath: stem + ".py") || FileManager.default.fileExists(atPath: stem + "/__init__.py")
        }
    }

    /// Whether `path` is a folder.
    func folderExists(_ path: String) -> Bool {
        exists(.folder, path) {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
        }
    }

    /// Whether a JS/TS module `stem` (`stem.js`, `stem.ts`, …) exists.
    func scriptModuleExists(_ stem: String) -> Bool {
        exists(.scriptModule, stem) {
            ProjectImports.scriptExtensions.contains { FileManager.default.fileExists(atPath: stem + $0) }
        }
    }

    /// `folder` and its parents up to the repository root: where absolute imports are looked up.
    func foldersUp(from folder: String) -> [String] {
        walk(from: folder)
    }

    /// The nearest project folder of a Swift file in `folder`: the first folder on the
    /// way up (to the repository root) with an Apple app marker or a `Package.swift`.
    /// A server `Package.swift` wins over app markers in the same folder.
    public func swiftProject(from folder: String) -> SwiftProject {
        if let cached = locked({ swiftProjects[folder] }) { return cached }
        var found = SwiftProject.none
        for candidate in walk(from: folder) {
            let folderFacts = facts(of: candidate)
            if let package = folderFacts.packageSwift, let server = package.server {
                found = .server(manifest: package.path, framework: server)
                break
            }
            if let marker = folderFacts.appleMarker {
                found = .app(marker: marker)
                break
            }
            if let package = folderFacts.packageSwift {
                found = .package(manifest: package.path)
                break
            }
        }
        locked { swiftProjects[folder] = found }
        return found
    }

    // MARK: - Folders

    /// `folder` and its parents up to (and including) the repository root, or to `/`.
    private func walk(from folder: String) -> [String] {
        let root = repositoryRoot(of: folder)
        var result: [String] = []
        for candidate in Self.ancestors(of: folder) {
            result.append(candidate)
            if candidate == root { break }
        }
        return result
    }

    static func ancestors(of folder: String) -> [String] {
        var result: [String] = []
        var current = folder
        while true {
            result.append(current)
            guard current != "/", !current.isEmpty else { break }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current { break }
            current = parent.isEmpty ? "/" : parent
        }
        return result
    }

    private func facts(of folder: String) -> FolderFacts {
        if let cached = locked({ facts[folder] }) { return cached }
        let read = Self.readFacts(of: folder)
        locked { facts[folder] = read }
        return read
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    private static func readFacts(of folder: String) -> FolderFacts {
        var result = FolderFacts()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return result }
        let path = { (name: String) in folder == "/" ? "/" + name : folder + "/" + name }
        result.holdsRepository = names.contains(".git")
        if names.contains("package.json") {
            let manifest = packageJSON(at: path("package.json"))
            result.packageJSON = PackageManifest(folder: folder, dependencies: manifest.dependencies, scriptTargets: manifest.scriptTargets)
        }
        let pythonManifests = names.filter { $0 == "pyproject.toml" || $0 == "Pipfile" || $0 == "setup.py" || $0 == "setup.cfg"
            || ($0.hasPrefix("requirements") && $0.hasSuffix(".txt")) }
        if result.packageJSON != nil || !pythonManifests.isEmpty {
            result.dependsOnTwilio = result.packageJSON?.dependencies.contains("twilio") == true
                || pythonManifests.contains { contents(of: path($0))?.lowercased().contains("twilio") == true }
        }
        if names.contains("Package.swift") {
            let text = contents(of: path("Package.swift")) ?? ""
            result.packageSwift = (path("Package.swift"), serverFramework(inManifest: text))
        }
        let sorted = names.sorted()
        if let marker = sorted.first(where: { $0.hasSuffix(".xcodeproj") || $0.hasSuffix(".xcworkspace") })
            ?? sorted.first(where: { $0 == "Info.plist" }) {
            result.appleMarker = path(marker)
        } else if let entry = sorted.first(where: { $0.hasSuffix(".swift") && isAppEntry(contents(of: path($0)) ?? "") }) {
            result.appleMarker = path(entry)
        }
        return result
    }

    /// Names under `dependencies`, `devDependencies`, `peerDependencies` and `optionalDependencies`,
    /// and the source files named in its `scripts` commands.
    static func packageJSON(at path: String) -> (dependencies: Set<String>, scriptTargets: Set<String>) {
        // FileReader, not FileManager: a package.json that is a FIFO must not block the scan.
        guard let bytes = try? FileReader.read(path, limit: 16 << 20),
              let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else { return ([], []) }
        var names = Set<String>()
        for key in ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"] {
            if let table = object[key] as? [String: Any] { names.formUnion(table.keys) }
        }
        var targets = Set<String>()
        let scripts = object["scripts"] as? [String: Any] ?? [:]
        for case let command as String in scripts.values {
            for word in command.split(whereSeparator: { $0 == " " || $0 == "&" || $0 == ";" || $0 == "|" })
            where [".js", ".mjs", ".cjs", ".ts", ".mts", ".py"].contains(where: word.hasSuffix) {
                targets.insert(word.hasPrefix("./") ? String(word.dropFirst(2)) : String(word))
            }
        }
        return (names, targets)
    }

    /// `Vapor` or `Hummingbird` when a `Package.swift` depends on it.
    static func serverFramework(inManifest text: String) -> String? {
        let lowered = text.lowercased()
        if lowered.contains("vapor/vapor") || lowered.contains("name: \"vapor\"") { return "Vapor" }
        if lowered.contains("hummingbird") { return "Hummingbird" }
        return nil
    }

    /// A Swift app's entry point: `@main struct …: App` or a `UIApplicationDelegate`.
    static func isAppEntry(_ text: String) -> Bool {
        if text.contains("UIApplicationDelegate") || text.contains("NSApplicationDelegate") { return true }
        guard text.contains("@main") else { return false }
        return text.range(of: #"@main\s+(?:final\s+)?(?:struct|class)\s+\w+\s*:\s*(?:[\w.]+\s*,\s*)*(?:SwiftUI\.)?App\b"#,
                          options: .regularExpression) != nil
    }

    /// Small text files only: a project marker is never megabytes long.
    private static func contents(of path: String) -> String? {
        guard let bytes = try? FileReader.read(path, limit: 1 << 20) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
