import Foundation
@testable import TwilintKit
import XCTest

/// Fixes are written only over the version of a file they were made from.
final class FileSnapshotTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    func testReplacesAnUnchangedFileKeepingItsMode() throws {
        let path = folder.appendingPathComponent("run.py").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        try FileSnapshot(path: path, limit: 1 << 20).replace(with: Array("new\n".utf8))
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int, 0o755)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["run.py"], "no temporary file is left")
    }

    func testRefusesAFileThatChangedSinceItWasRead() throws {
        let path = folder.appendingPathComponent("app.py").path
        try "old\n".write(toFile: path, atomically: false, encoding: .utf8)
        let snapshot = try FileSnapshot(path: path, limit: 1 << 20)
        try "edited in the editor\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try snapshot.replace(with: Array("fixed\n".utf8))) { error in
            XCTAssertEqual("\(error)", "\(path): cannot be written: it changed on disk since twilint read it; it was left as it is, run twilint again")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "edited in the editor\n")
    }

    func testWritesThroughASymbolicLinkToItsTargetAndRefusesOtherFiles() throws {
        let target = folder.appendingPathComponent("real.js").path, link = folder.appendingPathComponent("link.js").path
        try "a\n".write(toFile: target, atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        try FileSnapshot(path: link, limit: 1 << 20).replace(with: Array("b\n".utf8))
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), target, "the link stays a link")
        XCTAssertEqual(try String(contentsOfFile: target, encoding: .utf8), "b\n")

        let fifo = folder.appendingPathComponent("pipe").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        XCTAssertThrowsError(try FileSnapshot(path: fifo, limit: 1 << 20)) { error in
            XCTAssertEqual("\(error)", "\(fifo): cannot be written: it is not a regular file, so twilint does not rewrite it")
        }
    }
}
