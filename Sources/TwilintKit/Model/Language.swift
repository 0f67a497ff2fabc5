/// The kind of text a scanned file holds, decided from its name (and shebang).
public enum Language: String, Codable, CaseIterable, Sendable {
    case swift
    case python
    case javascript
    case typescript
    /// HTML, Vue and Svelte files: markup with `<script>` bodies.
    case html
    /// Key/value files: `.env*`, YAML, JSON, plist, xcconfig, properties, TOML, INI.
    case config
    /// Any other text file (Dockerfile, shell scripts, docs): secret rules only.
    case text

    /// True for the four source languages whose code rules understand.
    public var isSource: Bool {
        switch self {
        case .swift, .python, .javascript, .typescript: return true
        case .html, .config, .text: return false
        }
    }
}
