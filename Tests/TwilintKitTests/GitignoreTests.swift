@testable import TwilintKit
import XCTest

final class GitignoreTests: XCTestCase {
    private func ignored(_ rules: String, _ path: String, directory: Bool = false) -> Bool? {
        Gitignore(contents: rules, base: "/repo").isIgnored(relativePath: path, isDirectory: directory)
    }

    func testUnanchoredNameMatchesAtAnyDepth() {
        XCTAssertEqual(ignored("*.log", "a/b/c.log"), true)
        XCTAssertEqual(ignored("build", "src/build", directory: true), true)
        XCTAssertNil(ignored("*.log", "a/b/c.txt"))
    }

    func testAnchoredPatternsMatchFromTheBase() {
        XCTAssertEqual(ignored("/dist", "dist", directory: true), true)
        XCTAssertNil(ignored("/dist", "src/dist", directory: true))
        XCTAssertEqual(ignored("docs/*.md", "docs/a.md"), true)
        XCTAssertNil(ignored("docs/*.md", "docs/sub/a.md"))
    }

    func testDoubleStar() {
        XCTAssertEqual(ignored("**/secrets/*.env", "a/b/secrets/x.env"), true)
        XCTAssertEqual(ignored("**/secrets/*.env", "secrets/x.env"), true)
        XCTAssertEqual(ignored("logs/**", "logs/a/b.txt"), true)
        XCTAssertEqual(ignored("a/**/z", "a/z", directory: true), true)
    }

    func testLastMatchWinsAndNegationReincludes() {
        XCTAssertEqual(ignored("*.env\n!.env.example", ".env.example"), false)
        XCTAssertEqual(ignored("*.env\n!.env.example", "prod.env"), true)
    }

    func testDirectoryOnlyPatternsSkipFiles() {
        XCTAssertNil(ignored("cache/", "cache"))
        XCTAssertEqual(ignored("cache/", "cache", directory: true), true)
    }

    func testCommentsBlanksAndEscapes() {
        XCTAssertNil(ignored("# comment\n\n", "comment"))
        XCTAssertEqual(ignored("\\#notes", "#notes"), true)
        XCTAssertEqual(ignored("file[0-9].txt", "file7.txt"), true)
        XCTAssertEqual(ignored("a?c", "abc"), true)
        XCTAssertNil(ignored("a?c", "a/c"))
    }
}
