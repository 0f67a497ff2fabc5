@testable import TwilintKit
import XCTest

final class ProgressLineTests: XCTestCase {
    private final class Recorder: @unchecked Sendable {
        var now: UInt64 = 0
        var output = ""
    }

    func testDrawsAfterTheDelayAtMostEveryIntervalAndErasesAtTheEnd() {
        let recorder = Recorder()
        let progress = ProgressLine(delay: 1, interval: 0.5, clock: { recorder.now }, write: { recorder.output += $0 })
        progress.started()
        progress.found(3)
        progress.found(1)
        recorder.now = 500_000_000
        progress.advanced()
        XCTAssertEqual(recorder.output, "", "nothing before the delay: quick scans never flicker")
        recorder.now = 1_000_000_000
        progress.advanced()
        recorder.now = 1_200_000_000
        progress.advanced()
        recorder.now = 1_600_000_000
        progress.advanced()
        progress.finished()
        XCTAssertEqual(recorder.output, "\r\u{1B}[2Ktwilint: 2/4 files\r\u{1B}[2Ktwilint: 4/4 files\r\u{1B}[2K")
    }

    func testAQuickScanLeavesNothingBehind() {
        let recorder = Recorder()
        let progress = ProgressLine(clock: { recorder.now }, write: { recorder.output += $0 })
        progress.started()
        progress.found(1)
        progress.advanced()
        progress.finished()
        XCTAssertEqual(recorder.output, "")
    }
}
