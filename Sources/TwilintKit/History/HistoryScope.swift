/// The part of a repository's history a `twilint history` run read, for the
/// reports (SARIF's `versionControlProvenance`, the text summary).
public struct HistoryScope: Codable, Hashable, Sendable {
    /// The `origin` remote's URL, or the repository's folder as a `file://` URI.
    public var repositoryURI: String
    /// The commit HEAD names; nil in a repository without commits.
    public var headRevision: String?
    /// The branch HEAD is on; nil when HEAD is detached.
    public var branch: String?
    /// Commits whose changes were read.
    public var commitsScanned = 0
    /// Files changed by those commits that were scanned.
    public var fileChangesScanned = 0

    public init(repositoryURI: String, headRevision: String?, branch: String?) {
        self.repositoryURI = repositoryURI
        self.headRevision = headRevision
        self.branch = branch
    }
}
