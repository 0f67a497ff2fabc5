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
    /// `firstBytes` is the start of the file, for shebang detection.
    public static func language(forPath path: String, firstBytes: [UInt8]) -> Language? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        if lockFileNames.contains(name) { return nil }
        if name == ".env" || name.hasPrefix(".env.") { return .config }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            let ext = name[name.index(after: dot)...].lowercased()
            return byExtension[ext] ?? .text
        }
        return shebangLanguage(firstBytes) ?? .text
    }

    private static func shebangLanguage(_ bytes: [UInt8]) -> Language? {
        guard bytes.starts(with: Array("#!".utf8)) else { return nil }
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
