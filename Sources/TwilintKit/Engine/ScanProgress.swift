/// Told how a scan advances, for a progress line on a terminal. Called from the
/// walking and the worker threads, so implementations synchronise themselves.
public protocol ScanProgress: Sendable {
    /// The scan begins; files are found while earlier ones are already being read.
    func started()
    /// The walk found `count` more files to read.
    func found(_ count: Int)
    /// One more file is done.
    func advanced()
    /// The scan is over.
    func finished()
}
