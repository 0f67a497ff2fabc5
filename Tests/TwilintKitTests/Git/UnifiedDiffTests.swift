@testable import TwilintKit
import XCTest

final class UnifiedDiffTests: XCTestCase {
    func testAddedRangesPerFile() {
        let diff = """
            diff --git a/app.py b/app.py
            index 1111111..2222222 100644
            --- a/app.py
            +++ b/app.py
            @@ -3 +3,2 @@ def main():
            -old
            +new
            ++++ b/not-a-header.py
            @@ -10,2 +11,0 @@
            -gone
            -gone too
            @@ -20,0 +20 @@
            +added
            \\ No newline at end of file
            diff --git a/old.py b/old.py
            deleted file mode 100644
            --- a/old.py
            +++ /dev/null
            @@ -1 +0,0 @@
            -bye
            diff --git "a/tab\\there.py" "b/tab\\there.py"
            --- "a/tab\\there.py"
            +++ "b/tab\\there.py"
            @@ -0,0 +1 @@
            +x

            """
        let added = UnifiedDiff.addedLines(Array(diff.utf8))
        XCTAssertEqual(added["app.py"], [3...4, 20...20])
        XCTAssertNil(added["not-a-header.py"])
        XCTAssertNil(added["old.py"])
        XCTAssertEqual(added["tab\there.py"], [1...1])
    }

    func testHeaderPathForms() {
        XCTAssertEqual(UnifiedDiff.path(in: ArraySlice("b/a b.py\t".utf8)), "a b.py")
        XCTAssertEqual(UnifiedDiff.path(in: ArraySlice("\"b/caf\\303\\251.py\"".utf8)), "café.py")
        XCTAssertNil(UnifiedDiff.path(in: ArraySlice("/dev/null".utf8)))
    }

    func testChangedLinesKeepFindingsThatTouchAChangedLine() throws {
        let changed = ChangedLines(lines: ["/w/a.py": [3...4]], wholeFiles: ["/w/new.py"])
        XCTAssertTrue(changed.contains("/w/a.py", lines: 4...4))
        XCTAssertTrue(changed.contains("/w/a.py", lines: 1...3))
        XCTAssertFalse(changed.contains("/w/a.py", lines: 5...9))
        XCTAssertTrue(changed.contains("/w/new.py", lines: 100...100))
        XCTAssertFalse(changed.contains("/w/b.py", lines: 1...1))
    }

    func testStagedRawListingKeepsRegularFilesOnly() {
        let id = String(repeating: "a", count: 40), zero = String(repeating: "0", count: 40)
        let raw = ":000000 100644 \(zero) \(id) A\0new.py\0:100644 100755 \(id) \(id) M\0run.sh\0"
            + ":000000 120000 \(zero) \(id) A\0link\0:000000 160000 \(zero) \(id) A\0submodule\0"
        XCTAssertEqual(GitRepository.stagedBlobs(inRawDiff: Array(raw.utf8)).map(\.path), ["new.py", "run.sh"])
    }

    func testBatchOutputSplitsIntoObjects() throws {
        let output = "aaa blob 3\nab\n\nbbb blob 0\n\n"
        XCTAssertEqual(try GitRepository.batchContents(Array(output.utf8)), [Array("ab\n".utf8), []])
        XCTAssertThrowsError(try GitRepository.batchContents(Array("ccc missing\n".utf8)))
    }
}
