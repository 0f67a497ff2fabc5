import XCTest
@testable import TwilintKit

final class TokenizersTests: XCTestCase {
    private func jsx(_ language: Language, _ path: String) -> Bool? {
        (Tokenizers.tokenizer(for: language, path: path) as? JavaScriptTokenizer)?.jsx
    }

    func testJSXFollowsTheExtension() {
        for path in ["a.js", "b.jsx", "c.mjs", "d.cjs", "bin/server"] {
            XCTAssertEqual(jsx(.javascript, path), true, path)
        }
        for path in ["e.tsx", "web/App.TSX"] {
            XCTAssertEqual(jsx(.typescript, path), true, path)
        }
        for path in ["a.ts", "b.mts", "c.cts", "types.d.ts"] {
            XCTAssertEqual(jsx(.typescript, path), false, path)
        }
    }

    func testEachLanguageGetsItsTokenizer() {
        XCTAssertTrue(Tokenizers.tokenizer(for: .swift, path: "a.swift") is SwiftTokenizer)
        XCTAssertTrue(Tokenizers.tokenizer(for: .python, path: "bin/tool") is PythonTokenizer)
        XCTAssertTrue(Tokenizers.tokenizer(for: .html, path: "App.vue") is MarkupTokenizer)
        XCTAssertNil(Tokenizers.tokenizer(for: .text, path: "Dockerfile"))
    }

    func testConfigFilesGetTheirFormat() {
        let cases: [(String, ConfigTokenizer.ConfigFormat)] = [
            (".env.local", .env), ("config/app.yaml", .yaml), ("Info.plist", .plist), ("odd.conf", .env),
        ]
        for (path, format) in cases {
            XCTAssertEqual((Tokenizers.tokenizer(for: .config, path: path) as? ConfigTokenizer)?.format, format, path)
        }
    }
}
