import Foundation
import TwilintKit

/// The folders the editor opened and the linters for their files, made as the
/// CLI makes them: the nearest `.twilint.yml` (up to the repository root), its
/// `rules-dir`, and the server's `--rules-dir`. One linter per configuration
/// file is kept until a configuration or rule file changes.
final class Workspace {
    /// A configuration or rule file that cannot be used, to show as a diagnostic on that file.
    struct Problem: Equatable {
        var path: String
        /// Zero-based, when the error names a line.
        var line: Int?
        var message: String
    }

    private(set) var folders: [String] = []
    private let rulesDirectories: [String]
    /// By configuration path, or by `none:<folder>` for files without one.
    private var linters: [String: Result<Linter, ProblemError>] = [:]

    struct ProblemError: Error { let problem: Problem }

    init(rulesDirectories: [String]) {
        self.rulesDirectories = rulesDirectories
    }

    func setFolders(_ paths: [String]) {
        folders = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        reload()
    }

    /// Forgets every linter, so the next lint reads the configuration again.
    func reload() { linters.removeAll() }

    /// The problems of the linters made so far, one per broken file.
    var problems: [Problem] {
        var seen: [Problem] = []
        for case .failure(let error) in linters.values where !seen.contains(error.problem) { seen.append(error.problem) }
        return seen.sorted { ($0.path, $0.line ?? 0) < ($1.path, $1.line ?? 0) }
    }

    /// The linter for the file at `path` (absolute), or the problem that stops one being made.
    func linter(for path: String) -> Result<Linter, ProblemError> {
        let folder = workingDirectory(for: path)
        let configuration = ConfigurationLocator.find(for: path, workingDirectory: folder)
        let key = configuration ?? "none:\(folder)"
        if let cached = linters[key] { return cached }
        let made: Result<Linter, ProblemError>
        do {
            let loaded = try configuration.map(ConfigurationLoader.load) ?? Configuration(directory: folder)
            var commandLine = RunSettings.CommandLine()
            commandLine.rulesDirectories = rulesDirectories
            let settings = try RunSettings.resolve(loaded, commandLine: commandLine, workingDirectory: folder)
            var options = settings.options
            options.jobs = 1
            // As `twilint check --report-unused-ignores`: stale directives show, unless the configuration ignores TW000.
            options.reportUnusedSuppressions = !settings.ignoresUnusedSuppressions
            options.offerFixes = true
            made = .success(try Linter(rules: settings.rules, options: options))
        } catch {
            made = .failure(ProblemError(problem: Self.problem(error, configuration: configuration, folder: folder)))
        }
        linters[key] = made
        return made
    }

    /// The workspace folder holding `path` (the deepest), or the file's own folder.
    func workingDirectory(for path: String) -> String {
        folder(holding: path) ?? (path as NSString).deletingLastPathComponent
    }

    /// The deepest workspace folder holding `path`, if any.
    func folder(holding path: String) -> String? {
        folders.filter { path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }.max { $0.count < $1.count }
    }

    /// Where an error points: `file:line` in the message's location, else the configuration file.
    static func problem(_ error: Error, configuration: String?, folder: String) -> Problem {
        let message = "\(error)"
        var location: String?
        switch error as? TwilintError {
        case .invalidConfiguration(let at, _, _)?, .invalidRuleFile(let at, _, _)?: location = at
        case .duplicateRule(_, _, let second)?: location = second
        default: break
        }
        guard let location else {
            return Problem(path: configuration ?? folder + "/" + ConfigurationLoader.fileName, line: nil, message: message)
        }
        let parts = location.split(separator: ":")
        if parts.count >= 2, let line = Int(parts.last!) {
            return Problem(path: Paths.absolute(parts.dropLast().joined(separator: ":"), in: folder), line: max(0, line - 1), message: message)
        }
        return Problem(path: Paths.absolute(location, in: folder), line: nil, message: message)
    }
}
