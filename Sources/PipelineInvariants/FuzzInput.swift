import TwilintKit

/// How a fuzzer's bytes become a file: the first byte picks the file's path (and
/// so its language and role), the rest is its content. Every kind of file the
/// linter scans is one byte away, and a mutation of that byte turns a Python
/// file into a Swift or a config file.
public struct FuzzInput: Equatable, Sendable {
    /// The paths the first byte chooses from: each language, plus the places that
    /// change how rules read a file (tests, client-side folders, route files).
    public static let paths = [
        "app.py", "tests/test_app.py", "server.js", "public/app.js", "src/App.jsx", "pages/api/sms.ts",
        "app/api/sms/route.ts", "src/client.tsx", "Sources/App/routes.swift", "App/ContentView.swift",
        "index.html", "App.vue", ".env", "config.yml", "settings.json", "Info.plist",
        "application.properties", "Config.xcconfig", "Dockerfile", "deploy.sh", "notes.txt", "README.md",
    ]

    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Reads fuzzer bytes; empty input is an empty `app.py`.
    public init<C: Collection>(fuzzed data: C) where C.Element == UInt8 {
        guard let first = data.first else {
            self.init(path: Self.paths[0], bytes: [])
            return
        }
        self.init(path: Self.paths[Int(first) % Self.paths.count], bytes: Array(data.dropFirst()))
    }

    /// The fuzzer bytes of a file from disk (a seed): its content behind the byte of
    /// the listed path that shares its name's ending, or failing that its language.
    public static func seed(path: String, bytes: [UInt8]) -> [UInt8] {
        let name = LanguageDetector.fileName(path)
        let language = LanguageDetector.language(forPath: path, firstBytes: bytes) ?? .text
        let index = paths.firstIndex { ending(of: $0) == ending(of: name) }
            ?? paths.firstIndex { LanguageDetector.language(forPath: $0, firstBytes: bytes) == language }
            ?? paths.firstIndex(of: "notes.txt")!
        return [UInt8(index)] + bytes
    }

    /// `py` for `app.py`, the whole name when it has no extension (`Dockerfile`, `.env`).
    private static func ending(of name: String) -> Substring {
        let file = LanguageDetector.fileName(name)
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return Substring(file) }
        return file[file.index(after: dot)...]
    }
}
