/// The edits `--add-suppressions` makes: an `ignore[…] -- reason` directive at
/// the end of each line with findings, in the language's comment syntax, or an
/// `ignore-next-line[…]` line above it when the line ends inside a string or a
/// block comment (or continues with `\`). A line that already has an `ignore[…]`
/// directive gets the new rules added to it.
public enum SuppressionInsertion {
    /// A line comment's opener and, for markup, its closer.
    struct CommentSyntax: Equatable {
        var opener: String
        var closer: String?
    }

    /// Edits for `findings` of the file `path` that holds `bytes`.
    public static func edits(for findings: [Finding], bytes: [UInt8], path: String, reason: String) -> [Edit] {
        let language = LanguageDetector.language(forPath: path, firstBytes: bytes) ?? .text
        return edits(for: findings, in: SourceFile(path: path, language: language, bytes: bytes), reason: reason)
    }

    /// Edits for `findings` of `file` (all in that file), each line's rules named once.
    static func edits(for findings: [Finding], in file: SourceFile, reason: String) -> [Edit] {
        let directives = DirectiveParser.directives(in: file)
        var byLine: [Int: (rules: [String], offset: Int)] = [:]
        // TW000 findings are directives themselves: a directive about a directive helps no one.
        for finding in findings where finding.ruleID != UnusedSuppression.rule.id {
            var entry = byLine[finding.start.line] ?? ([], finding.byteRange.lowerBound)
            if !entry.rules.contains(finding.ruleID) { entry.rules.append(finding.ruleID) }
            byLine[finding.start.line] = entry
        }
        return byLine.keys.sorted().compactMap { number in
            let (rules, offset) = byLine[number]!
            let ids = rules.sorted()
            if let existing = directives.first(where: { $0.line == number && $0.kind == .ignore && !$0.rules.isEmpty }) {
                return .insert(", " + ids.joined(separator: ", "), at: existing.range.upperBound - 1)
            }
            guard let syntax = commentSyntax(in: file, at: offset) else { return nil }
            let line = file.lineRange(number: number)
            func comment(_ kind: SuppressionDirective.Kind) -> String {
                let directive = "twilint: \(kind.rawValue)[\(ids.joined(separator: ", "))] -- \(reason)"
                return syntax.opener + " " + directive + (syntax.closer.map { " " + $0 } ?? "")
            }
            if endsInCode(line, in: file) { return .insert("  " + comment(.ignore), at: line.upperBound) }
            // A line of its own above, unless that would land inside a string or a statement continued with `\`.
            guard line.lowerBound == 0 || number > 1 && endsInCode(file.lineRange(number: number - 1), in: file) else { return nil }
            let indent = file.text(line.lowerBound..<(line.first { file.bytes[$0] != ASCII.space && file.bytes[$0] != ASCII.tab } ?? line.upperBound))
            let lineBreak = line.upperBound < file.bytes.count && file.bytes[line.upperBound] == ASCII.carriageReturn ? "\r\n" : "\n"
            return .insert(indent + comment(.ignoreNextLine) + lineBreak, at: line.lowerBound)
        }
    }

    /// How a comment is written where `offset` sits; nil for JSON, which has none.
    static func commentSyntax(in file: SourceFile, at offset: Int) -> CommentSyntax? {
        let name = LanguageDetector.fileName(file.path).lowercased()
        switch file.language {
        case .python, .text: return CommentSyntax(opener: "#")
        case .javascript, .typescript, .swift: return CommentSyntax(opener: "//")
        case .html:
            return file.kind(at: offset) == .markup ? CommentSyntax(opener: "<!--", closer: "-->") : CommentSyntax(opener: "//")
        case .config:
            if name.hasSuffix(".json") { return nil }
            if name.hasSuffix(".xcconfig") { return CommentSyntax(opener: "//") }
            if name.hasSuffix(".plist") || name.hasSuffix(".xml") { return CommentSyntax(opener: "<!--", closer: "-->") }
            return CommentSyntax(opener: "#")
        }
    }

    /// Whether a comment appended to `line` stays one: the line break after it is code
    /// (or markup), and the line does not continue onto the next with `\`.
    private static func endsInCode(_ line: Range<Int>, in file: SourceFile) -> Bool {
        if let last = line.last(where: { file.bytes[$0] != ASCII.space && file.bytes[$0] != ASCII.tab }),
           file.bytes[last] == ASCII.backslash, file.kind(at: last) != .comment { return false }
        guard line.upperBound < file.bytes.count else { return true }
        let kind = file.kind(at: line.upperBound)
        return kind == .code || kind == .markup
    }
}
