/// Functions, closures and try blocks of the brace languages: JavaScript,
/// TypeScript and Swift.
struct BraceStructure {
    let model: CodeModel

    init(_ model: CodeModel) { self.model = model }

    private static let keywords: Set<String> = [
        "if", "for", "while", "switch", "catch", "with", "return", "function", "do", "else", "try", "guard", "init",
    ]

    func functions() -> [FunctionScope] {
        var result: [FunctionScope] = []
        let tokens = model.tokens
        for index in tokens.indices {
            if model.token(index, is: "function") || model.token(index, is: "func") {
                if let scope = declaredFunction(keyword: index) { result.append(scope) }
            } else if model.token(index, is: "=>") {
                if let scope = arrowFunction(arrow: index) { result.append(scope) }
            } else if model.token(index, is: "{"), model.file.language == .swift {
                if let scope = swiftClosure(open: index) { result.append(scope) }
            } else if model.file.language != .swift, model.isIdentifier(index), model.token(index + 1, is: "("),
                      !Self.keywords.contains(model.text(ofToken: index)), !model.token(index - 1, is: "function"),
                      !model.token(index - 1, is: "."), let scope = method(name: index) {
                result.append(scope)
            }
        }
        return result
    }

    func tryBlocks() -> [TryBlock] {
        var result: [TryBlock] = []
        let opener = model.file.language == .swift ? "do" : "try"
        for index in model.tokens.indices where model.token(index, is: opener) && model.token(index + 1, is: "{") {
            let close = model.partner[index + 1]
            guard close > index else { continue }
            var handlers: [TryBlock.Handler] = []
            var cursor = close + 1
            while model.token(cursor, is: "catch") {
                var open = cursor + 1
                // JS `catch ({ code })`: the brace of a destructuring pattern is not the body's.
                if model.token(open, is: "("), model.partner[open] > open { open = model.partner[open] + 1 }
                while open < model.tokens.count, !model.token(open, is: "{") { open += 1 }
                guard open < model.tokens.count, model.partner[open] > open else { break }
                let pattern = (cursor + 1)..<open
                handlers.append(TryBlock.Handler(
                    keyword: model.tokens[cursor].range, caughtTypes: caughtTypes(pattern), binding: binding(pattern),
                    body: model.tokens[open].range.upperBound..<model.tokens[model.partner[open]].range.lowerBound))
                cursor = model.partner[open] + 1
            }
            result.append(TryBlock(
                body: model.tokens[index + 1].range.upperBound..<model.tokens[close].range.lowerBound, handlers: handlers))
        }
        return result
    }

    // MARK: - Functions

    /// `function name(params) {}` and Swift `func name(params) async throws -> T {}`.
    private func declaredFunction(keyword: Int) -> FunctionScope? {
        var cursor = keyword + 1
        if model.token(cursor, is: "*") { cursor += 1 }
        var nameIndex: Int?
        if model.isIdentifier(cursor) { nameIndex = cursor; cursor += 1 }
        if model.token(cursor, is: "<"), let close = closingAngle(from: cursor) { cursor = close + 1 }
        guard model.token(cursor, is: "("), model.partner[cursor] > cursor else { return nil }
        let open = cursor
        guard let brace = bodyBrace(after: model.partner[open]) else { return nil }
        let name = nameIndex.map(model.text(ofToken:)) ?? assignedName(before: keyword)
        let anchor = nameIndex.map { model.tokens[$0].range } ?? model.tokens[keyword].range
        return scope(.function, name: name, anchor: anchor, parameters: parameters(open: open), start: keyword, brace: brace)
    }

