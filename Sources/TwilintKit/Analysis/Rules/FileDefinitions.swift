/// What the names of one file stand for, so a heuristic can follow a name to
/// its definition in the same file: functions (by their last name part),
/// types (`struct`/`class`/`actor`/`enum` bodies) and assigned values
/// (`const x = …`, `let x = …`, Python `x = …`).
struct FileDefinitions {
    private(set) var functionBodies: [String: [Range<Int>]] = [:]
    private(set) var typeBodies: [String: Range<Int>] = [:]
    /// The right-hand sides of assignments, by the assigned name.
    private(set) var values: [String: [Range<Int>]] = [:]
    /// The same, by name and by where the body of the function that assigns them opens (-1: module level).
    private var scopedValues: [String: [Int: [Range<Int>]]] = [:]

    init(_ model: CodeModel) {
        for function in model.functions {
            guard let name = function.name?.split(separator: ".").last.map(String.init) else { continue }
            functionBodies[name, default: []].append(function.body)
        }
        let python = model.file.language == .python
        let tokens = model.tokens
        for index in tokens.indices where model.isIdentifier(index) {
            if ["struct", "class", "actor", "enum"].contains(where: { model.token(index, is: $0) }), model.isIdentifier(index + 1) {
                if let body = python ? pythonClassBody(model, keyword: index) : braceBody(model, after: index + 1) {
                    typeBodies[model.text(ofToken: index + 1)] = body
                }
            } else if let equals = assignment(model, name: index, python: python), equals + 1 < tokens.count {
                let name = model.text(ofToken: index), value = statement(model, from: equals + 1)
                values[name, default: []].append(value)
                let scope = model.enclosingFunction(of: model.tokens[index].range.lowerBound)?.body.lowerBound ?? -1
                scopedValues[name, default: [:]][scope, default: []].append(value)
            }
        }
    }

    /// The ranges a name can stand for in code at `offset`: the file's functions and types
    /// of that name, and the values assigned to it at module level or in a function around
    /// `offset` (another function's local of the same name is another variable). Looked up
    /// by scope, so a name assigned in each of thousands of functions costs no pass over them.
    func ranges(named name: String, visibleFrom offset: Int, in model: CodeModel) -> [Range<Int>] {
        var found = (functionBodies[name] ?? []) + (typeBodies[name].map { [$0] } ?? [])
        guard let byScope = scopedValues[name] else { return found }
        for scope in [-1] + model.enclosingFunctions(of: offset).map(\.body.lowerBound) {
            found += byScope[scope] ?? []
        }
        return found
    }

    /// The `=` of `const x =`, `let x: Set<String> =`, Python `x =` / `x: list[str] =` at the start of a line.
    private func assignment(_ model: CodeModel, name: Int, python: Bool) -> Int? {
        guard python ? model.startsLine(name) : ["const", "let", "var"].contains(where: { model.token(name - 1, is: $0) }) else { return nil }
        if model.token(name + 1, is: "=") { return name + 1 }
        guard model.token(name + 1, is: ":") else { return nil }
        let line = model.line(ofToken: name)
        var cursor = name + 2
        while cursor < model.tokens.count, cursor < name + 30, model.line(ofToken: cursor) == line {
            if model.token(cursor, is: "=") { return cursor }
            if model.token(cursor, is: "{") || model.token(cursor, is: ";") { return nil }
            cursor = max(cursor, model.partner[cursor]) + 1
        }
        return nil
    }

    private func braceBody(_ model: CodeModel, after index: Int) -> Range<Int>? {
        var cursor = index + 1
        while cursor < model.tokens.count, cursor < index + 60 {
            if model.token(cursor, is: "{") {
                guard model.partner[cursor] > cursor else { return nil }
                return model.tokens[cursor].range.upperBound..<model.tokens[model.partner[cursor]].range.lowerBound
            }
            if model.token(cursor, is: ";") || model.token(cursor, is: "=") { return nil }
            cursor += 1
        }
        return nil
    }

    private func pythonClassBody(_ model: CodeModel, keyword: Int) -> Range<Int>? {
        let structure = PythonStructure(model)
        guard let colon = structure.headerColon(after: keyword + 1) else { return nil }
        return structure.block(afterColon: colon, indent: model.indentation(ofLineAt: model.tokens[keyword].range.lowerBound))
    }

    /// From token `start` to the end of its statement.
    private func statement(_ model: CodeModel, from start: Int) -> Range<Int> {
        model.tokens[start].range.lowerBound..<model.tokens[model.statementEnd(from: start) - 1].range.upperBound
    }
}
