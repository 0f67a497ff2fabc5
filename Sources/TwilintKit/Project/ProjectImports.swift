import Foundation

/// The names a file binds to other modules of its project, resolved to the module each
/// names (a path without extension, as `ModuleFacts.identities` spell it):
/// JS/TS `import x from './a'`, `import { a, b as c } from '../lib/a'`, `import * as ns from
/// './a'`, `const x = require('./a')`, `const { a, b: c } = require('./a')` (relative
/// specifiers only); Python `from .a import b`, `from . import a`, `from app.a import b`,
/// `import app.a as u` (absolute modules found as files above the importing file).
struct ProjectImports {
    /// What one local name stands for: a module's export `name`, or the module itself (`*`).
    struct Binding: Equatable, Sendable {
        var module: String
        var name: String
    }

    static let wholeModule = "*"
    /// The extensions a JS/TS module's file may have; a specifier may name one or none.
    static let scriptExtensions = [".js", ".ts", ".mjs", ".cjs", ".jsx", ".tsx"]

    let model: CodeModel
    let location: FileLocation
    let lookup: ProjectLookup

    /// Local name → binding.
    func bindings() -> [String: Binding] {
        model.file.language == .python ? pythonBindings() : scriptBindings()
    }

    /// Whether a file may import a project module at all: checked on bytes before its model is built.
    static func mayImport(_ file: SourceFile) -> Bool {
        switch file.language {
        case .python: return file.contains("import ")
        case .javascript, .typescript: return file.contains("'.") || file.contains("\".") || file.contains("Runtime.get")
        default: return false
        }
    }

    // MARK: - JavaScript and TypeScript

    private func scriptBindings() -> [String: Binding] {
        var result: [String: Binding] = [:]
        for index in model.tokens.indices where model.tokens[index].kind == .string {
            if let (module, equals) = serverlessRequire(at: index) {
                requireTarget(before: equals, module: module, into: &result)
                continue
            }
            let specifier = CallFinder.unquoted(model.text(ofToken: index))
            guard specifier.hasPrefix("./") || specifier.hasPrefix("../") || specifier == "." || specifier == "..",
                  let module = resolveScript(specifier) else { continue }
            if model.token(index - 1, is: "from") {
                importClause(endingAt: index - 2, module: module, into: &result)
            } else if model.token(index - 1, is: "("), model.token(index - 2, is: "require"), model.token(index + 1, is: ")"),
                      model.token(index - 3, is: "=") {
                requireTarget(before: index - 3, module: module, into: &result)
            }
        }
        return result
    }

    /// The modules re-exported whole: `export * from './sms'` (not `export * as sms from`).
    func wholeReexports() -> [String] {
        model.tokens.indices.compactMap { index in
            guard model.tokens[index].kind == .string, model.token(index - 1, is: "from"), model.token(index - 2, is: "*"),
                  model.token(index - 3, is: "export") else { return nil }
            let specifier = CallFinder.unquoted(model.text(ofToken: index))
            return specifier.hasPrefix(".") ? resolveScript(specifier) : nil
        }
    }

    /// Twilio Functions' `require(Runtime.getAssets()['/providers/customers.js'].path)` (the
    /// service's `assets/providers/customers.private.js`) and `require(Runtime.getFunctions()['helpers'].path)`
    /// (`functions/helpers.private.js`), for the string token at `index`: the module and the `=` before `require`.
    private func serverlessRequire(at index: Int) -> (module: String, equals: Int)? {
        guard model.token(index - 1, is: "["), model.token(index - 2, is: ")"), model.token(index - 3, is: "("),
              model.token(index + 1, is: "]"), model.token(index + 2, is: "."), model.token(index + 3, is: "path"),
              model.token(index - 5, is: "."), model.token(index - 6, is: "Runtime"), model.token(index - 7, is: "("),
              model.token(index - 8, is: "require"), model.token(index - 9, is: "=") else { return nil }
        let folder: String
        switch model.text(ofToken: index - 4) {
        case "getAssets": folder = "assets"
        case "getFunctions": folder = "functions"
        default: return nil
        }
        guard let start = location.folder, let root = lookup.nearestPackageManifest(from: start)?.folder else { return nil }
        var key = CallFinder.unquoted(model.text(ofToken: index))
        if key.hasPrefix("/") { key.removeFirst() }
        for suffix in [".js", ".ts"] where key.hasSuffix(suffix) { key.removeLast(suffix.count) }
        for stem in ["\(root)/\(folder)/\(key).private", "\(root)/\(folder)/\(key).protected", "\(root)/\(folder)/\(key)"]
        where lookup.scriptModuleExists(stem) {
            return (stem, index - 9)
        }
        return nil
    }

    /// `import a, { b as c } from` / `import * as ns from`, read back from the token before `from`.
    private func importClause(endingAt last: Int, module: String, into result: inout [String: Binding]) {
        var cursor = last
        while cursor >= 0, !model.token(cursor, is: "import") {
            if model.token(cursor, is: "}"), model.partner[cursor] >= 0 {
                named(from: model.partner[cursor] + 1, to: cursor, module: module, rename: "as", into: &result)
                cursor = model.partner[cursor] - 1
                continue
            }
            if model.isIdentifier(cursor), !model.token(cursor, is: "as"), !model.token(cursor, is: "type") {
                let isNamespace = model.token(cursor - 1, is: "as") && model.token(cursor - 2, is: "*")
                result[model.text(ofToken: cursor)] = Binding(module: module, name: isNamespace ? Self.wholeModule : "default")
            }
            cursor -= 1
            if last - cursor > 64 { return }
        }
    }

