/// What a file is for, judged from its path and content: test code gets numbers
/// and calls that production code must not have.
public enum FileRole {
    /// Test files: `test_*.py`, `*_test.py`, `conftest.py`, `*.test.js`, `*.spec.ts`,
    /// anything under `Tests/`, `tests/`, `test/`, `__tests__/`, and Python modules
    /// that define `unittest.TestCase` classes. A script named `*test*.py` that
    /// does not look like a test module (e.g. `send_test_sms.py`) is not a test.
    public static func isTest(_ file: SourceFile) -> Bool {
        file.memo("is-test") { isTest(path: file.path) || (file.language == .python && definesTests(file)) }
    }

    /// `/tests/` and the like anywhere in a path, or `tests/` at its start; searched
    /// in the path's bytes, since this runs for every file of a scan.
    private static let testFolders = ["tests", "test", "__tests__", "Tests", "spec", "__mocks__"]
    private static let testFolderInfixes = testFolders.map { "/\($0)/" }
    private static let testFolderPrefixes = testFolders.map { "\($0)/" }
    private static let testNameMarkers = [".test.", ".spec.", "_test.", "Tests.swift", "Test.swift"]

    private static func isTest(path: String) -> Bool {
        if testFolderInfixes.contains(where: path.contains) || testFolderPrefixes.contains(where: path.hasPrefix) { return true }
        let name = LanguageDetector.fileName(path)
        if testNameMarkers.contains(where: name.contains) { return true }
        let lowered = name.lowercased()
        return (lowered.hasPrefix("test_") && lowered.hasSuffix(".py")) || lowered.hasSuffix("_test.py") || lowered == "conftest.py"
    }

    private static func definesTests(_ file: SourceFile) -> Bool {
        file.contains("TestCase)") || file.contains("import pytest")
    }
}
