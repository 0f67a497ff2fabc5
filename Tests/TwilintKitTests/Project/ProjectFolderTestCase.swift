import Foundation
import XCTest

/// A test case with a fresh project folder of its own, removed afterwards: the project
/// pass reads manifests and modules from disk.
class ProjectFolderTestCase: XCTestCase {
    private(set) var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-project-\(UUID().uuidString)").standardizedFileURL
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `text` to `relative` under the folder, making its folders.
    func write(_ relative: String, _ text: String = "") throws {
        let url = root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }
}
