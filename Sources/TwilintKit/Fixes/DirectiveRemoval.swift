/// The safe fixes for TW000 `unused-suppression`: a directive that silences
/// nothing goes (with its comment when the directive is all the comment holds,
/// and with its line when the comment is all the line holds); a directive that
/// names some rules that still fire loses only the idle ones.
enum DirectiveRemoval {
    /// Comment openers and closers, stripped to tell whether a comment holds more than the directive.
    private static let openerBytes = Set("#/*<!-\"' \t".utf8)
    private static let closers = ["*/", "-->", "\"\"\"", "'''"]

    /// The fix for `directive` of `file`, whose rules written as `idle` silence nothing
    /// (empty for a bare directive, which silences nothing at all).
    static func fix(for directive: SuppressionDirective, idle: [String], in file: SourceFile) -> Fix? {
        let remaining = directive.rules.filter { !idle.contains($0) }
        if !idle.isEmpty, !remaining.isEmpty {
            let replacement = "twilint: \(directive.kind.rawValue)[\(remaining.joined(separator: ", "))]"
            return Fix(title: "Remove \(idle.joined(separator: ", ")) from the directive", applicability: .safe,
                       edits: [Edit(directive.range, replacement)])
        }
        guard let removal = removalRange(of: directive, in: file) else { return nil }
        return Fix(title: "Remove the unused 'twilint: \(directive.text)'", applicability: .safe, edits: [Edit(removal, "")])
    }

    private static func removalRange(of directive: SuppressionDirective, in file: SourceFile) -> Range<Int>? {
        let start = directive.range.lowerBound
        let line = file.lineRange(containing: start)
        guard let comment = comment(containing: start, line: line, in: file) else { return nil }
        let lower = max(comment.lowerBound, line.lowerBound), upper = min(comment.upperBound, line.upperBound)
        let onOneLine = comment.lowerBound >= line.lowerBound && comment.upperBound <= line.upperBound
        let closer = onOneLine ? closers.first { file.text(lower..<upper).hasSuffix($0) } : nil
        let alone = file.bytes[lower..<start].allSatisfy(openerBytes.contains)
        let removal: Range<Int>
        if alone && onOneLine {
            removal = lower..<upper
        } else {
            // The directive and its reason, up to the comment's closer; the closer and other text stay.
            var end = upper - (closer?.utf8.count ?? 0)
            while end > start, isBlank(file.bytes[end - 1]) { end -= 1 }
            removal = start..<end
        }
        let before = file.bytes[line.lowerBound..<removal.lowerBound], after = file.bytes[removal.upperBound..<line.upperBound]
        if before.allSatisfy(isBlank) && after.allSatisfy(isBlank) {
            return line.lowerBound..<lineBreakEnd(after: line.upperBound, in: file)
        }
        var lowered = removal.lowerBound, raised = removal.upperBound
        while lowered > line.lowerBound, isBlank(file.bytes[lowered - 1]) { lowered -= 1 }
        // A comment that opened the line takes the blanks after it, so the code keeps its indentation.
        if lowered == line.lowerBound { while raised < line.upperBound, isBlank(file.bytes[raised]) { raised += 1 } }
        return lowered..<raised
    }

    /// The comment holding `offset`: the tokenizer's span, or in plain-text files the
    /// rest of the line from the last `#`, `//` or `<!--` before it.
    private static func comment(containing offset: Int, line: Range<Int>, in file: SourceFile) -> Range<Int>? {
        if file.language == .text {
            let before = file.text(line.lowerBound..<offset)
            let openers = ["#", "//", "<!--"].compactMap { before.range(of: $0, options: .backwards)?.lowerBound }
            guard let opener = openers.max() else { return nil }
            return line.lowerBound + before[..<opener].utf8.count..<line.upperBound
        }
        let spans = file.spans.spans
        let index = spans.partitioningIndex { $0.range.upperBound > offset }
        guard index < spans.count, spans[index].range.contains(offset), spans[index].kind == .comment else { return nil }
        return spans[index].range
    }

    private static func lineBreakEnd(after end: Int, in file: SourceFile) -> Int {
        var index = end
        if index < file.bytes.count, file.bytes[index] == ASCII.carriageReturn { index += 1 }
        if index < file.bytes.count, file.bytes[index] == ASCII.newline { index += 1 }
        return index
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == ASCII.space || byte == ASCII.tab }
}
