import Dispatch
import Foundation

/// A one-line `twilint: 1234/5000 files` counter on a terminal, redrawn in place
/// at most every `interval`, shown only once a scan has run for `delay` (quick
/// scans never flicker), and erased when the scan ends.
public final class ProgressLine: ScanProgress, @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let clock: @Sendable () -> UInt64
    private let delay: UInt64
    private let interval: UInt64
    private let lock = NSLock()
    private var total = 0
    private var done = 0
    private var startedAt: UInt64 = 0
    private var drawnAt: UInt64?

    /// `write` receives the terminal output (standard error); `clock` gives
    /// monotonic nanoseconds. Delay and interval are in seconds.
    public init(delay: Double = 0.3, interval: Double = 0.1,
                clock: @escaping @Sendable () -> UInt64 = { DispatchTime.now().uptimeNanoseconds },
                write: @escaping @Sendable (String) -> Void) {
        self.write = write
        self.clock = clock
        self.delay = UInt64(delay * 1e9)
        self.interval = UInt64(interval * 1e9)
    }

    public func started() {
        lock.lock()
        defer { lock.unlock() }
        startedAt = clock()
    }

    /// The total grows while the walk runs; it is final long before the first draw
    /// (the walk takes milliseconds, the delay is 0.3 s).
    public func found(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        total += count
    }

    public func advanced() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = clock()
        guard now - startedAt >= delay, drawnAt.map({ now - $0 >= interval }) ?? true else { return }
        drawnAt = now
        write("\r\u{1B}[2Ktwilint: \(done)/\(total) files")
    }

    public func finished() {
        lock.lock()
        defer { lock.unlock() }
        if drawnAt != nil { write("\r\u{1B}[2K") }
        drawnAt = nil
    }
}
