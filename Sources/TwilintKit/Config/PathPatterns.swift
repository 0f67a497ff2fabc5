/// Globs in gitignore syntax, relative to one folder (the configuration file's):
/// `*.min.js` matches at any depth, `tests/fixtures/` a folder and everything
/// under it, `/build` only at the top, `**` any number of folders, `!` re-includes.
public struct PathPatterns: Sendable {
    /// Absolute folder the patterns are relative to.
    public let base: String
    /// The globs as written.
    public let patterns: [String]
    private let rules: Gitignore

    public init(_ patterns: [String], base: String) {
        self.base = base
        self.patterns = patterns
        rules = Gitignore(contents: patterns.joined(separator: "\n"), base: base)
    }

    /// Whether the file at the absolute `path` matches, or sits in a folder that does.
    public func matches(_ path: String) -> Bool {
        guard !patterns.isEmpty, Paths.isInside(path, base), path != base else { return false }
        let parts = Paths.relative(path, to: base).split(separator: "/")
        // As in git, a file inside an excluded folder cannot be re-included.
        for depth in parts.indices.dropLast() {
            let folder = parts[...depth].joined(separator: "/")
            if rules.isIgnored(relativePath: folder, isDirectory: true) == true { return true }
        }
        return rules.isIgnored(relativePath: parts.joined(separator: "/"), isDirectory: false) == true
    }
}
