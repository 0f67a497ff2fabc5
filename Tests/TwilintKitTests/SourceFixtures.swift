@testable import TwilintKit
import XCTest

/// The repository's fixture files in a source language, for tests that check a
/// fast path against a plain one on real code.
enum SourceFixtures {
    static func all() throws -> [(relative: String, path: String, language: Language, bytes: [UInt8])] {
        let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fixtures")
        let paths = try XCTUnwrap(FileManager.default.enumerator(atPath: fixtures.path)).compactMap { $0 as? String }
        return paths.sorted().compactMap { relative in
            let path = fixtures.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path), !data.isEmpty,
                  let language = LanguageDetector.language(forPath: path, firstBytes: Array(data.prefix(512))), language.isSource
            else { return nil }
            return (relative, path, language, Array(data))
        }
    }
}
