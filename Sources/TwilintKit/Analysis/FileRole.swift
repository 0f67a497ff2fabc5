/// What a file is for, judged from its path and content: test code gets numbers
/// and calls that production code must not have.
public enum FileRole {
    /// Test files: `test_*.py`, `*_test.py`, `conftest.py`, `*.test.js`, `*.spec.ts`,
    /// anything under `Tests/`, `tests/`, `test/`, `__tests__/`, and Python modules
    /// that define `unittest.TestCase` classes. A script named `*test*.py` that
    /// does not look like a test module (e.g. `send_test_sms.py`) is not a test.
    public static func isTest(_ file: SourceFile) -> Bool {
        let components = file.path.split(separator: "/").map(String.init)
        let name = components.last ?? file.path
        let folders = components.dropLast()
        if folders.contains(where: { ["tests", "test", "__tests__", "Tests", "spec", "__mocks__"].contains($0) }) { return true }
        let lowered = name.lowercased()
        if (lowered.hasPrefix("test_") && lowered.hasSuffix(".py")) || lowered.hasSuffix("_test.py") || lowered == "conftest.py" { return true }
        for marker in [".test.", ".spec.", "_test.", "Tests.swift", "Test.swift"] where name.contains(marker) { return true }
        guard file.language == .python else { return false }
        return file.memo("is-test-module") {
            file.contains("(TestCase)") || file.contains("(unittest.TestCase)") || file.contains("import pytest")
        }
    }
}
