import Foundation
@testable import TwilintKit
import XCTest

/// The reader opens only regular files, whatever a path turned into since the
/// walk saw it: gone, or replaced by a FIFO, a socket or a folder.
final class FileReaderTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    func testReadsARegularFile() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("a.py"), contents: Data("x = 1\n".utf8)))
        XCTAssertEqual(try FileReader.read(path("a.py"), limit: 100), Array("x = 1\n".utf8))
    }

    func testAFileThatVanishedIsASystemFailure() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("a.py"), contents: Data("x = 1\n".utf8)))
        try FileManager.default.removeItem(atPath: path("a.py"))
        XCTAssertThrowsError(try FileReader.read(path("a.py"), limit: 100)) { error in
            XCTAssertEqual(error as? FileReader.Failure, .system("No such file or directory"))
            XCTAssertEqual((error as? FileReader.Failure)?.reason, "No such file or directory")
        }
    }

    /// A FIFO put where a file was would block a plain `open` until a writer came.
    func testAFileReplacedByAFIFOIsNotRegularAndDoesNotBlock() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("a.py"), contents: Data("x = 1\n".utf8)))
        try FileManager.default.removeItem(atPath: path("a.py"))
        XCTAssertEqual(mkfifo(path("a.py"), 0o644), 0)
        XCTAssertThrowsError(try FileReader.read(path("a.py"), limit: 100)) { error in
            XCTAssertEqual(error as? FileReader.Failure, .notRegular("a FIFO"))
            XCTAssertEqual((error as? FileReader.Failure)?.reason, "it is a FIFO, not a regular file")
        }
    }

    func testFoldersAndDevicesAreNotRegular() {
        XCTAssertThrowsError(try FileReader.read(root.path, limit: 100)) { XCTAssertEqual($0 as? FileReader.Failure, .notRegular("a folder")) }
        XCTAssertThrowsError(try FileReader.read("/dev/zero", limit: 100)) { XCTAssertEqual($0 as? FileReader.Failure, .notRegular("a device")) }
    }

    func testAFileOverTheLimitIsRefusedBeforeItIsRead() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("big.sql"), contents: Data()))
        XCTAssertEqual(truncate(path("big.sql"), 100_000_000), 0)
        XCTAssertThrowsError(try FileReader.read(path("big.sql"), limit: 64 << 20)) {
            XCTAssertEqual($0 as? FileReader.Failure, .tooLarge(100_000_000))
        }
    }

    /// The walk hands a path to a worker, which then finds it gone: an error for
    /// that file, while the rest of the scan goes on.
    func testLinterReportsAFileThatVanishedAfterTheWalk() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("keys.py"), contents: Data("sid = 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e'\n".utf8)))
        let linter = try Linter(rules: RuleCatalog.load(), options: LintOptions())
        var outcome = linter.scan(path: path("gone.py"))
        XCTAssertEqual(outcome.diagnostics, [Diagnostic(.error, path: path("gone.py"), "cannot be read (No such file or directory)")])
        XCTAssertEqual(outcome.statistics.unreadable, 1)
        XCTAssertEqual(mkfifo(path("pipe.py"), 0o644), 0)
        outcome = linter.scan(path: path("pipe.py"))
        XCTAssertEqual(outcome.diagnostics.map(\.description),
                       ["twilint: warning: \(path("pipe.py")): skipped: it is a FIFO, not a regular file, so it is never read"])
        XCTAssertEqual(linter.scan(path: path("keys.py")).findings.map(\.ruleID), ["TW001"])
    }
}
