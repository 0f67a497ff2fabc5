import Foundation
import PipelineInvariants
import TwilintKit
import XCTest

/// Every input the fuzzers (Fuzz/) ever crashed on or broke an invariant with,
/// replayed through the same checks, plus the fixtures the fuzzers start from.
final class FuzzRegressionTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let regressions = root.appendingPathComponent("Tests/fuzz-regressions")

    /// The files of one folder of fuzz-regressions, by name.
    private func inputs(_ folder: String) throws -> [(name: String, bytes: [UInt8])] {
        let directory = Self.regressions.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "README.md" }.sorted().map { name in
            (name, Array(try XCTUnwrap(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path))))
        }
    }

    func testPipelineRegressionsKeepEveryInvariant() throws {
        let check = try PipelineCheck()
        let inputs = try inputs("pipeline")
        XCTAssertFalse(inputs.isEmpty, "Tests/fuzz-regressions/pipeline holds no inputs")
        for (name, bytes) in inputs {
            let input = FuzzInput(fuzzed: bytes)
            XCTAssertEqual(check.violations(input), [], "\(name) (as \(input.path))")
        }
    }

    func testLoaderRegressionsKeepEveryInvariant() throws {
        let inputs = try inputs("loaders")
        XCTAssertFalse(inputs.isEmpty, "Tests/fuzz-regressions/loaders holds no inputs")
        for (name, bytes) in inputs {
            XCTAssertEqual(LoaderCheck.violations(bytes), [], name)
        }
    }

    /// The seed corpus: each fixture as the fuzzer first sees it, with findings to check.
    func testFixturesAsSeedsKeepEveryInvariant() throws {
        let check = try PipelineCheck()
        let seeds = SeedCorpus.seeds(in: Self.root.appendingPathComponent("fixtures").path, for: .pipeline)
        XCTAssertGreaterThan(seeds.count, 100)
        for seed in seeds {
            let input = FuzzInput(fuzzed: seed.bytes)
            XCTAssertEqual(check.violations(input), [], "fixtures/\(seed.path) (as \(input.path))")
        }
    }

    /// A seed keeps its bytes and lands on a listed path of its kind.
    func testSeedsChooseAPathOfTheirKind() {
        let cases = [("webhooks/python/app.py", "app.py"), ("a/b/handler.mjs", "server.js"), ("x/Route.swift", "Sources/App/routes.swift"),
                     ("secrets/plain/Dockerfile", "Dockerfile"), ("config/.env", ".env"), ("c/app.cfg", ".env"),
                     ("x/page.svelte", "index.html"), ("x/notes", "Dockerfile")]
        for (path, expected) in cases {
            let input = FuzzInput(fuzzed: FuzzInput.seed(path: path, bytes: Array("print(1)\n".utf8)))
            XCTAssertEqual(input, FuzzInput(path: expected, bytes: Array("print(1)\n".utf8)), path)
        }
        XCTAssertEqual(FuzzInput(fuzzed: [UInt8]()), FuzzInput(path: "app.py", bytes: []))
        XCTAssertEqual(FuzzInput(fuzzed: [UInt8(FuzzInput.paths.count + 2), 0x41]), FuzzInput(path: FuzzInput.paths[2], bytes: [0x41]))
    }
}