    /// `(req, res) => {}`, `async event => …`, with the name it is assigned to.
    private func arrowFunction(arrow: Int) -> FunctionScope? {
        var paramsStart = arrow - 1
        var parameters: [String] = []
        if model.token(arrow - 1, is: ")"), model.partner[arrow - 1] >= 0 {
            paramsStart = model.partner[arrow - 1]
            parameters = self.parameters(open: paramsStart)
        } else if model.isIdentifier(arrow - 1) {
            parameters = [model.text(ofToken: arrow - 1)]
        } else if model.token(arrow - 1, is: "}") || model.token(arrow - 1, is: ">") {
            // `): Promise<Response> =>` or a typed parameter list: walk back to the `(`.
            var cursor = arrow - 1
            while cursor > 0, !model.token(cursor, is: ")") { cursor -= 1 }
            guard model.partner[cursor] >= 0 else { return nil }
            paramsStart = model.partner[cursor]
            parameters = self.parameters(open: paramsStart)
        } else {
            return nil
        }
        var first = paramsStart
        if model.token(first - 1, is: "async") { first -= 1 }
        let name = assignedName(before: first)
        let anchor = name != nil && model.isIdentifier(first - 2) ? model.tokens[first - 2].range : model.tokens[arrow].range
        if model.token(arrow + 1, is: "{"), model.partner[arrow + 1] > arrow + 1 {
            return scope(.function, name: name, anchor: anchor, parameters: parameters, start: first, brace: arrow + 1)
        }
        // An expression body runs to the end of the enclosing argument or statement.
        var end = arrow + 1
        while end < model.tokens.count {
            if model.partner[end] > end { end = model.partner[end] + 1; continue }
            if model.token(end, is: ",") || model.token(end, is: ";") || model.token(end, is: ")") || model.token(end, is: "}") || model.token(end, is: "]") { break }
            end += 1
        }
        guard end > arrow + 1 else { return nil }
        let body = model.tokens[arrow + 1].range.lowerBound..<model.tokens[end - 1].range.upperBound
        return FunctionScope(kind: .function, name: name, anchor: anchor, parameters: parameters, decorators: [],
                             extent: model.tokens[first].range.lowerBound..<body.upperBound, body: body)
    }

    /// JS/TS method shorthand `name(params) {}` in classes and object literals.
    private func method(name: Int) -> FunctionScope? {
        let open = name + 1
        // The body follows the parameters, or a TypeScript return type: a call statement
        // without a semicolon before `if (…) {` on the next line is no method.
        let after = model.partner[open] + 1
        guard model.partner[open] > open, model.token(after, is: "{") || (model.token(after, is: ":") && model.file.language == .typescript),
              let brace = bodyBrace(after: model.partner[open]) else { return nil }
        // A call followed by a block (`foo() {`) is not valid JS; a method it is.
        var start = name
        while start > 0, ["async", "static", "get", "set", "public", "private", "protected", "*"].contains(where: { model.token(start - 1, is: $0) }) {
            start -= 1
        }
        return scope(.function, name: model.text(ofToken: name), anchor: model.tokens[name].range,
                     parameters: parameters(open: open), start: start, brace: brace)
    }

    /// Swift `{ req in … }`, `{ (req: Request) async throws -> Response in … }`.
    private func swiftClosure(open: Int) -> FunctionScope? {
        let close = model.partner[open]
        guard close > open else { return nil }
        var cursor = open + 1
        var parameters: [String] = []
        while cursor < close, cursor < open + 40 {
            if model.token(cursor, is: "in") {
                guard cursor > open + 1 else { return nil }
                let anchor = model.tokens[open].range
                return FunctionScope(kind: .closure, name: nil, anchor: anchor, parameters: parameters, decorators: [],
                                     extent: anchor.lowerBound..<model.tokens[close].range.upperBound,
                                     body: model.tokens[cursor].range.upperBound..<model.tokens[close].range.lowerBound)
            }
            if model.partner[cursor] > cursor, model.token(cursor, is: "[") { cursor = model.partner[cursor] + 1; continue }
            let token = model.tokens[cursor]
            guard token.kind == .identifier || (token.kind == .punctuation && [":", ",", "(", ")", "->", ".", "?", "!", "<", ">", "[", "]"].contains(where: { model.token(cursor, is: $0) })) else { return nil }
            if token.kind == .identifier, model.token(cursor - 1, is: "(") || model.token(cursor - 1, is: ",") || cursor == open + 1 {
                parameters.append(model.text(ofToken: cursor))
            }
            cursor += 1
        }
        return nil
    }

    private func scope(_ kind: FunctionScope.Kind, name: String?, anchor: Range<Int>, parameters: [String], start: Int, brace: Int) -> FunctionScope {
        let close = model.partner[brace]
        return FunctionScope(kind: kind, name: name, anchor: anchor, parameters: parameters, decorators: [],
                             extent: model.tokens[start].range.lowerBound..<model.tokens[close].range.upperBound,
                             body: model.tokens[brace].range.upperBound..<model.tokens[close].range.lowerBound)
    }

