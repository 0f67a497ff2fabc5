import Foundation
import Yams

/// Reads `.twilint.yml` into a `Configuration`, refusing unknown keys and bad
/// values with an error that names the file, the line and the key.
public enum ConfigurationLoader {
    /// The name looked for in the scanned folder and its parents.
    public static let fileName = ".twilint.yml"

    /// Every key a configuration file may use.
    public static let keys = ["select", "ignore", "severity", "fail-on", "exclude", "per-file-ignores",
                              "rules-dir", "redact", "max-file-size"]

    /// Reads the file at the absolute `path`.
    public static func load(_ path: String) throws -> Configuration {
        let text = try YAMLFile.read(path) { TwilintError.invalidConfiguration(location: path, key: nil, problem: $0) }
        return try parse(text, file: path)
    }

    /// Parses configuration text; `file` (absolute) names it in errors and anchors relative paths.
    public static func parse(_ yaml: String, file: String) throws -> Configuration {
        var configuration = Configuration(directory: Paths.parent(file))
        configuration.file = file
        let reader = Reader(file: file)
        let composed: Node?
        do {
            composed = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw reader.syntaxError(error)
        }
        guard let root = composed, root.null == nil else { return configuration }
        guard let mapping = root.mapping else {
            throw reader.error(root, key: nil, "expected a mapping of settings such as select, exclude or severity")
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard keys.contains(key) else {
                throw reader.error(keyNode, key: key, "unknown key; expected one of \(keys.joined(separator: ", "))")
            }
            if value.null != nil { continue }
            switch key {
            case "select": configuration.select = try reader.rules(value, key: key)
            case "ignore": configuration.ignore = try reader.rules(value, key: key)
            case "severity": configuration.severity = try reader.severities(value)
            case "fail-on": configuration.failOn = try reader.failThreshold(value)
            case "exclude": configuration.exclude = try reader.strings(value, key: key)
            case "per-file-ignores": configuration.perFileIgnores = try reader.perFileIgnores(value)
            case "rules-dir":
                let folders = value.sequence == nil ? [try reader.string(value, key: key)] : try reader.strings(value, key: key)
                configuration.rulesDirectories = folders.map { Paths.absolute($0, in: configuration.directory) }
            case "redact": configuration.redact = try reader.bool(value, key: key)
            default: configuration.maxFileSize = try reader.positiveInteger(value, key: key)
            }
        }
        return configuration
    }

    /// Turns YAML nodes into values, or into errors that point at them.
    private struct Reader {
        let file: String

        func error(_ node: Node?, key: String?, _ problem: String) -> TwilintError {
            let location = node?.mark.map { "\(file):\($0.line)" } ?? file
            return TwilintError.invalidConfiguration(location: location, key: key, problem: problem)
        }

        func syntaxError(_ error: YamlError) -> TwilintError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                 let .composer(context, problem, mark, _):
                let detail = [context?.text, YAMLFile.problem(problem)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
                return TwilintError.invalidConfiguration(
                    location: "\(file):\(mark.line)", key: nil, problem: "not valid YAML (\(detail), column \(mark.column))")
            case let .duplicatedKeysInMapping(duplicates, context):
                return TwilintError.invalidConfiguration(
                    location: "\(file):\(context.mark.line)", key: duplicates.first,
                    problem: "the key is set twice; keep one of them")
            default:
                return TwilintError.invalidConfiguration(location: file, key: nil, problem: "not valid YAML (\(error))")
            }
        }

        func string(_ node: Node, key: String) throws -> String {
            guard let scalar = node.scalar, !scalar.string.isEmpty else {
                throw error(node, key: key, "expected a non-empty string")
            }
            return scalar.string
        }

        func strings(_ node: Node, key: String) throws -> [String] {
            guard let items = node.sequence else { throw error(node, key: key, "expected a list of strings") }
            return try items.enumerated().map { index, item in try string(item, key: "\(key)[\(index)]") }
        }

        func rules(_ node: Node, key: String) throws -> [Configuration.Located<String>] {
            guard let items = node.sequence else {
                throw error(node, key: key, "expected a list of rule ids or names, such as [TW001, hardcoded-auth-token]")
            }
            return try items.enumerated().map { index, item in
                let itemKey = "\(key)[\(index)]"
                return Configuration.Located(value: try string(item, key: itemKey), key: itemKey, line: item.mark?.line ?? 0)
            }
        }

        func severities(_ node: Node) throws -> [Configuration.SeverityOverride] {
            guard let mapping = node.mapping else {
                throw error(node, key: "severity", "expected a mapping of rule to severity, such as {TW002: warning}")
            }
            return try mapping.map { ruleNode, value in
                let rule = try string(ruleNode, key: "severity")
                let key = "severity.\(rule)"
                let names = Severity.allCases.map(\.rawValue)
                guard let text = value.scalar?.string, let severity = Severity(rawValue: text) else {
                    throw error(value, key: key, "expected one of \(names.joined(separator: ", "))")
                }
                return Configuration.SeverityOverride(
                    rule: Configuration.Located(value: rule, key: key, line: ruleNode.mark?.line ?? 0), severity: severity)
            }
        }

        func failThreshold(_ node: Node) throws -> FailThreshold {
            guard let text = node.scalar?.string, let threshold = FailThreshold(rawValue: text) else {
                throw error(node, key: "fail-on", "expected one of \(FailThreshold.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return threshold
        }

        func perFileIgnores(_ node: Node) throws -> [Configuration.FileIgnore] {
            guard let mapping = node.mapping else {
                throw error(node, key: "per-file-ignores", "expected a mapping of glob to rules, such as {\"tests/**\": [TW001]}")
            }
            return try mapping.map { patternNode, value in
                let pattern = try string(patternNode, key: "per-file-ignores")
                return Configuration.FileIgnore(pattern: pattern, rules: try rules(value, key: "per-file-ignores.\(pattern)"))
            }
        }

        func bool(_ node: Node, key: String) throws -> Bool {
            guard let value = node.bool else { throw error(node, key: key, "expected true or false") }
            return value
        }

        func positiveInteger(_ node: Node, key: String) throws -> Int {
            guard let value = node.int, value > 0 else { throw error(node, key: key, "expected a whole number of bytes above 0") }
            return value
        }
    }
}
