// swift-tools-version:5.9
import PackageDescription

// libFuzzer targets, kept out of the main package so that normal builds never
// need the fuzzer runtime. Build (Linux) with `make fuzz`, or (a release build ran
// about 8 times the inputs per second of a debug one here):
//   swift build --package-path Fuzzing --scratch-path .build-fuzz -c release -Xswiftc -sanitize=fuzzer,address
// Each target defines LLVMFuzzerTestOneInput, so it has no top-level code.
let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "twilint-fuzz",
    dependencies: [.package(name: "twilint", path: "..")],
    targets: [
        .target(name: "FuzzDriver", dependencies: [.product(name: "PipelineInvariants", package: "twilint")]),
        .executableTarget(
            name: "fuzz-pipeline",
            dependencies: ["FuzzDriver", .product(name: "PipelineInvariants", package: "twilint")],
            swiftSettings: fuzzTarget),
        .executableTarget(
            name: "fuzz-loaders",
            dependencies: ["FuzzDriver", .product(name: "PipelineInvariants", package: "twilint")],
            swiftSettings: fuzzTarget),
    ]
)
