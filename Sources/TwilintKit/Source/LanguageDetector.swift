/// Decides a file's `Language` from its name, or from a shebang line when the
/// name has no extension.
public enum LanguageDetector {
    private static let byExtension: [String: Language] = [
        "swift": .swift,
        "py": .python, "pyi": .python,
        "js": .javascript, "mjs": .javascript, "cjs": .javascript, "jsx": .javascript,
        "ts": .typescript, "mts": .typescript, "cts": .typescript, "tsx": .typescript,
        "html": .html, "htm": .html, "vue": .html, "svelte": .html,
        "yml": .config, "yaml": .config, "json": .config, "plist": .config, "xcconfig": .config,
        "properties": .config, "toml": .config, "ini": .config, "cfg": .config, "env": .config,
    ]

    /// Package-manager lock files: generated, full of hashes, never hand-written secrets.
    public static let lockFileNames: Set<String> = [
        "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb",
        "Podfile.lock", "Package.resolved", "Cartfile.resolved", "poetry.lock", "Pipfile.lock",
        "uv.lock", "pdm.lock", "Gemfile.lock", "Cargo.lock", "composer.lock", "go.sum", "mix.lock",
    ]

    /// The language of a file, or nil when it is a lock file (never scanned).
    /// `bytes` is the file's content (only its first line is read, for a shebang).
    public static func language<C: Collection>(forPath path: String, firstBytes bytes: C) -> Language? where C.Element == UInt8 {
        let name = fileName(path)
        if lockFileNames.contains(name) { return nil }
        if name == ".env" || name.hasPrefix(".env.") { return .config }
        let utf8 = name.utf8
        if let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex {
            let ext = String(name[name.index(after: dot)...])
            return byExtension[ext] ?? byExtension[ext.lowercased()] ?? .text
        }
        return shebangLanguage(bytes.prefix(128)) ?? .text
    }

    /// The last component of a `/`-separated path.
    public static func fileName(_ path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
        return String(path[path.index(after: slash)...])
    }

    private static func shebangLanguage<C: Collection>(_ bytes: C) -> Language? where C.Element == UInt8 {
        guard bytes.starts(with: "#!".utf8) else { return nil }
        let line = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
        let words = line.dropFirst(2).split(whereSeparator: { $0 == " " || $0 == "/" })
        // `#!/usr/bin/env -S python3 -u` names the interpreter after `env` and its flags.
        guard let interpreter = words.first(where: { !$0.hasPrefix("-") && $0 != "usr" && $0 != "bin" && $0 != "env" && $0 != "local" })
        else { return nil }
        if interpreter.hasPrefix("python") { return .python }
        if interpreter == "node" || interpreter == "deno" || interpreter == "bun" { return .javascript }
        if interpreter == "ts-node" || interpreter == "tsx" { return .typescript }
        if interpreter == "swift" { return .swift }
        return nil
    }
}
