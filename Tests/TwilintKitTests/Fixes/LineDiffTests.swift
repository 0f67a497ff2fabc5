@testable import TwilintKit
import XCTest

/// `--diff-fixes` output: unified hunks with three lines of context.
final class LineDiffTests: XCTestCase {
    private func diff(_ old: String, _ new: String) -> String {
        LineDiff.unified(old: Array(old.utf8), new: Array(new.utf8), path: "app.py")
    }

    func testAChangedLineWithContext() {
        let old = (1...9).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 5\n", with: "five\n")
        XCTAssertEqual(diff(old, new), """
            --- a/app.py
            +++ b/app.py
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +five
             line 6
             line 7
             line 8

            """)
    }

    func testDistantChangesMakeTwoHunksAndAnInsertionAtTheTop() {
        let old = (1...20).map { "l\($0)\n" }.joined()
        let new = "import os\n" + old.replacingOccurrences(of: "l18\n", with: "")
        XCTAssertEqual(diff(old, new), """
            --- a/app.py
            +++ b/app.py
            @@ -1,3 +1,4 @@
            +import os
             l1
             l2
             l3
            @@ -15,6 +16,5 @@
             l15
             l16
             l17
            -l18
             l19
             l20

            """)
    }

    func testNoChangeNoDiffAndAMissingFinalNewlineIsMarked() {
        XCTAssertEqual(diff("a\n", "a\n"), "")
        XCTAssertEqual(diff("a", "b"), "--- a/app.py\n+++ b/app.py\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n")
    }
}
