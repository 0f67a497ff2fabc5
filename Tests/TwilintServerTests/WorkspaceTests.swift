import Foundation
@testable import TwilintServer
import TwilintKit
import XCTest

/// Configuration and rule-file errors become a problem on the file and line they name.
final class WorkspaceTests: XCTestCase {
    func testAProblemPointsAtTheFileAndLineTheErrorNames() {
        let configuration = TwilintError.invalidConfiguration(location: "/w/.twilint.yml:3", key: "fail-on", problem: "bad")
        XCTAssertEqual(Workspace.problem(configuration, configuration: "/w/.twilint.yml", folder: "/w"),
                       Workspace.Problem(path: "/w/.twilint.yml", line: 2, message: "\(configuration)"))
        let rule = TwilintError.invalidRuleFile(location: "rules/acme.yml:7", key: "regex", problem: "does not compile")
        XCTAssertEqual(Workspace.problem(rule, configuration: nil, folder: "/w"),
                       Workspace.Problem(path: "/w/rules/acme.yml", line: 6, message: "\(rule)"))
        let other = TwilintError.unknownRule("TW999")
        XCTAssertEqual(Workspace.problem(other, configuration: nil, folder: "/w"),
                       Workspace.Problem(path: "/w/.twilint.yml", line: nil, message: "\(other)"))
    }

    func testABrokenConfigurationIsOneProblemAndAFixedOneNone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workspace = Workspace(rulesDirectories: [])
        workspace.setFolders([folder.path])
        let file = folder.appendingPathComponent("src/app.py").path
        try "select: [TW001]\nfail-on: sometimes\n".write(to: folder.appendingPathComponent(".twilint.yml"), atomically: true, encoding: .utf8)
        guard case .failure = workspace.linter(for: file) else { return XCTFail("the configuration is broken") }
        _ = workspace.linter(for: folder.appendingPathComponent("other.py").path)
        XCTAssertEqual(workspace.problems.map(\.line), [1], "one problem for the two files under it")
        XCTAssertEqual(workspace.problems.first?.path, folder.appendingPathComponent(".twilint.yml").path)

        try "select: [TW001]\n".write(to: folder.appendingPathComponent(".twilint.yml"), atomically: true, encoding: .utf8)
        workspace.reload()
        guard case .success(let linter) = workspace.linter(for: file) else { return XCTFail("the configuration is fixed") }
        XCTAssertEqual(linter.rules.map(\.rule.id), ["TW001"])
        XCTAssertEqual(workspace.problems, [])
    }
}
