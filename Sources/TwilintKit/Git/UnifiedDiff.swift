/// Reads `git diff --unified=0` output into the added line ranges of each file.
/// Hunk bodies are consumed by their line counts, so an added line that happens
/// to start with `+++ ` is never taken for a file header.
enum UnifiedDiff {
    /// New-side line ranges by path as git printed it after `b/` (relative to the repository's top).
    static func addedLines(_ diff: [UInt8]) -> [String: [ClosedRange<Int>]] {
        var result: [String: [ClosedRange<Int>]] = [:]
        var file: String?
        var oldLeft = 0, newLeft = 0
        for line in diff.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if oldLeft > 0 || newLeft > 0 {
                switch line.first {
                case UInt8(ascii: "-"): oldLeft -= 1
                case UInt8(ascii: "+"): newLeft -= 1
                case UInt8(ascii: " "): oldLeft -= 1; newLeft -= 1
                default: break
                }
                continue
            }
            if line.starts(with: "diff --git ".utf8) {
                file = nil
            } else if line.starts(with: "+++ ".utf8) {
                file = path(in: line.dropFirst(4))
            } else if line.starts(with: "@@ ".utf8), let hunk = hunk(String(decoding: line, as: UTF8.self)) {
                (oldLeft, newLeft) = (hunk.oldCount, hunk.newCount)
                if let file, hunk.newCount > 0 {
                    result[file, default: []].append(hunk.newStart...(hunk.newStart + hunk.newCount - 1))
                }
            }
        }
        return result
    }

    /// `@@ -a[,b] +c[,d] @@ …` → (b, c, d); a count left out is 1.
    static func hunk(_ header: String) -> (oldCount: Int, newStart: Int, newCount: Int)? {
        let words = header.split(separator: " ")
        guard words.count >= 3, words[1].hasPrefix("-"), words[2].hasPrefix("+") else { return nil }
        func range(_ word: Substring) -> (start: Int, count: Int)? {
            let parts = word.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            guard let start = Int(parts[0]) else { return nil }
            guard parts.count > 1 else { return (start, 1) }
            return Int(parts[1]).map { (start, $0) }
        }
        guard let old = range(words[1]), let new = range(words[2]) else { return nil }
        return (old.count, new.start, new.count)
    }

    /// The new side's first line in a hunk header of a plain diff (`@@ -a,b +c,d @@`)
    /// or a combined one (`@@@ -a,b -c,d +e,f @@@`, one `-` range per parent).
    static func newStart(ofHunk header: ArraySlice<UInt8>) -> Int? {
        var index = header.startIndex
        while index < header.endIndex, header[index] == UInt8(ascii: "@") { index += 1 }
        while index < header.endIndex {
            while index < header.endIndex, header[index] == UInt8(ascii: " ") { index += 1 }
            guard index < header.endIndex, header[index] != UInt8(ascii: "@") else { return nil }
            let isNew = header[index] == UInt8(ascii: "+")
            index += 1
            var value = 0, digits = 0
            while index < header.endIndex, let digit = Self.digit(header[index]) {
                value = value * 10 + digit
                digits += 1
                index += 1
            }
            if isNew { return digits > 0 ? value : nil }
            while index < header.endIndex, header[index] != UInt8(ascii: " ") { index += 1 }
        }
        return nil
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    /// The path of a `+++` header: `b/src/app.py`, `"b/tab\tname.py"` (C-quoted), or nil for `/dev/null`.
    static func path(in field: ArraySlice<UInt8>) -> String? {
        var bytes = Array(field)
        // git ends the name with a tab when it holds a space.
        if bytes.last == UInt8(ascii: "\t") { bytes.removeLast() }
        if bytes.first == UInt8(ascii: "\""), bytes.count >= 2, bytes.last == UInt8(ascii: "\"") {
            bytes = unquote(bytes.dropFirst().dropLast())
        }
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.hasPrefix("b/") else { return nil }
        return String(text.dropFirst(2))
    }

    /// Undoes git's C-style quoting: `\t`, `\n`, `\"`, `\\` and octal `\303\251`.
    private static func unquote(_ quoted: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        var index = quoted.startIndex
        while index < quoted.endIndex {
            let byte = quoted[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < quoted.endIndex else {
                result.append(byte)
                continue
            }
            let escaped = quoted[index]
            index += 1
            switch escaped {
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(escaped - UInt8(ascii: "0"))
                for _ in 0..<2 where index < quoted.endIndex && (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(quoted[index]) {
                    value = value * 8 + Int(quoted[index] - UInt8(ascii: "0"))
                    index += 1
                }
                result.append(UInt8(truncatingIfNeeded: value))
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "a"): result.append(0x07)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "v"): result.append(0x0B)
            default: result.append(escaped)
            }
        }
        return result
    }
}
