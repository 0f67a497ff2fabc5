import Foundation

/// Where a fix that needs a module puts its import, and whether the file has it.
enum Imports {
    /// Whether a line of `file`, in code, matches `pattern` from its first non-blank byte.
    static func binds(_ pattern: String, in file: SourceFile) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: "^[ \\t]*" + pattern, options: [.anchorsMatchLines]) else { return false }
        let text = file.text(0..<file.bytes.count)
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).contains { match in
            guard let range = Range(match.range, in: text) else { return false }
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: range.lowerBound)
            let start = offset + text[range].prefix { $0 == " " || $0 == "\t" }.utf8.count
            return file.kind(at: start) == .code
        }
    }

    /// The start of the first line that is code, after a shebang, comments, docstrings
    /// and Python's `from __future__` imports (which must come first); the end of the
    /// file when it holds no code.
    static func insertionPoint(in file: SourceFile) -> Int {
        for number in 1...max(1, file.lineCount) {
            let line = file.lineRange(number: number)
            guard let first = line.first(where: { file.bytes[$0] != ASCII.space && file.bytes[$0] != ASCII.tab }) else { continue }
            if number == 1, file.text(line).hasPrefix("#!") { continue }
            if file.kind(at: first) == .comment || file.text(first..<line.upperBound).hasPrefix("from __future__") { continue }
            return line.lowerBound
        }
        return file.bytes.count
    }
}
