import Foundation
import XCTest

/// The base of the command-line test classes: a fresh temporary folder per test,
/// and helpers that run the `twilint` binary and git in it.
class CLITestCase: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"
    static let otherSid = "AC9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"
    static let token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"
    /// A custom rule file that reports an internal host name in string literals.
    static let internalHostRule = """
        id: ACME1
        name: internal-host
        severity: warning
        scope: string
        message: Internal host in code.
        patterns:
          - regex: 'internal\\.acme\\.test'
        docs: {summary: s, what: w, why: y, fix: f}
        examples: {match: ['u = "internal.acme.test"'], no-match: ['# internal.acme.test']}
        """
    var root: URL!
    /// git without the user's configuration (an empty file beside `root`), with a fixed identity.
    private var gitEnvironment: [String: String] = [:]

    override func setUpWithError() throws {
        // Resolved, as git prints paths, so comparisons with git's output hold.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        root = folder.resolvingSymlinksInPath()
        let gitConfig = root.path + ".gitconfig"
        FileManager.default.createFile(atPath: gitConfig, contents: Data())
        gitEnvironment = [
            "GIT_CONFIG_GLOBAL": gitConfig, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        ]
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(atPath: root.path + ".gitconfig")
    }

    /// The binary `swift test` built next to the test bundle.
    static var binary: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("twilint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/twilint")
    }

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    @discardableResult
    func twilint(_ arguments: [String], in directory: URL? = nil, stdin: String? = nil,
                 environment: [String: String] = [:]) throws -> Run {
        try run(Self.binary, arguments, in: directory, stdin: stdin, environment: environment)
    }

    /// Runs git in `directory` (the test folder by default) and returns its output; fails the test when git fails.
    /// `allowFailure` expects a failure (a merge that stops at a conflict).
    @discardableResult
    func git(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], allowFailure: Bool = false,
             stdin: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory, stdin: stdin, environment: environment)
        if !allowFailure {
            XCTAssertEqual(result.status, 0, "git \(arguments.joined(separator: " ")): \(result.stderr)", file: file, line: line)
        }
        return result.stdout
    }

    /// A git repository in the test folder with `files` committed.
    func makeRepository(committing files: [String: String]) throws {
        try git(["init", "-q", "-b", "main"])
        for (name, text) in files { try write(name, text) }
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "initial"])
    }

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    private func run(_ executable: URL, _ arguments: [String], in directory: URL?, stdin: String?,
                     environment: [String: String]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        process.environment = ProcessInfo.processInfo.environment.merging(gitEnvironment) { $1 }.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        // Not `waitUntilExit()`, which polls every 50 ms on Linux.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        // Standard error on its own thread, so a full pipe on one side never stalls the other.
        let errors = Collected()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errors.data = err.fileHandleForReading.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: errors.data, as: UTF8.self))
    }

    /// Written by one thread, read after the dispatch group says it finished.
    private final class Collected: @unchecked Sendable {
        var data = Data()
    }
}
