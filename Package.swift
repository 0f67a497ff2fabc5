// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "twilint",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twilint", targets: ["twilint"]),
        .library(name: "TwilintKit", targets: ["TwilintKit"]),
        // The invariants the fuzzers (Fuzzing/) and the fuzz-regression test both check.
        .library(name: "PipelineInvariants", targets: ["PipelineInvariants"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"]), .brew(["pcre2"])]
        ),
        .target(name: "Matching", dependencies: ["CPCRE2"]),
        .target(
            name: "TwilintKit",
            dependencies: ["Matching", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "PipelineInvariants", dependencies: ["TwilintKit"]),
        // The language server: JSON-RPC, LSP messages and open documents, over the kit.
        .target(name: "TwilintServer", dependencies: ["TwilintKit"]),
        .executableTarget(
            name: "twilint",
            dependencies: ["TwilintKit", "TwilintServer", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // The SARIF checks (official schema + GitHub code scanning's rules) that the
        // reporter and CLI tests share; test-only, nothing in the product depends on it.
        .target(name: "SARIFChecks", path: "Tests/SARIFChecks"),
        .testTarget(name: "SARIFChecksTests", dependencies: ["SARIFChecks"]),
        .testTarget(name: "MatchingTests", dependencies: ["Matching"]),
        // Golden files are read from the source tree by path, not bundled.
        .testTarget(name: "TwilintKitTests", dependencies: ["TwilintKit", "Matching", "SARIFChecks"], exclude: ["Golden"]),
        .testTarget(name: "TwilintServerTests", dependencies: ["TwilintServer", "TwilintKit"]),
        // Replays Tests/fuzz-regressions/ (read by path) and the fixtures through PipelineInvariants.
        .testTarget(name: "FuzzRegressionTests", dependencies: ["PipelineInvariants", "TwilintKit"]),
        .testTarget(name: "RuleTests", dependencies: ["TwilintKit", "Matching"]),
        // Depends on the executable so that `swift test` builds the binary it runs.
        .testTarget(name: "CLITests", dependencies: ["twilint", "SARIFChecks"]),
    ]
)
