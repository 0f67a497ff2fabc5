import Matching

/// The patterns of one `.gitignore` file, matched against paths relative to the
/// folder that holds it, with git's rules: last match wins, `!` re-includes,
/// a trailing `/` matches folders only, a slash elsewhere anchors the pattern.
public struct Gitignore: Sendable {
    struct Entry: Sendable {
        let matcher: PCRE2Matcher
        let negated: Bool
        let directoryOnly: Bool
    }

    /// Absolute path of the folder the file sits in.
    public let base: String
    private let entries: [Entry]

    public init(contents: String, base: String) {
        self.base = base
        entries = contents.split(whereSeparator: \.isNewline).compactMap { Self.entry(String($0)) }
    }

    /// The decision of this file for a path relative to `base`, or nil when no pattern speaks of it.
    public func isIgnored(relativePath: String, isDirectory: Bool) -> Bool? {
        var path = relativePath
        return path.withUTF8 { bytes in
            for entry in entries.reversed() where !entry.directoryOnly || isDirectory {
                if (try? entry.matcher.matches(bytes)) == true { return !entry.negated }
            }
            return nil
        }
    }

    private static func entry(_ rawLine: String) -> Entry? {
        var line = Substring(rawLine)
        while line.hasSuffix(" ") && !line.hasSuffix("\\ ") { line = line.dropLast() }
        guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
        var negated = false
        if line.hasPrefix("!") { negated = true; line = line.dropFirst() }
        else if line.hasPrefix("\\!") || line.hasPrefix("\\#") { line = line.dropFirst() }
        var directoryOnly = false
        if line.hasSuffix("/") { directoryOnly = true; line = line.dropLast() }
        let anchored = line.contains("/")
        if line.hasPrefix("/") { line = line.dropFirst() }
        guard !line.isEmpty else { return nil }
        let body = globToRegex(line)
        let pattern = anchored ? "^\(body)$" : "(?:^|/)\(body)$"
        guard let matcher = try? PCRE2Matcher(pattern) else { return nil }
        return Entry(matcher: matcher, negated: negated, directoryOnly: directoryOnly)
    }

    /// Translates a gitignore glob into a PCRE2 pattern over `/`-separated paths.
    static func globToRegex(_ glob: Substring) -> String {
        var out = ""
        let chars = Array(glob)
        var index = 0
        while index < chars.count {
            let char = chars[index]
            switch char {
            case "*":
                if index + 1 < chars.count, chars[index + 1] == "*" {
                    let atStart = index == 0 || chars[index - 1] == "/"
                    let slashAfter = index + 2 < chars.count && chars[index + 2] == "/"
                    if atStart && slashAfter {
                        out += "(?:.*/)?"
                        index += 3
                        continue
                    }
                    out += ".*"
                    index += 2
                    continue
                }
                out += "[^/]*"
            case "?":
                out += "[^/]"
            case "[":
                if let close = chars[(index + 1)...].firstIndex(of: "]"), close > index + 1 {
                    var set = String(chars[(index + 1)..<close])
                    if set.hasPrefix("!") { set = "^" + set.dropFirst() }
                    out += "[" + set.replacingOccurrences(of: "\\", with: "\\\\") + "]"
                    index = close
                } else {
                    out += "\\["
                }
            case "\\":
                if index + 1 < chars.count {
                    index += 1
                    out += escape(chars[index])
                }
            default:
                out += escape(char)
            }
            index += 1
        }
        return out
    }

    private static func escape(_ char: Character) -> String {
        "\\^$.|+()[]{}*?".contains(char) ? "\\\(char)" : String(char)
    }
}
