/// A finding on a line one commit added, before the same secret's occurrences in
/// other commits are folded into one finding. Its `finding.matchHash` is the
/// SHA-256 of the matched text (whitespace runs made one space), so equal secrets
/// meet whatever file, line or commit they sit in.
struct Occurrence: Sendable {
    var finding: Finding
    var commit: Commit
    /// The file's place in its commit.
    var fileIndex: Int
    /// The matched text, kept only to ask whether HEAD still holds it; never reported.
    var secret: [UInt8]

    /// Oldest commit first (the log counts from the newest), then the file's place, then the finding's.
    static func historyOrder(_ lhs: Occurrence, _ rhs: Occurrence) -> Bool {
        if lhs.commit.sequence != rhs.commit.sequence { return lhs.commit.sequence > rhs.commit.sequence }
        if lhs.fileIndex != rhs.fileIndex { return lhs.fileIndex < rhs.fileIndex }
        return lhs.finding < rhs.finding
    }

    /// The key under which the same secret found again is the same finding.
    var secretKey: String { finding.ruleID + "\u{0}" + finding.matchHash }
}