    /// `const x = require(…)` or `const { a, b: c } = require(…)`, read back from the `=`.
    private func requireTarget(before equals: Int, module: String, into result: inout [String: Binding]) {
        let target = equals - 1
        if model.isIdentifier(target) {
            result[model.text(ofToken: target)] = Binding(module: module, name: Self.wholeModule)
        } else if model.token(target, is: "}"), model.partner[target] >= 0 {
            named(from: model.partner[target] + 1, to: target, module: module, rename: ":", into: &result)
        }
    }

    /// The names between braces: `a, b as c` (imports) or `a, b: c` (destructuring).
    private func named(from start: Int, to end: Int, module: String, rename: String, into result: inout [String: Binding]) {
        var cursor = start
        while cursor < end {
            guard model.isIdentifier(cursor) else { cursor += 1; continue }
            var exported = model.text(ofToken: cursor)
            if exported == "type", model.isIdentifier(cursor + 1) { cursor += 1; exported = model.text(ofToken: cursor) }
            var local = exported
            if model.token(cursor + 1, is: rename), model.isIdentifier(cursor + 2) {
                local = model.text(ofToken: cursor + 2)
                cursor += 2
            }
            result[local] = Binding(module: module, name: exported)
            cursor += 1
        }
    }

    private func resolveScript(_ specifier: String) -> String? {
        guard let folder = location.folder else { return nil }
        var path = (URL(fileURLWithPath: folder).appendingPathComponent(specifier).standardizedFileURL.path)
        for suffix in Self.scriptExtensions where path.hasSuffix(suffix) {
            path.removeLast(suffix.count)
        }
        return path
    }

    // MARK: - Python

    private func pythonBindings() -> [String: Binding] {
        var result: [String: Binding] = [:]
        for index in model.tokens.indices where model.startsLine(index) {
            if model.token(index, is: "from") {
                fromImport(at: index, into: &result)
            } else if model.token(index, is: "import") {
                plainImport(at: index, into: &result)
            }
        }
        return result
    }

    /// `from .a.b import c, d as e` / `from . import a` / `from app.a import (b, c)`.
    private func fromImport(at index: Int, into result: inout [String: Binding]) {
        var cursor = index + 1
        var dots = 0
        var parts: [String] = []
        while cursor < model.tokens.count, !model.token(cursor, is: "import") {
            if model.token(cursor, is: ".") { if parts.isEmpty { dots += 1 } } else if model.isIdentifier(cursor) { parts.append(model.text(ofToken: cursor)) } else { return }
            cursor += 1
        }
        guard model.token(cursor, is: "import"), let module = resolvePython(dots: dots, parts: parts) else { return }
        let line = model.line(ofToken: cursor)
        var names = cursor + 1
        if model.token(names, is: "(") { names += 1 }
        while names < model.tokens.count, model.line(ofToken: names) == line || model.partner[cursor + 1] > names {
            if model.isIdentifier(names) {
                let imported = model.text(ofToken: names)
                var local = imported
                if model.token(names + 1, is: "as"), model.isIdentifier(names + 2) {
                    local = model.text(ofToken: names + 2)
                    names += 2
                }
                // `from . import utils`: a submodule, if there is one by that name.
                let submodule = module.stem + "/" + imported
                result[local] = lookup.pythonModuleExists(submodule) ? Binding(module: submodule, name: Self.wholeModule)
                    : Binding(module: module.stem, name: imported)
            } else if !model.token(names, is: ","), !model.token(names, is: "("), !model.token(names, is: ")") {
                break
            }
            names += 1
        }
    }

    /// `import app.a as u` (binds `u`) and `import app.a` (binds `app.a`).
    private func plainImport(at index: Int, into result: inout [String: Binding]) {
        var cursor = index + 1
        var parts: [String] = []
        while model.isIdentifier(cursor) {
            parts.append(model.text(ofToken: cursor))
            guard model.token(cursor + 1, is: "."), model.isIdentifier(cursor + 2) else { break }
            cursor += 2
        }
        guard !parts.isEmpty, let module = resolvePython(dots: 0, parts: parts), module.isModule else { return }
        let local = model.token(cursor + 1, is: "as") && model.isIdentifier(cursor + 2) ? model.text(ofToken: cursor + 2) : parts.joined(separator: ".")
        result[local] = Binding(module: module.stem, name: Self.wholeModule)
    }

    /// The module a dotted name names, as a path stem: relative to the file's package for
    /// leading dots, else the first folder above the file (up to the repository root) that
    /// holds it. `isModule` is false for a package folder without its own file.
    private func resolvePython(dots: Int, parts: [String]) -> (stem: String, isModule: Bool)? {
        guard let folder = location.folder else { return nil }
        if dots > 0 {
            var base = folder
            for _ in 1..<dots { base = (base as NSString).deletingLastPathComponent }
            let stem = ([base] + parts).joined(separator: "/")
            return (stem, lookup.pythonModuleExists(stem))
        }
        for ancestor in lookup.foldersUp(from: folder) {
            let stem = ([ancestor] + parts).joined(separator: "/")
            if lookup.pythonModuleExists(stem) { return (stem, true) }
            // A namespace package: a folder without `__init__.py` whose modules are imported from it.
            if lookup.folderExists(stem) { return (stem, false) }
        }
        return nil
    }
}
