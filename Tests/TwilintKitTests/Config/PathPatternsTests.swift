@testable import TwilintKit
import XCTest

final class PathPatternsTests: XCTestCase {
    func testGitignoreSyntaxRelativeToTheBase() {
        let patterns = PathPatterns(["*.min.js", "docs/", "/build", "tests/**/fixtures", "!keep.min.js"], base: "/repo")
        XCTAssertTrue(patterns.matches("/repo/a/b/app.min.js"), "a name without a slash matches at any depth")
        XCTAssertFalse(patterns.matches("/repo/a/keep.min.js"), "! re-includes")
        XCTAssertTrue(patterns.matches("/repo/docs/guide/setup.py"), "a folder pattern takes everything under it")
        XCTAssertFalse(patterns.matches("/repo/docs.py"))
        XCTAssertTrue(patterns.matches("/repo/build/out.js"))
        XCTAssertFalse(patterns.matches("/repo/src/build/out.js"), "a leading slash anchors at the base")
        XCTAssertTrue(patterns.matches("/repo/tests/unit/deep/fixtures/x.env"))
        XCTAssertFalse(patterns.matches("/elsewhere/docs/x.py"), "paths outside the base never match")
        XCTAssertFalse(PathPatterns([], base: "/repo").matches("/repo/x.py"))
    }

    func testAFileInAnExcludedFolderCannotBeReIncluded() {
        XCTAssertTrue(PathPatterns(["vendor/", "!vendor/ours.py"], base: "/r").matches("/r/vendor/ours.py"))
    }

    func testPathArithmetic() {
        XCTAssertEqual(Paths.absolute("./a//b/../c.py", in: "/w"), "/w/a/c.py")
        XCTAssertEqual(Paths.absolute("/x/./y", in: "/w"), "/x/y")
        XCTAssertEqual(Paths.relative("/w/a/c.py", to: "/w"), "a/c.py")
        XCTAssertEqual(Paths.relative("/w/b/c.py", to: "/w/a"), "../b/c.py")
        XCTAssertEqual(Paths.relative("/w", to: "/w"), ".")
        XCTAssertEqual(Paths.parent("/w/a.py"), "/w")
        XCTAssertEqual(Paths.parent("/a.py"), "/")
        XCTAssertTrue(Paths.isInside("/w/a", "/w"))
        XCTAssertFalse(Paths.isInside("/wx/a", "/w"))
    }
}
