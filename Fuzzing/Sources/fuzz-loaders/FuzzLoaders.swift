import FuzzDriver
import PipelineInvariants

/// One input: YAML for the configuration and rule-file loaders (see `LoaderCheck`).
/// Traps when either answers other than with an error or a configuration the
/// rest of a run accepts.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaders(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let problems = LoaderCheck.violations(Array(UnsafeBufferPointer(start: data, count: size)))
    if !problems.isEmpty { fatalError(problems.joined(separator: "\n")) }
    return 0
}

/// The entry point a SwiftPM debug build links `main` to (see `FuzzDriver`).
@_cdecl("fuzz_loaders_main")
public func fuzzLoadersMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzLoaders)
}

/// Seeds the corpus from `TWILINT_FUZZ_SEEDS` (see `FuzzDriver.writeSeeds`).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzLoadersInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
) -> CInt {
    FuzzDriver.writeSeeds(argc.pointee, argv.pointee, for: .loaders)
}
