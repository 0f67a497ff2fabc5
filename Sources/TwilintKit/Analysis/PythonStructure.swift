/// Python's blocks come from indentation: a block is the lines after a `:` that
/// are indented deeper than the line that opened it (brackets may wrap lines).
struct PythonStructure {
    let model: CodeModel

    init(_ model: CodeModel) { self.model = model }

    func functions() -> [FunctionScope] {
        var result: [FunctionScope] = []
        for index in model.tokens.indices where model.token(index, is: "def") && model.isIdentifier(index + 1) {
            guard model.token(index + 2, is: "("), model.partner[index + 2] > index + 2,
                  let colon = headerColon(after: model.partner[index + 2]) else { continue }
            let first = model.token(index - 1, is: "async") ? index - 1 : index
            let decorators = self.decorators(before: first)
            let body = block(afterColon: colon, indent: model.indentation(ofLineAt: model.tokens[index].range.lowerBound))
            let start = decorators.first?.lowerBound ?? model.tokens[first].range.lowerBound
            result.append(FunctionScope(
                kind: .function, name: model.text(ofToken: index + 1), anchor: model.tokens[index + 1].range,
                parameters: parameters(open: index + 2), decorators: decorators,
                extent: start..<max(start, body.upperBound), body: body))
        }
        return result
    }

    func tryBlocks() -> [TryBlock] {
        var result: [TryBlock] = []
        for index in model.tokens.indices where model.token(index, is: "try") && model.token(index + 1, is: ":") && model.startsLine(index) {
            let indent = model.indentation(ofLineAt: model.tokens[index].range.lowerBound)
            let body = block(afterColon: index + 1, indent: indent)
            var handlers: [TryBlock.Handler] = []
            var clause = model.tokenIndex(atOrAfter: body.upperBound)
            while clause < model.tokens.count, model.startsLine(clause),
                  model.indentation(ofLineAt: model.tokens[clause].range.lowerBound) == indent,
                  model.token(clause, is: "except") || model.token(clause, is: "else") || model.token(clause, is: "finally") {
                guard let colon = headerColon(after: clause) else { break }
                let clauseBody = block(afterColon: colon, indent: indent)
                if model.token(clause, is: "except") {
                    var types: [String] = []
                    var binding: String?
                    var cursor = clause + 1
                    while cursor < colon {
                        if model.token(cursor, is: "as"), model.isIdentifier(cursor + 1) {
                            binding = model.text(ofToken: cursor + 1)
                            cursor += 2
                            continue
                        }
                        // `twilio.base.exceptions.TwilioRestException` counts by its last name.
                        if model.isIdentifier(cursor), !model.token(cursor + 1, is: ".") { types.append(model.text(ofToken: cursor)) }
                        cursor += 1
                    }
                    handlers.append(TryBlock.Handler(keyword: model.tokens[clause].range, caughtTypes: types, binding: binding, body: clauseBody))
                }
                clause = model.tokenIndex(atOrAfter: clauseBody.upperBound)
            }
            result.append(TryBlock(body: body, handlers: handlers))
        }
        return result
    }

    /// The `:` that ends a header (`def f(x) -> T:`, `except X as e:`), at bracket depth 0.
    func headerColon(after index: Int) -> Int? {
        var cursor = index + 1
        let line = model.line(ofToken: index)
        while cursor < model.tokens.count {
            if model.partner[cursor] > cursor { cursor = model.partner[cursor] + 1; continue }
            if model.token(cursor, is: ":") { return cursor }
            // A header never spans lines outside brackets.
            if model.line(ofToken: cursor) != line { return nil }
            cursor += 1
        }
        return nil
    }

    /// The block after the `:` at token `colon`, for a header indented by `indent`.
    func block(afterColon colon: Int, indent: Int) -> Range<Int> {
        let start = model.tokens[colon].range.upperBound
        let headerLine = model.line(ofToken: colon)
        var cursor = colon + 1
        guard cursor < model.tokens.count else { return start..<start }
        // `def f(): return x` — a body on the header's line ends with that line.
        if model.line(ofToken: cursor) == headerLine {
            return start..<model.file.lineRange(containing: start).upperBound
        }
        // The block ends where the next line indented no deeper starts: looked up, not walked.
        if let stop = model.pythonLines.blockEnd(afterColon: colon, indent: indent) {
            let last = min(stop, model.tokens.count) - 1
            return start..<max(start, last > colon ? model.tokens[last].range.upperBound : start)
        }
        return walkedBlock(afterColon: colon, indent: indent)
    }

    /// The same block, found by walking its tokens: for a header whose line the index
    /// does not hold (inside brackets), and as the reference the index is tested against.
    func walkedBlock(afterColon colon: Int, indent: Int) -> Range<Int> {
        let start = model.tokens[colon].range.upperBound
        let headerLine = model.line(ofToken: colon)
        var cursor = colon + 1
        guard cursor < model.tokens.count else { return start..<start }
        if model.line(ofToken: cursor) == headerLine {
            return start..<model.file.lineRange(containing: start).upperBound
        }
        var end = start
        while cursor < model.tokens.count {
            let token = model.tokens[cursor]
            if model.startsLine(cursor), model.indentation(ofLineAt: token.range.lowerBound) <= indent { break }
            let last = model.partner[cursor] > cursor ? model.partner[cursor] : cursor
            end = model.tokens[last].range.upperBound
            cursor = last + 1
        }
        return start..<end
    }

    /// `@app.route("/sms", methods=["POST"])` lines above token `first`, top first.
    private func decorators(before first: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var cursor = first - 1
        while cursor >= 0 {
            var start = cursor
            if model.token(cursor, is: ")"), model.partner[cursor] >= 0 { start = model.partner[cursor] - 1 }
            while start >= 2, model.isIdentifier(start), model.token(start - 1, is: ".") { start -= 2 }
            guard model.isIdentifier(start), model.token(start - 1, is: "@") else { break }
            result.insert(model.tokens[start - 1].range.lowerBound..<model.tokens[cursor].range.upperBound, at: 0)
            cursor = start - 2
        }
        return result
    }

    private func parameters(open: Int) -> [String] {
        CallFinder(model).segments(from: open + 1, to: model.partner[open]).compactMap { segment in
            segment.first { model.isIdentifier($0) }.map(model.text(ofToken:))
        }
    }
}
