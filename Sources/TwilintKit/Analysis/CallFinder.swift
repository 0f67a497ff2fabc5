/// Finds calls `a.b.c(args)` in a `CodeModel`'s tokens, with their arguments.
struct CallFinder {
    let model: CodeModel

    init(_ model: CodeModel) { self.model = model }

    /// Words that are followed by `(` without being calls.
    private static let notCallees: Set<String> = [
        "if", "elif", "for", "while", "switch", "catch", "return", "function", "func", "def", "class",
        "except", "with", "not", "and", "or", "in", "typeof", "await", "yield", "guard", "init", "super",
        "print", "assert", "del", "lambda", "case", "when", "where", "as", "is", "throw", "new", "async",
    ]
    private static let definers: Set<String> = ["def", "function", "func", "class", "struct", "enum", "protocol", "extension"]

    func calls() -> [CallSite] {
        let tokens = model.tokens
        var found: [CallSite] = []
        for index in tokens.indices.dropLast() where tokens[index].kind == .identifier && model.token(index + 1, is: "(") {
            let close = model.partner[index + 1]
            guard close > index else { continue }
            let name = model.text(ofToken: index)
            if Self.notCallees.contains(name) { continue }
            if index > 0, tokens[index - 1].kind == .identifier, Self.definers.contains(model.text(ofToken: index - 1)) { continue }
            if isMethodDefinition(nameIndex: index, close: close) { continue }

            let (callee, start) = chain(endingAt: index)
            var trailing: Range<Int>?
            var end = tokens[close].range.upperBound
            if model.file.language == .swift, model.token(close + 1, is: "{"), model.partner[close + 1] > close {
                let closureEnd = model.partner[close + 1]
                trailing = tokens[close + 1].range.lowerBound..<tokens[closureEnd].range.upperBound
                end = tokens[closureEnd].range.upperBound
            }
            found.append(CallSite(
                callee: callee, name: tokens[index].range,
                extent: tokens[start].range.lowerBound..<end,
                argumentList: tokens[index + 1].range.upperBound..<tokens[close].range.lowerBound,
                arguments: arguments(open: index + 1, close: close),
                trailingClosure: trailing))
        }
        return found
    }

    /// JS/TS `name(params) {`: a method definition, not a call (in Swift it is a trailing closure).
    private func isMethodDefinition(nameIndex: Int, close: Int) -> Bool {
        guard model.file.language == .javascript || model.file.language == .typescript else { return false }
        var next = close + 1
        if model.token(next, is: ":") {
            // A return type annotation: skip to the body's brace.
            while next < model.tokens.count, !model.token(next, is: "{"), !model.token(next, is: ";"), !model.token(next, is: "=>") { next += 1 }
        }
        return model.token(next, is: "{")
    }

    /// The callee chain ending at the name token, with call arguments dropped, and its first token.
    private func chain(endingAt index: Int) -> (String, Int) {
        var parts = [model.text(ofToken: index)]
        var start = index
        while start >= 2, model.token(start - 1, is: ".") || model.token(start - 1, is: "?.") {
            let previous = start - 2
            if model.isIdentifier(previous) {
                parts.insert(model.text(ofToken: previous), at: 0)
                start = previous
            } else if model.token(previous, is: ")") || model.token(previous, is: "]"), model.partner[previous] >= 1,
                      model.isIdentifier(model.partner[previous] - 1) {
                let open = model.partner[previous]
                parts.insert(model.text(ofToken: open - 1) + (model.token(previous, is: ")") ? "()" : "[]"), at: 0)
                start = open - 1
            } else {
                break
            }
        }
        return (parts.joined(separator: "."), start)
    }

    private func arguments(open: Int, close: Int) -> [CallSite.Argument] {
        segments(from: open + 1, to: close).map { segment in
            var valueStart = segment.lowerBound
            var label: String?
            let language = model.file.language
            if model.isIdentifier(segment.lowerBound), segment.count > 2 {
                // Python `to=x` (not `==`), Swift `to: x`.
                if (language == .python && model.token(segment.lowerBound + 1, is: "="))
                    || (language == .swift && model.token(segment.lowerBound + 1, is: ":")) {
                    label = model.text(ofToken: segment.lowerBound)
                    valueStart = segment.lowerBound + 2
                }
            }
            let value = model.tokens[valueStart].range.lowerBound..<model.tokens[segment.upperBound - 1].range.upperBound
            var keys: [(String, Range<Int>)] = []
            if let open = objectLiteral(in: valueStart..<segment.upperBound) {
                keys = objectKeys(open: open, close: model.partner[open])
            }
            return CallSite.Argument(label: label, value: value, objectKeys: keys)
        }
    }

    /// The `{` of the object literal that the tokens `range` are, through parentheses and
    /// TypeScript's assertions: `({ … })`, `{ … } as any`, `{ … } satisfies T`, `<T>{ … }`.
    private func objectLiteral(in range: Range<Int>) -> Int? {
        var first = range.lowerBound, last = range.upperBound - 1
        while first < last, model.token(first, is: "("), model.partner[first] == last {
            first += 1
            last -= 1
        }
        if model.token(first, is: "<") {
            while first < last, !model.token(first, is: ">") { first += 1 }
            first += 1
        }
        guard first <= last, model.token(first, is: "{"), model.partner[first] > first, model.partner[first] <= last else { return nil }
        let close = model.partner[first]
        return close == last || model.token(close + 1, is: "as") || model.token(close + 1, is: "satisfies") ? first : nil
    }

    /// `{ to: x, 'from': y, body }`: the keys and their values (a value without TypeScript's
    /// `!` and `as T`: `to: phone!` and `to: phone as string` send `phone`).
    func objectKeys(open: Int, close: Int) -> [(key: String, value: Range<Int>)] {
        segments(from: open + 1, to: close).compactMap { segment in
            let first = segment.lowerBound
            let token = model.tokens[first]
            if segment.count >= 3, model.token(first + 1, is: ":"), token.kind == .identifier || token.kind == .string {
                let key = token.kind == .string ? Self.unquoted(model.text(ofToken: first)) : model.text(ofToken: first)
                var last = segment.upperBound - 1
                var cursor = first + 3
                while cursor < segment.upperBound {
                    if model.token(cursor, is: "as") || model.token(cursor, is: "satisfies") {
                        last = cursor - 1
                        break
                    }
                    cursor = max(cursor, model.partner[cursor]) + 1
                }
                if last > first + 2, model.token(last, is: "!") { last -= 1 }
                let value = model.tokens[first + 2].range.lowerBound..<model.tokens[last].range.upperBound
                return (key, value)
            }
            if segment.count == 1, token.kind == .identifier {
                return (model.text(ofToken: first), token.range)
            }
            return nil
        }
    }

    /// Token index ranges between top-level commas of `[from, to)`.
    func segments(from: Int, to: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = from
        var index = from
        while index < to {
            if model.partner[index] > index {
                index = model.partner[index] + 1
                continue
            }
            if model.token(index, is: ",") {
                if index > start { result.append(start..<index) }
                start = index + 1
            }
            index += 1
        }
        if to > start { result.append(start..<to) }
        return result
    }

    /// The text of a string literal without its prefix (`rb`, `f`…) and quotes.
    static func unquoted(_ literal: String) -> String {
        var bytes = Substring(literal).utf8.drop { "rbufRBUF".utf8.contains($0) }
        let quotes = "\"'`".utf8
        while let first = bytes.first, quotes.contains(first) { bytes = bytes.dropFirst() }
        while let last = bytes.last, quotes.contains(last) { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
