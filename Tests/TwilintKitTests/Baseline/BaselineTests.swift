@testable import TwilintKit
import XCTest

final class BaselineTests: XCTestCase {
    static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func lint(_ files: [String: String]) throws -> Report {
        let rules = try RuleCatalog.filter(RuleCatalog.load(), select: ["TW001", "TW002"], ignore: [])
        return try Linter(rules: rules, options: LintOptions())
            .run(buffers: files.sorted { $0.key < $1.key }.map { SourceBuffer(path: $0.key, bytes: Array($0.value.utf8)) })
    }

    func testTheMatchHashIgnoresTheLineAndCountsCopies() throws {
        let before = try lint(["app.py": "sid = '\(Self.sid)'\n"]).findings
        let moved = try lint(["app.py": "import os\n\n\nSID = '\(Self.sid)'  # moved\n"]).findings
        let copied = try lint(["app.py": "sid = '\(Self.sid)'\nbackup = '\(Self.sid)'\n"]).findings
        XCTAssertEqual(before.map(\.matchHash), moved.map(\.matchHash))
        XCTAssertTrue(before[0].matchHash.hasSuffix(":1"))
        XCTAssertEqual(copied.map { $0.matchHash.split(separator: ":")[1] }, ["1", "2"])
        XCTAssertEqual(Set(copied.map { $0.matchHash.split(separator: ":")[0] }).count, 1)
    }

    func testWhitespaceIsNormalisedBeforeHashing() {
        XCTAssertEqual(MatchHasher.normalised(ArraySlice(Array("  a \t\n b  ".utf8))), Array("a b".utf8))
    }

    func testTheFileIsSortedHashOnlyAndTheSameEveryTime() throws {
        let report = try lint(["b.py": "x = '\(Self.sid)'\n", "a.py": "y = '\(Self.sid)'\n"])
        let baseline = Baseline(findings: report.findings, directory: "/w", workingDirectory: "/w/src")
        XCTAssertEqual(baseline.text, Baseline(findings: report.findings.reversed(), directory: "/w", workingDirectory: "/w/src").text)
        XCTAssertFalse(baseline.text.contains(Self.sid))
        XCTAssertFalse(baseline.text.contains("AC3f"))
        let lines = baseline.text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(lines.map { $0.split(separator: "\t")[1] }, ["src/a.py", "src/b.py"], "paths are relative to the baseline's folder")
        XCTAssertEqual(lines.map { $0.split(separator: "\t")[0] }, ["TW001", "TW001"])
    }

    func testFilterDropsKnownFindingsAndListsStaleEntriesOfScannedFilesOnly() throws {
        let path = root.appendingPathComponent("baseline.txt")
        let old = try lint(["a.py": "sid = '\(Self.sid)'\n", "gone.py": "sid = '\(Self.sid)'\n"])
        try Baseline(findings: old.findings, directory: root.path, workingDirectory: root.path).text
            .write(to: path, atomically: true, encoding: .utf8)
        let baseline = try Baseline.load(path.path)
        XCTAssertEqual(baseline.entries.count, 2)

        var now = try lint(["a.py": "\n\nsid = '\(Self.sid)'\nnew = '\(Self.sid)'\n", "gone.py": "import os\n"])
        let stale = baseline.filter(&now, workingDirectory: root.path)
        XCTAssertEqual(now.findings.map(\.start.line), [4], "the moved finding is known; the copy is new")
        XCTAssertEqual(now.baselined, 1)
        XCTAssertEqual(stale.map(\.path), ["gone.py"])

        var partial = try lint(["a.py": "sid = '\(Self.sid)'\n"])
        XCTAssertEqual(baseline.filter(&partial, workingDirectory: root.path), [], "gone.py was not scanned, so its entry is not judged")
    }

    func testPathsWithTabsRoundTrip() throws {
        let path = root.appendingPathComponent("b.txt")
        let report = try lint(["we\tird\\name.py": "sid = '\(Self.sid)'\n"])
        try Baseline(findings: report.findings, directory: root.path, workingDirectory: root.path).text.write(to: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try Baseline.load(path.path).entries.map(\.path), ["we\tird\\name.py"])
    }

    func testABrokenLineNamesTheFileAndLine() throws {
        let path = root.appendingPathComponent("b.txt")
        try "# twilint baseline 1\nTW001\tapp.py\t0123456789abcdef:1\r\nTW001 app.py 0123\n".write(to: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.load(path.path)) { error in
            XCTAssertEqual("\(error)", "\(path.path):3: invalid baseline: expected a rule id, a path and a hash such as "
                + "3f9a0c1d2e3f4a5b:1, separated by tabs; regenerate it with --write-baseline")
        }
        XCTAssertThrowsError(try Baseline.load(root.appendingPathComponent("missing").path))
    }
}
