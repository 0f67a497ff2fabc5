import Foundation

/// Validates a SARIF log against the official SARIF 2.1.0 JSON schema vendored in
/// `Tests/sarif/`, through `Tests/sarif/check-schema.py` and the `jsonschema` package
/// that `make test-deps` installs into `.build/venv`.
///
/// A validator that cannot run is a problem, not a pass: the tests that use it fail.
public struct SchemaCheck {
    /// The repository this file belongs to.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `TWILINT_SARIF_PYTHON` when set (the Makefile sets it), else the venv `make test-deps` makes.
    public static let defaultPython = ProcessInfo.processInfo.environment["TWILINT_SARIF_PYTHON"]
        .map { URL(fileURLWithPath: $0) } ?? repository.appendingPathComponent(".build/venv/bin/python3")

    /// The Python interpreter that has `jsonschema`.
    public let python: URL
    /// The script that applies the schema.
    public let script = repository.appendingPathComponent("Tests/sarif/check-schema.py")

    /// A check that runs `script` with `python`.
    public init(python: URL = SchemaCheck.defaultPython) {
        self.python = python
    }

    /// Every schema violation in `data`, one line each; empty when the log is valid.
    public func problems(in data: Data) -> [String] {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            return ["schema: the validator cannot run: \(python.path) does not exist; run `make test-deps` to create it."]
        }
        // A file, not a pipe: a script that exits before reading would leave a writer to SIGPIPE.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-schema-\(UUID().uuidString).sarif")
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = python
        process.arguments = [script.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do {
            try data.write(to: file)
            try process.run()
        } catch {
            return ["schema: the validator cannot run: \(error.localizedDescription)"]
        }
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = printed.split(separator: "\n").map { "schema: " + $0.replacingOccurrences(of: file.path + ": ", with: "") }
        switch process.terminationStatus {
        case 0: return []
        case 1 where !lines.isEmpty: return lines
        default: return ["schema: the validator cannot run (exit \(process.terminationStatus)): \(printed)"]
        }
    }
}
