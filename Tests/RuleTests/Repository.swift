import Foundation

/// Paths of the checkout the tests run from.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rules = root.appendingPathComponent("rules")
    static let fixtures = root.appendingPathComponent("fixtures")
}
