import Dispatch
import Foundation

/// A value worked out on a thread of its own while the caller goes on; `value` waits
/// for it. A thread, not a dispatch queue: the work may block for long (reading a
/// git process), and a blocked pool thread holds up the scan's workers.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        Thread { [self] in
            result = work()
            done.leave()
        }.start()
    }

    /// The value, once the work is done (the group orders the write before this read).
    var value: Value {
        done.wait()
        return result!
    }
}
