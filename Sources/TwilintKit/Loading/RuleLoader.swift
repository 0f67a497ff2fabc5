import Foundation
import Yams

/// Reads rule files (YAML) into `Rule` values, refusing unknown keys and
/// malformed values with an error that names the file, line and key.
public enum RuleLoader {
    /// Parses one rule file. `source` names it in errors.
    public static func parse(_ yaml: String, source: String) throws -> Rule {
        try parseLoaded(yaml, source: source).rule
    }

    /// Parses one rule file, noting the line of each regex for compile errors.
    static func parseLoaded(_ yaml: String, source: String) throws -> LoadedRule {
        let node: Node
        do {
            guard let composed = try Yams.compose(yaml: yaml) else {
                throw TwilintError.invalidRuleFile(location: source, key: nil, problem: "the file is empty")
            }
            node = composed
        } catch let error as TwilintError {
            throw error
        } catch let error as YamlError {
            throw syntaxError(error, source: source)
        }
        try checkKeys(node, as: "rule", path: "", source: source)

        let rule: Rule
        do {
            rule = try YAMLDecoder().decode(Rule.self, from: node)
        } catch let error as DecodingError {
            throw describe(error, node: node, source: source)
        }
        try validate(rule, node: node, source: source)
        return LoadedRule(rule: rule, source: source, lines: regexLines(node))
    }

    /// `patterns[i].regex` and `patterns[i].anchor.regex` → the line each is on.
    private static func regexLines(_ node: Node) -> [String: Int] {
        var lines: [String: Int] = [:]
        for (index, pattern) in (node.mapping?["patterns"]?.sequence ?? []).enumerated() {
            if let mark = pattern.mapping?["regex"]?.mark { lines["patterns[\(index)].regex"] = mark.line }
            if let mark = pattern.mapping?["anchor"]?.mapping?["regex"]?.mark { lines["patterns[\(index)].anchor.regex"] = mark.line }
        }
        return lines
    }

