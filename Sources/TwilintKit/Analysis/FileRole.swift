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

    /// One-shot scripts: a file under `scripts/` or `bin/`, a Python module with an
    /// `if __name__ == "__main__":` entry, a JS/TS module with a `require.main === module`
    /// entry or `await` at its top level, or a file a `package.json` script runs
    /// (`"seed": "node tools/seed.js"`) — unless the file serves requests (it starts a
    /// server, registers routes or exports a handler), which makes it a server whatever else.
    public static func isScript(_ file: SourceFile) -> Bool {
        file.memo("is-script") {
            guard file.language.isSource, file.language != .swift else { return false }
            // The script signs first (most files have none), then whether the file serves requests.
            let location = FileLocation(path: file.path, lookup: .shared)
            let looksLikeScript = location.folders.contains { $0 == "scripts" || $0 == "bin" }
                || (file.language == .python ? file.contains("__name__") && file.contains("__main__")
                    : file.contains("require.main") || awaitsAtTopLevel(file) || isPackageScriptTarget(location))
            return looksLikeScript && !servesRequests(file)
        }
    }

    /// Signs of a server: it listens, registers routes, or exports a handler a platform calls.
    private static let serverSigns = [
        ".listen(", "createServer(", "app.run(", "uvicorn.run(", "web.run_app(", ".route(", "@app.", "@router.", "@bp.",
        "@blueprint.", "urlpatterns", "add_url_rule", "Blueprint(", "APIRouter(", "exports.handler", "export default",
        "export async function GET", "export async function POST", "export function GET", "export function POST",
        "def lambda_handler", "functions_framework",
    ]

    private static func servesRequests(_ file: SourceFile) -> Bool {
        serverSigns.contains(where: file.contains)
    }

    /// An `await` that starts an unindented line, or follows `=` on one (`const sid = await …`).
    private static func awaitsAtTopLevel(_ file: SourceFile) -> Bool {
        guard file.contains("await") else { return false }
        return file.withBytes { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                let end = ByteSearch.firstOffset(of: [ASCII.newline], in: bytes, from: lineStart) ?? bytes.count
                if end > lineStart, !ASCII.isWhitespace(bytes[lineStart]) {
                    let line = UnsafeBufferPointer(rebasing: bytes[lineStart..<end])
                    if line.starts(with: "await ".utf8) || ByteSearch.firstOffset(of: "= await ".utf8, in: line) != nil { return true }
                }
                lineStart = end + 1
            }
            return false
        }
    }

    private static func isPackageScriptTarget(_ location: FileLocation) -> Bool {
        guard let manifest = location.folder.flatMap(ProjectLookup.shared.nearestPackageManifest(from:)),
              !manifest.scriptTargets.isEmpty, location.absolutePath.hasPrefix(manifest.folder + "/") else { return false }
        return manifest.scriptTargets.contains(String(location.absolutePath.dropFirst(manifest.folder.count + 1)))
    }
}
