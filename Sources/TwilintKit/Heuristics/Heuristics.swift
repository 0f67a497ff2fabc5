/// A named check, written in Swift, that silences a pattern match a regex
/// cannot judge alone (placeholders, template syntax, hash names). Rule files
/// refer to exclusions by `name` under `allow`.
public protocol MatchExclusion: Sendable {
    var name: String { get }
    /// True when the token at `focus` should not be reported.
    func excludes(_ focus: Range<Int>, in file: SourceFile) -> Bool
}

/// A named check that must hold for a pattern's match to count. Rule files
/// refer to conditions by `name` under a pattern's `require`.
public protocol MatchCondition: Sendable {
    var name: String { get }
    func holds(for focus: Range<Int>, in file: SourceFile) -> Bool
    /// A cheap whole-file check: false means no match in this file can satisfy the condition.
    func mayHold(in file: SourceFile) -> Bool
    /// Judged only once the rule has something to report (through `holds`), not before its
    /// search or analyzer runs: a file role that costs more to work out than most files' scan.
    var judgesFindingsOnly: Bool { get }
}

extension MatchCondition {
    public func mayHold(in file: SourceFile) -> Bool { true }
    public var judgesFindingsOnly: Bool { false }
}

/// The registry of heuristics that rule files may name.
public enum Heuristics {
    static let exclusions: [any MatchExclusion] = [
        PlaceholderSID(), PlaceholderSecret(), TemplatePlaceholder(), HashNamedValue(),
    ]
    static let conditions: [any MatchCondition] = [
        CredentialShaped(), NearAccountSID(), MentionsTwilioHost(), TwilioContext(), HandWritten(), NotTestCode(), NotAScript(), NamesTwilioOrSID(),
    ]

    public static func exclusion(named name: String) -> (any MatchExclusion)? {
        exclusions.first { $0.name == name }
    }

    public static func condition(named name: String) -> (any MatchCondition)? {
        conditions.first { $0.name == name }
    }

    public static var exclusionNames: [String] { exclusions.map(\.name) }
    public static var conditionNames: [String] { conditions.map(\.name) }
}
