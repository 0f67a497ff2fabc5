import Foundation

/// Paths of the checkout the tests run from.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = root.appendingPathComponent("rules")
    static let fixtures = root.appendingPathComponent("fixtures")

    /// Every fixture file, sorted.
    static func fixtureFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: fixtures.path)!
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let path = fixtures.appendingPathComponent(relative).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }
}
