/// Turns a rule's match in a file into a `Finding`: positions, a snippet of the
/// line (windowed on long lines, the token redacted for secret rules) and a
/// line hash that survives the line moving.
struct FindingBuilder {
    let file: SourceFile
    /// Byte ranges of every secret found in the file, by start: hidden in every snippet they appear in.
    private let redactions: [Range<Int>]
    private let longestRedaction: Int
    /// Snippets of longer lines (minified code) are cut to a window around the token.
    static let snippetWindow = 120

    init(file: SourceFile, redactions: [Range<Int>]) {
        self.file = file
        self.redactions = redactions.sorted { $0.lowerBound < $1.lowerBound }
        longestRedaction = redactions.map(\.count).max() ?? 0
    }

    func finding(_ rule: Rule, at range: Range<Int>, details: [String: String] = [:]) -> Finding {
        let line = file.lineRange(containing: range.lowerBound)
        // A match may start or end in the line break (a pattern over `\r\n`): the
        // snippet marks the part of it that is on the line, possibly nothing.
        let token = range.clamped(to: line)
        var window = self.window(line.lowerBound..<token.lowerBound, keepingEnd: true).lowerBound
            ..< self.window(token.upperBound..<line.upperBound, keepingEnd: false).upperBound
        let hidden = redactions(overlapping: window)
        // Never cut a secret in half at the window's edge: widen the window over it.
        for secret in hidden {
            window = min(window.lowerBound, max(secret.lowerBound, line.lowerBound))..<max(window.upperBound, min(secret.upperBound, line.upperBound))
        }

        // The line in pieces: plain text, then each secret (redacted) or the token itself.
        var snippet = window.lowerBound > line.lowerBound ? "…" : ""
        var columns = 0..<0
        var cursor = window.lowerBound
        let pieces = (hidden.contains(token) ? hidden : hidden + [token]).sorted { $0.lowerBound < $1.lowerBound }
        for piece in pieces where piece.lowerBound >= cursor {
            snippet += file.text(cursor..<piece.lowerBound)
            let start = snippet.unicodeScalars.count
            let visible = piece.lowerBound..<min(piece.upperBound, window.upperBound)
            snippet += hidden.contains(piece) ? Redactor.redact(file.text(piece)) : file.text(visible)
            if piece == token { columns = start..<snippet.unicodeScalars.count }
            cursor = visible.upperBound
        }
        snippet += file.text(cursor..<window.upperBound) + (window.upperBound < line.upperBound ? "…" : "")

        return Finding(
            ruleID: rule.id, ruleName: rule.name, severity: rule.severity,
            message: rule.message(for: file.language, details: details), path: file.path,
            start: file.position(of: range.lowerBound), end: file.position(of: range.upperBound), byteRange: range,
            snippet: snippet, snippetColumns: columns,
            lineHash: Self.hash(rule.id + "\u{0}" + snippet.split(whereSeparator: \.isWhitespace).joined(separator: " ")))
    }

    /// The secrets that overlap `window`: a binary search, not a pass over every
    /// secret of the file for each finding (a long line can hold thousands).
    private func redactions(overlapping window: Range<Int>) -> [Range<Int>] {
        let first = redactions.partitioningIndex { $0.lowerBound >= window.lowerBound - longestRedaction }
        return redactions[first...].prefix { $0.lowerBound < window.upperBound }.filter { $0.overlaps(window) }
    }

    /// At most `snippetWindow` bytes of `range`, next to the token, cut on a character boundary.
    private func window(_ range: Range<Int>, keepingEnd: Bool) -> Range<Int> {
        guard range.count > Self.snippetWindow else { return range }
        if keepingEnd {
            var start = range.upperBound - Self.snippetWindow
            while start < range.upperBound, file.bytes[start] & 0xC0 == 0x80 { start += 1 }
            return start..<range.upperBound
        }
        var end = range.lowerBound + Self.snippetWindow
        while end > range.lowerBound, file.bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return range.lowerBound..<end
    }

    /// Appends `:n` to each line hash, n counting earlier findings with the same hash in
    /// the file, as GitHub code scanning does. `findings` must be one file's, sorted.
    static func numberLineHashes(_ findings: [Finding]) -> [Finding] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            var numbered = finding
            let occurrence = seen[finding.lineHash, default: 0]
            seen[finding.lineHash] = occurrence + 1
            numbered.lineHash = "\(finding.lineHash):\(occurrence + 1)"
            return numbered
        }
    }

    /// 64-bit FNV-1a, hex: stable across runs and platforms (unlike `Hasher`).
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// Hides secrets in output: the first 4 and last 2 characters stay, so a user can
/// still tell which credential it is (`AC12…9f`).
public enum Redactor {
    public static func redact(_ secret: String) -> String {
        let scalars = Array(secret.unicodeScalars)
        guard scalars.count > 8 else { return String(repeating: "*", count: max(scalars.count, 1)) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.prefix(4))
        view.append("…")
        view.append(contentsOf: scalars.suffix(2))
        return String(view)
    }
}
