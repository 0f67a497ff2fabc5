import Foundation
@testable import TwilintKit
import XCTest

final class ConfigurationLocatorTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-locator-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/.git"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("repo/app/sub"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func touch(_ path: String) throws {
        try Data().write(to: root.appendingPathComponent(path))
    }

    func testTheNearestFileAboveTheScannedPathApplies() throws {
        try touch("repo/.twilint.yml")
        try touch("repo/app/.twilint.yml")
        let base = root.path
        XCTAssertEqual(ConfigurationLocator.find(for: "app/sub", workingDirectory: base + "/repo"), base + "/repo/app/.twilint.yml")
        XCTAssertEqual(ConfigurationLocator.find(for: "repo/app/sub/new.py", workingDirectory: base), base + "/repo/app/.twilint.yml",
                       "a file that does not exist yet (an editor buffer) starts from its folder")
        XCTAssertEqual(ConfigurationLocator.find(for: ".", workingDirectory: base + "/repo"), base + "/repo/.twilint.yml")
    }

    func testTheSearchStopsAtTheRepositoryRoot() throws {
        try touch(".twilint.yml")
        XCTAssertNil(ConfigurationLocator.find(for: "app", workingDirectory: root.path + "/repo"))
    }
}
