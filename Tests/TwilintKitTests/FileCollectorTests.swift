import Foundation
@testable import TwilintKit
import XCTest

final class FileCollectorTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-collector-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ relative: String, _ text: String = "x") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    private func collect(_ options: FileCollector.Options = .init()) -> [String] {
        FileCollector(options: options).collect([root.path]).files.map { String($0.path.dropFirst(root.path.count + 1)) }
    }

    func testHonoursNestedGitignoreAndSkipsVendorFolders() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write(".gitignore", "*.log\n")
        try write("app/.gitignore", "generated/\n!keep.log\n")
        try write("app/main.py")
        try write("app/debug.log")
        try write("app/keep.log")
        try write("app/generated/out.py")
        try write("node_modules/x/index.js")
        try write(".env")
        XCTAssertEqual(collect(), [".env", ".gitignore", "app/.gitignore", "app/keep.log", "app/main.py"])
    }

    func testParentGitignoreAppliesWhenScanningASubfolder() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try write(".gitignore", "secret.txt\n")
        try write("sub/secret.txt")
        try write("sub/ok.txt")
        let files = FileCollector().collect([root.appendingPathComponent("sub").path]).files.map(\.path)
        XCTAssertEqual(files, [root.appendingPathComponent("sub/ok.txt").path])
    }

    func testSymlinkLoopsEndWhenFollowing() throws {
        try write("a/file.txt")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("a/loop").path,
                                                   withDestinationPath: root.appendingPathComponent("a").path)
        XCTAssertEqual(collect(), ["a/file.txt"], "links are not followed by default")
        var options = FileCollector.Options()
        options.followSymlinks = true
        let result = FileCollector(options: options).collect([root.path])
        XCTAssertEqual(result.files.count, 1)
        XCTAssertTrue(result.diagnostics.contains { $0.message.contains("loop") })
    }

    func testMissingPathIsAnErrorAndOtherPathsStillCollected() throws {
        try write("a.py")
        let result = FileCollector().collect([root.appendingPathComponent("missing").path, root.appendingPathComponent("a.py").path])
        XCTAssertEqual(result.files.count, 1)
        XCTAssertEqual(result.diagnostics.first?.level, .error)
    }

    func testUnreadableFolderIsReported() throws {
        guard getuid() != 0 else { throw XCTSkip("root reads every folder") }
        try write("locked/a.py")
        chmod(root.appendingPathComponent("locked").path, 0)
        defer { chmod(root.appendingPathComponent("locked").path, 0o755) }
        XCTAssertTrue(FileCollector().collect([root.path]).diagnostics.contains { $0.level == .error })
    }

    func testPathNormalisation() {
        XCTAssertEqual(FileCollector.normalise("./a//b/"), "a/b")
        XCTAssertEqual(FileCollector.normalise("."), ".")
        XCTAssertEqual(FileCollector.normalise("/x/./"), "/x")
        XCTAssertEqual(FileCollector.normalise("./"), ".")
    }
}
