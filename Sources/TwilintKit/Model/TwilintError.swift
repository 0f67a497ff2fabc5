/// Every error twilint shows a user, worded as one full sentence that names the
/// file, key or line and says what to do.
public enum TwilintError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A rule file that cannot be used; `location` is "file:line" when known.
    case invalidRuleFile(location: String, key: String?, problem: String)
    case duplicateRule(id: String, first: String, second: String)
    case unknownRule(String)
    case pathNotFound(String)
    case unreadable(path: String, reason: String)
    case invalidOption(option: String, problem: String)
    /// A `.twilint.yml` that cannot be used; `location` is "file:line" when known.
    case invalidConfiguration(location: String, key: String?, problem: String)
    /// A baseline file that cannot be used; `location` is "file:line" when known.
    case invalidBaseline(location: String, problem: String)
    /// A file twilint was asked to create or overwrite and could not.
    case unwritable(path: String, reason: String)
    /// A git command that failed (`--staged`, `--diff`); `problem` says what to do.
    case git(command: String, problem: String)

    public var description: String {
        switch self {
        case let .invalidRuleFile(location, key, problem):
            let at = key.map { " at key '\($0)'" } ?? ""
            return "\(location): invalid rule file\(at): \(problem)"
        case let .duplicateRule(id, first, second):
            return "rule \(id) is defined twice, in \(first) and in \(second); give one of them a new id"
        case let .unknownRule(name):
            return "no rule is called '\(name)'; run 'twilint rules' to list the ids and names"
        case let .pathNotFound(path):
            return "\(path): no such file or folder"
        case let .unreadable(path, reason):
            return "\(path): cannot be read: \(reason)"
        case let .invalidOption(option, problem):
            return "\(option): \(problem)"
        case let .invalidConfiguration(location, key, problem):
            let at = key.map { " at key '\($0)'" } ?? ""
            return "\(location): invalid configuration\(at): \(problem)"
        case let .invalidBaseline(location, problem):
            return "\(location): invalid baseline: \(problem); regenerate it with --write-baseline"
        case let .unwritable(path, reason):
            return "\(path): cannot be written: \(reason)"
        case let .git(command, problem):
            return "'\(command)' failed: \(problem)"
        }
    }
}