    /// The `{` that opens a body after a parameter list, skipping `async throws -> T`, `: Promise<T>`, `where …`.
    private func bodyBrace(after close: Int) -> Int? {
        var cursor = close + 1
        while cursor < model.tokens.count, cursor < close + 40 {
            if model.token(cursor, is: "{") { return model.partner[cursor] > cursor ? cursor : nil }
            if model.token(cursor, is: ";") || model.token(cursor, is: "=>") || model.token(cursor, is: "=") || model.token(cursor, is: ",") { return nil }
            if model.token(cursor, is: "(") || model.token(cursor, is: "[") {
                // A tuple or array type: `-> (Data, URLResponse)`, `: Promise<[A, B]>`.
                guard model.partner[cursor] > cursor else { return nil }
                cursor = model.partner[cursor] + 1
                continue
            }
            if model.token(cursor, is: ")") || model.token(cursor, is: "}") { return nil }
            cursor += 1
        }
        return nil
    }

    private func closingAngle(from open: Int) -> Int? {
        var depth = 0
        for cursor in open..<min(model.tokens.count, open + 30) {
            if model.token(cursor, is: "<") { depth += 1 }
            if model.token(cursor, is: ">") { depth -= 1; if depth == 0 { return cursor } }
        }
        return nil
    }

    /// `const handler =`, `exports.handler =`, `module.exports.x =`, `handler:` before token `first`.
    private func assignedName(before first: Int) -> String? {
        guard model.token(first - 1, is: "=") || model.token(first - 1, is: ":") else { return nil }
        var cursor = first - 2
        guard model.isIdentifier(cursor) else { return nil }
        var parts = [model.text(ofToken: cursor)]
        while model.token(cursor - 1, is: "."), model.isIdentifier(cursor - 2) {
            cursor -= 2
            parts.insert(model.text(ofToken: cursor), at: 0)
        }
        return parts.joined(separator: ".")
    }

    /// The parameter names of `(a, b = 1, { body }: Req, _ req: Request)`.
    private func parameters(open: Int) -> [String] {
        guard model.partner[open] > open else { return [] }
        return CallFinder(model).segments(from: open + 1, to: model.partner[open]).compactMap { segment in
            let identifiers = segment.filter { model.isIdentifier($0) }
            guard let first = identifiers.first else { return "{}" }
            // Swift `_ req: Request` / `for req: Request`: the second name is the one in scope.
            if model.file.language == .swift, identifiers.count >= 2, model.token(identifiers[1] + 1, is: ":"), identifiers[1] == first + 1 {
                return model.text(ofToken: identifiers[1])
            }
            return model.text(ofToken: first)
        }
    }

    private func caughtTypes(_ pattern: Range<Int>) -> [String] {
        let skipped: Set<String> = ["let", "var", "as", "is", "where", "unknown", "any", "Error", "error", "err", "e"]
        var types: [String] = []
        var cursor = pattern.lowerBound
        while cursor < pattern.upperBound {
            // JS/TS `catch (e)` / `catch (e: unknown)` binds everything; Swift names types after `as`/`is`.
            if model.token(cursor, is: "as") || model.token(cursor, is: "is"), model.isIdentifier(cursor + 1) {
                var last = cursor + 1
                while model.token(last + 1, is: "."), model.isIdentifier(last + 2) { last += 2 }
                let name = model.text(ofToken: last)
                if !skipped.contains(name) || name == "Error" { types.append(name) }
                cursor = last + 1
                continue
            }
            if model.file.language == .swift, model.isIdentifier(cursor), model.token(cursor + 1, is: "."), !skipped.contains(model.text(ofToken: cursor)) {
                types.append(model.text(ofToken: cursor))
            }
            cursor += 1
        }
        return types
    }

    private func binding(_ pattern: Range<Int>) -> String? {
        if model.file.language == .swift {
            for cursor in pattern where model.token(cursor, is: "let") && model.isIdentifier(cursor + 1) {
                return model.text(ofToken: cursor + 1)
            }
            return pattern.isEmpty ? "error" : nil
        }
        return pattern.first { model.isIdentifier($0) }.map(model.text(ofToken:))
    }
}