    /// Reads every `*.yml`/`*.yaml` file of `directory`, sorted by name.
    public static func load(directory: String) throws -> [LoadedRule] {
        let url = URL(fileURLWithPath: directory)
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw TwilintError.unreadable(path: directory, reason: "not a readable folder of rule files")
        }
        return try names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().map { name in
            let path = url.appendingPathComponent(name).path
            let text = try YAMLFile.read(path) { TwilintError.invalidRuleFile(location: path, key: nil, problem: $0) }
            return try parseLoaded(text, source: path)
        }
    }

    private static func syntaxError(_ error: YamlError, source: String) -> TwilintError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return TwilintError.invalidRuleFile(
                location: "\(source):\(mark.line)", key: nil, problem: "not valid YAML: \(YAMLFile.problem(problem)) (column \(mark.column))")
        default:
            return TwilintError.invalidRuleFile(location: source, key: nil, problem: "not valid YAML: \(error)")
        }
    }

    // MARK: - Checks

    private static func checkKeys(_ node: Node, as kind: String, path: String, source: String) throws {
        guard let mapping = node.mapping else {
            if kind == "rule" {
                throw TwilintError.invalidRuleFile(
                    location: location(source, node), key: nil, problem: "expected a mapping of keys such as id, name, patterns")
            }
            return
        }
        let allowed = Rule.knownKeys[kind] ?? []
        for (keyNode, value) in mapping {
            guard let key = keyNode.string else { continue }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                throw TwilintError.invalidRuleFile(
                    location: location(source, keyNode), key: keyPath,
                    problem: "unknown key; expected one of \(allowed.sorted().joined(separator: ", "))")
            }
            switch (kind, key) {
            case ("rule", "patterns"):
                for (index, item) in (value.sequence ?? []).enumerated() {
                    try checkKeys(item, as: "pattern", path: "\(keyPath)[\(index)]", source: source)
                }
            case ("rule", "docs"), ("rule", "examples"), ("pattern", "anchor"):
                try checkKeys(value, as: key, path: keyPath, source: source)
            case ("examples", _):
                for (index, item) in (value.sequence ?? []).enumerated() where item.mapping != nil {
                    try checkKeys(item, as: "example", path: "\(keyPath)[\(index)]", source: source)
                }
            default:
                break
            }
        }
    }

    private static func validate(_ rule: Rule, node: Node, source: String) throws {
        func fail(_ key: String, _ problem: String) -> TwilintError {
            let keyNode = node.mapping?.first { $0.key.string == key.split(separator: "[").first.map(String.init) }
            return TwilintError.invalidRuleFile(
                location: location(source, keyNode?.value ?? node), key: key, problem: problem)
        }
        if !isRuleID(rule.id) {
            throw fail("id", "'\(rule.id)' is not an id like TW001 (capital letters then digits)")
        }
        if !isKebabCase(rule.name) {
            throw fail("name", "'\(rule.name)' is not a kebab-case name like hardcoded-twilio-sid")
        }
        if rule.patterns.isEmpty && rule.analyzer == nil { throw fail("patterns", "a rule needs at least one pattern or an analyzer") }
        if let analyzer = rule.analyzer, Analyzers.named(analyzer) == nil {
            throw fail("analyzer", "no analyzer is called '\(analyzer)'; known: \(Analyzers.names.joined(separator: ", "))")
        }
        if rule.examples.match.isEmpty { throw fail("examples", "list at least one example under 'match'") }
        if rule.examples.noMatch.isEmpty { throw fail("examples", "list at least one example under 'no-match'") }
        if let score = rule.securitySeverity, !(0...10).contains(score) {
            throw fail("security-severity", "\(score) is outside 0.0–10.0")
        }
        for name in rule.allow where Heuristics.exclusion(named: name) == nil {
            throw fail("allow", "no exclusion is called '\(name)'; known: \(Heuristics.exclusionNames.joined(separator: ", "))")
        }
        for name in rule.require where Heuristics.condition(named: name) == nil {
            throw fail("require", "no condition is called '\(name)'; known: \(Heuristics.conditionNames.joined(separator: ", "))")
        }
        if rule.keywords.contains(where: \.isEmpty) { throw fail("keywords", "a keyword cannot be empty") }
        for (index, pattern) in rule.patterns.enumerated() {
            if pattern.keywords?.contains(where: \.isEmpty) == true {
                throw fail("patterns[\(index)].keywords", "a keyword cannot be empty")
            }
            for name in pattern.require where Heuristics.condition(named: name) == nil {
                throw fail("patterns[\(index)].require",
                           "no condition is called '\(name)'; known: \(Heuristics.conditionNames.joined(separator: ", "))")
            }
            if let anchor = pattern.anchor, let problem = problem(with: anchor) {
                throw fail("patterns[\(index)].anchor", problem)
            }
        }
        for key in rule.messages.keys where Language(rawValue: key) == nil {
            throw fail("messages", "'\(key)' is not a language; use one of \(Language.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The longest distance an anchor may claim: past it, windows cover so much
    /// of a file that searching them costs more than searching the file.
    static let longestAnchorDistance = 4096

    private static func problem(with anchor: Rule.Pattern.Anchor) -> String? {
        switch (anchor.words, anchor.regex) {
        case (nil, nil), (.some, .some):
            return "give either 'words' or 'regex'"
        case (let words?, nil) where words.isEmpty || words.contains(where: \.isEmpty):
            return "'words' needs at least one word, and no word may be empty"
        default:
            break
        }
        for (key, value) in [("before", anchor.before), ("after", anchor.after)]
        where !(0...longestAnchorDistance).contains(value) {
            return "'\(key)' must be 0–\(longestAnchorDistance) bytes, not \(value)"
        }
        return nil
    }

    /// `TW001`, `ACME12`: capital letters, then digits (letters and digits may mix after the first).
    static func isRuleID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard let first = bytes.first, let last = bytes.last, (65...90).contains(first), (48...57).contains(last) else { return false }
        return bytes.allSatisfy { (65...90).contains($0) || (48...57).contains($0) }
    }

    /// `hardcoded-twilio-sid`: lower-case words of letters and digits joined by single hyphens.
    static func isKebabCase(_ name: String) -> Bool {
        guard let first = name.utf8.first, (97...122).contains(first), !name.hasSuffix("-"), !name.contains("--") else { return false }
        return name.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == UInt8(ascii: "-") }
    }

    private static func describe(_ error: DecodingError, node: Node, source: String) -> TwilintError {
        let (path, problem): ([CodingKey], String)
        switch error {
        case let .keyNotFound(key, context):
            (path, problem) = (context.codingPath + [key], "this key is required")
        case let .typeMismatch(type, context):
            (path, problem) = (context.codingPath, "expected \(typeName(type)); \(context.debugDescription)")
        case let .valueNotFound(type, context):
            (path, problem) = (context.codingPath, "expected \(typeName(type)), found nothing")
        case let .dataCorrupted(context):
            (path, problem) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, problem) = ([], "\(error)")
        }
        let keyPath = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            .replacingOccurrences(of: ".[", with: "[")
            .trimmingCharacters(in: CharacterSet(charactersIn: "."))
        return TwilintError.invalidRuleFile(
            location: location(source, find(path, in: node) ?? node), key: keyPath.isEmpty ? nil : keyPath, problem: problem)
    }

    private static func find(_ path: [CodingKey], in node: Node) -> Node? {
        var current = node
        for key in path {
            if let index = key.intValue, let items = current.sequence, index < items.count {
                current = items[index]
            } else if let value = current.mapping?[key.stringValue] {
                current = value
            } else {
                return current
            }
        }
        return current
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Double.Type: return "a number"
        case is [Any].Type: return "a list"
        default: return "\(type)".replacingOccurrences(of: "Swift.", with: "")
        }
    }

    private static func location(_ source: String, _ node: Node?) -> String {
        guard let mark = node?.mark else { return source }
        return "\(source):\(mark.line)"
    }
}
