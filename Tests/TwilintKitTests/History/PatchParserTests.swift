@testable import TwilintKit
import XCTest

final class PatchParserTests: XCTestCase {
    /// Parses `log` (lines joined by line breaks) and returns the file changes.
    private func changes(_ log: String, sizeLimit: Int = 1 << 20) -> (changes: [FileChange], counts: PatchParser.Counts) {
        var parser = PatchParser(sizeLimit: sizeLimit)
        var found: [FileChange] = []
        for line in log.split(separator: "\n", omittingEmptySubsequences: false) {
            Array(line.utf8).withUnsafeBufferPointer { parser.consume($0) { found.append($0) } }
        }
        parser.finish { found.append($0) }
        return (found, parser.counts)
    }

    func testAddedLinesKeepTheirLineNumbersAcrossHunks() throws {
        let log = """
            \u{1}aaaa\u{0}1704110400\u{0}Ada
            
            diff --git a/app.py b/app.py
            index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644
            --- a/app.py
            +++ b/app.py
            @@ -2 +2,2 @@ def main():
            -old
            +first
            +second
            @@ -9,0 +10 @@
            ++++ not a header
            \\ No newline at end of file
            """
        let (found, counts) = changes(log)
        XCTAssertEqual(counts.commits, 1)
        let change = try XCTUnwrap(found.first)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(change.path, "app.py")
        XCTAssertEqual(change.blob, "2222222222222222222222222222222222222222")
        XCTAssertEqual(change.commit.author, "Ada")
        XCTAssertEqual(String(decoding: change.bytes, as: UTF8.self), "first\nsecond\n+++ not a header\n")
        XCTAssertEqual([1, 2, 3].map(change.fileLine), [2, 3, 10])
    }

    func testCombinedDiffsKeepOnlyWhatTheMergeItselfAdded() throws {
        let log = """
            \u{1}bbbb\u{0}1704110400\u{0}Ada
            
            diff --cc f
            index a17c27c,fcf9ee8..32db85b
            --- a/f
            +++ b/f
            @@@ -4,0 -3,1 +4,2 @@@
            + side
            ++evil
            """
        let change = try XCTUnwrap(changes(log).changes.first)
        XCTAssertEqual(String(decoding: change.bytes, as: UTF8.self), "evil\n", "' side' came from one parent")
        XCTAssertEqual(change.fileLine(1), 5)
        XCTAssertEqual(change.blob, "32db85b")
    }

    func testDeletionsBinariesLinksAndOversizedFiles() {
        let log = """
            \u{1}cccc\u{0}0\u{0}Ada
            
            diff --git a/gone.py b/gone.py
            deleted file mode 100644
            index 1111111..0000000
            --- a/gone.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -x
            diff --git a/logo.png b/logo.png
            new file mode 100644
            index 0000000..3333333
            Binary files /dev/null and b/logo.png differ
            diff --git a/link b/link
            new file mode 120000
            index 0000000..4444444
            --- /dev/null
            +++ b/link
            @@ -0,0 +1 @@
            +target
            diff --git a/big.txt b/big.txt
            index 0000000..5555555 100644
            --- /dev/null
            +++ b/big.txt
            @@ -0,0 +1,2 @@
            +0123456789
            +0123456789
            """
        let (found, counts) = changes(log, sizeLimit: 15)
        XCTAssertEqual(counts.binary, 1)
        XCTAssertEqual(found.map(\.path), ["big.txt"], "deleted files add nothing; a symbolic link is no text")
        XCTAssertEqual(found.first?.oversize, 22)
        XCTAssertEqual(found.first?.bytes, [])
    }

    /// A log read from its oldest commit numbers its commits down, and a commit the
    /// other reader claimed first ends the reading.
    func testReadersFromBothEndsShareTheLogAtTheirMeeting() {
        let meeting = LogMeeting()
        XCTAssertTrue(meeting.claim(0, fromOldest: false))
        XCTAssertTrue(meeting.claim(4, fromOldest: true))
        XCTAssertTrue(meeting.claim(3, fromOldest: true))
        XCTAssertTrue(meeting.claim(1, fromOldest: false))
        XCTAssertTrue(meeting.claim(2, fromOldest: true))
        XCTAssertFalse(meeting.claim(2, fromOldest: false), "taken from the other end")
        XCTAssertFalse(meeting.claim(1, fromOldest: true), "taken from the other end")

        let shared = LogMeeting()
        for sequence in 0..<3 { XCTAssertTrue(shared.claim(sequence, fromOldest: false)) }
        var parser = PatchParser(sizeLimit: 1 << 20, firstSequence: 4, step: -1) { shared.claim($0, fromOldest: true) }
        var found: [FileChange] = []
        let log = ["c4", "c3", "c2"].map { "\u{1}\($0)\u{0}1\u{0}A\ndiff --git a/\($0).py b/\($0).py\n+++ b/\($0).py\n@@ -0,0 +1 @@\n+x = 1\n" }
        for line in log.joined().split(separator: "\n") {
            Array(line.utf8).withUnsafeBufferPointer { parser.consume($0) { found.append($0) } }
        }
        parser.finish { found.append($0) }
        XCTAssertEqual(found.map(\.path), ["c4.py", "c3.py"], "c2 is the newest-first reader's")
        XCTAssertEqual(found.map(\.commit.sequence), [4, 3])
        XCTAssertEqual(parser.oldest?.id, "c4", "read from the oldest commit on, the first is the oldest")
        XCTAssertTrue(parser.stopped)
        XCTAssertEqual(parser.counts.commits, 2)
    }

    func testAuthorDatesAreISO8601InUTC() {
        func date(_ seconds: Int) -> String { Commit(id: "", authorTime: seconds, author: "", sequence: 0).authorDate }
        XCTAssertEqual(date(0), "1970-01-01T00:00:00Z")
        XCTAssertEqual(date(1_709_210_096), "2024-02-29T12:34:56Z")
        XCTAssertEqual(date(951_868_799), "2000-02-29T23:59:59Z")
        XCTAssertEqual(date(-1), "1969-12-31T23:59:59Z")
    }

    func testHunkHeadersOfPlainAndCombinedDiffs() {
        XCTAssertEqual(UnifiedDiff.newStart(ofHunk: Array("@@ -3 +4,2 @@ def x():".utf8)[...]), 4)
        XCTAssertEqual(UnifiedDiff.newStart(ofHunk: Array("@@@ -4,0 -3,1 +7,2 @@@".utf8)[...]), 7)
        XCTAssertNil(UnifiedDiff.newStart(ofHunk: Array("@@ -3 @@".utf8)[...]))
    }
}
