import Foundation

/// The secrets a history was known to hold, so that an old leak, already rotated,
/// is acknowledged once and only new ones fail. An entry is a rule and the
/// SHA-256 of the secret's text (a finding's `matchHash` in history): no path,
/// line or commit, as the same secret is the same leak wherever it was added,
/// and never the secret itself. One sorted, tab-separated entry per line.
public struct HistoryBaseline: Sendable {
    /// One known secret.
    public struct Entry: Hashable, Comparable, Sendable {
        public var rule: String
        /// 64 hex digits.
        public var secretHash: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.rule, lhs.secretHash) < (rhs.rule, rhs.secretHash)
        }
    }

    /// Sorted, without duplicates.
    public let entries: [Entry]

    static let header = """
        # twilint history baseline 1: secrets known to be in the history, reported no more.
        # One per line: rule, SHA-256 of the secret. Regenerate with twilint history --write-baseline.
        """

    /// A baseline of the secrets of `findings` (a history report's, suppressed ones included).
    public init(findings: [Finding]) {
        entries = Set(findings.map { Entry(rule: $0.ruleID, secretHash: $0.matchHash) }).sorted()
    }

    private init(entries: [Entry]) {
        self.entries = Set(entries).sorted()
    }

    /// Reads the baseline file at the absolute `path`.
    public static func load(_ path: String) throws -> HistoryBaseline {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TwilintError.unreadable(path: path, reason: "no such baseline file, or permission denied; create it with twilint history --write-baseline")
        }
        var entries: [Entry] = []
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty,
                  fields[1].range(of: "^[0-9a-f]{64}$", options: .regularExpression) != nil else {
                throw TwilintError.invalidBaseline(
                    location: "\(path):\(index + 1)",
                    problem: "expected a rule id and the secret's SHA-256 (64 hex digits), separated by a tab (is this a 'twilint check' baseline?)")
            }
            entries.append(Entry(rule: String(fields[0]), secretHash: String(fields[1])))
        }
        return HistoryBaseline(entries: entries)
    }

    /// The file's text.
    public var text: String {
        Self.header + "\n" + entries.map { "\($0.rule)\t\($0.secretHash)\n" }.joined()
    }

    /// Removes from `report` the findings whose secret this baseline records, counting them in `report.baselined`.
    public func filter(_ report: inout Report) {
        let known = Set(entries)
        let before = report.findings.count
        report.findings.removeAll { known.contains(Entry(rule: $0.ruleID, secretHash: $0.matchHash)) }
        report.baselined += before - report.findings.count
    }
}
