/// Lexical arithmetic on `/`-separated paths. It never touches the file system,
/// so it works for names that do not exist on disk (an editor buffer, a staged blob).
public enum Paths {
    /// `path` made absolute against the absolute folder `directory`, with `.`,
    /// `..` and repeated slashes resolved.
    public static func absolute(_ path: String, in directory: String) -> String {
        let joined = path.hasPrefix("/") ? path : directory + "/" + path
        var parts: [Substring] = []
        for part in joined.split(separator: "/") where part != "." {
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else {
                parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The absolute `path` relative to the absolute folder `base`: `src/app.py`,
    /// `../lib/x.py`, or `.` for `base` itself.
    public static func relative(_ path: String, to base: String) -> String {
        let target = path.split(separator: "/"), origin = base.split(separator: "/")
        var common = 0
        while common < target.count, common < origin.count, target[common] == origin[common] { common += 1 }
        let parts = Array(repeating: "..", count: origin.count - common) + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// The folder that holds the absolute `path`: `/a/b/c.py` → `/a/b`, `/c.py` → `/`.
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// Whether the absolute `path` is `folder` or lies inside it.
    public static func isInside(_ path: String, _ folder: String) -> Bool {
        folder == "/" || path == folder || path.hasPrefix(folder + "/")
    }
}
