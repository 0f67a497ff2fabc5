/// Told how a scan advances, for a progress line on a terminal. Called from the
/// worker threads, so implementations synchronise themselves.
public protocol ScanProgress: Sendable {
    /// The scan is about to read `total` files.
    func started(total: Int)
    /// One more file is done.
    func advanced()
    /// The scan is over.
    func finished()
}
