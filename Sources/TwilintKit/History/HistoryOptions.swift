/// Which commits `twilint history` reads and how it reports them.
public struct HistoryOptions: Sendable {
    /// Branches, tags or commits whose history is read; empty reads HEAD's, `["all"]` every ref's.
    public var refs: [String] = []
    /// Leave out the commits reachable from this revision (`--since REF`).
    public var sinceRevision: String?
    /// Leave out commits older than this date, in any form git understands (`--since-date`).
    public var sinceDate: String?
    /// Read at most this many commits, newest first.
    public var maxCommits: Int?
    /// Name each finding's author (`--no-author` turns it off).
    public var includeAuthor = true
    /// One finding per commit that added a secret, instead of one per secret.
    public var allOccurrences = false

    public init() {}
}
