import Matching

/// The patterns of one `.gitignore` file, matched against paths relative to the
/// folder that holds it, with git's rules: last match wins, `!` re-includes,
/// a trailing `/` matches folders only, a slash elsewhere anchors the pattern.
public struct Gitignore: Sendable {
    /// Consecutive lines that agree on `!`: any match among them gives the same
    /// decision, so "last match wins" becomes "last matching block wins", and each
    /// block is a few anchored alternations (a file of 100 lines costs a few
    /// searches per path, not 100). A line without a slash matches a path's last
    /// component; one with a slash matches the whole relative path.
    struct Block: Sendable {
        let negated: Bool
        let names: Alternation
        let paths: Alternation
    }

    /// The lines of one kind in a block: those that match files and folders, and
    /// those that end in `/` (folders only).
    struct Alternation: Sendable {
        let anyPath: [PCRE2Matcher]
        let foldersOnly: [PCRE2Matcher]

        init(_ lines: [Line]) {
            anyPath = Self.matchers(lines.filter { !$0.directoryOnly }.map(\.body))
            foldersOnly = Self.matchers(lines.filter(\.directoryOnly).map(\.body))
        }

        func matches(_ text: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool {
            func hit(_ matcher: PCRE2Matcher) -> Bool { (try? matcher.matches(text)) == true }
            return anyPath.contains(where: hit) || (isDirectory && foldersOnly.contains(where: hit))
        }

        /// `^(?:a|b|…)$`; if PCRE2 refuses it, one matcher per line, leaving out
        /// the lines whose glob makes no valid pattern.
        private static func matchers(_ bodies: [String]) -> [PCRE2Matcher] {
            guard !bodies.isEmpty else { return [] }
            if let combined = try? PCRE2Matcher("^(?:" + bodies.joined(separator: "|") + ")$") { return [combined] }
            return bodies.compactMap { try? PCRE2Matcher("^(?:\($0))$") }
        }
    }

    struct Line {
        let body: String
        let anchored: Bool
        let negated: Bool
        let directoryOnly: Bool
    }

    /// Absolute path of the folder the file sits in.
    public let base: String
    /// `base` with a trailing slash, as bytes: what the paths this file judges start with.
    let basePrefix: [UInt8]
    private let blocks: [Block]

    public init(contents: String, base: String) {
        self.base = base
        basePrefix = Array((base == "/" ? "/" : base + "/").utf8)
        var blocks: [Block] = []
        var pending: [Line] = []
        func close() {
            guard let negated = pending.first?.negated else { return }
            blocks.append(Block(negated: negated, names: Alternation(pending.filter { !$0.anchored }),
                                paths: Alternation(pending.filter(\.anchored))))
            pending = []
        }
        for line in contents.split(whereSeparator: \.isNewline).compactMap({ Self.line(String($0)) }) {
            if line.negated != pending.first?.negated { close() }
            pending.append(line)
        }
        close()
        self.blocks = blocks
    }

    /// The decision of this file for a path relative to `base`, or nil when no pattern speaks of it.
    public func isIgnored(relativePath: String, isDirectory: Bool) -> Bool? {
        var path = relativePath
        return path.withUTF8 { isIgnored(relativePath: $0, isDirectory: isDirectory) }
    }

    /// The same, for a path's bytes (the walk asks for every file and folder).
    func isIgnored(relativePath bytes: UnsafeBufferPointer<UInt8>, isDirectory: Bool) -> Bool? {
        let nameStart = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        let name = UnsafeBufferPointer(rebasing: bytes[nameStart...])
        for block in blocks.reversed()
        where block.names.matches(name, isDirectory: isDirectory) || block.paths.matches(bytes, isDirectory: isDirectory) {
            return !block.negated
        }
        return nil
    }

    private static func line(_ rawLine: String) -> Line? {
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
        return Line(body: globToRegex(line), anchored: anchored, negated: negated, directoryOnly: directoryOnly)
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
