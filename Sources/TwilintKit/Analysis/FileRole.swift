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

    private static let testFolders: Set<Substring> = ["tests", "test", "__tests__", "Tests", "spec", "__mocks__"]

    private static func isTest(path: String) -> Bool {
        let components = path.split(separator: "/")
        let name = components.last.map(String.init) ?? path
        if components.dropLast().contains(where: testFolders.contains) { return true }
        let lowered = name.lowercased()
        if (lowered.hasPrefix("test_") && lowered.hasSuffix(".py")) || lowered.hasSuffix("_test.py") || lowered == "conftest.py" { return true }
        return [".test.", ".spec.", "_test.", "Tests.swift", "Test.swift"].contains(where: name.contains)
    }

    private static func definesTests(_ file: SourceFile) -> Bool {
        file.contains("TestCase)") || file.contains("import pytest")
    }
}
