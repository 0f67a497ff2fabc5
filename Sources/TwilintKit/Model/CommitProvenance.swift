/// The commit that added a finding's line, for findings `twilint history` makes
/// in git's history rather than in files on disk.
public struct CommitProvenance: Codable, Hashable, Sendable {
    /// The full commit id.
    public var commit: String
    /// The author date, ISO 8601 in UTC (`2024-05-01T12:00:00Z`).
    public var authorDate: String
    /// The author's name; nil with `--no-author`.
    public var author: String?
    /// Whether the secret's text is still in a text file of HEAD's tree: "rotate now"
    /// rather than "already removed, rotate anyway"; nil when HEAD could not be searched.
    public var presentAtHead: Bool?
    /// How many commits added this secret (one finding stands for all of them; 1
    /// with `--all-occurrences`, where each is its own finding).
    public var occurrences: Int

    public init(commit: String, authorDate: String, author: String?, presentAtHead: Bool?, occurrences: Int) {
        self.commit = commit
        self.authorDate = authorDate
        self.author = author
        self.presentAtHead = presentAtHead
        self.occurrences = occurrences
    }
}
