import FuzzDriver
import PipelineInvariants

/// Built once: compiling and JIT-compiling the rules costs more than most inputs.
private let check = try! PipelineCheck()

/// One input: the first byte picks the file's path, the rest is the file (see
/// `FuzzInput`). Traps when a pipeline invariant breaks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(fuzzed: UnsafeBufferPointer(start: data, count: size))
    let problems = check.violations(input)
    if !problems.isEmpty { fatalError("\(input.path): " + problems.joined(separator: "\n")) }
    return 0
}

/// The entry point a SwiftPM debug build links `main` to (see `FuzzDriver`).
@_cdecl("fuzz_pipeline_main")
public func fuzzPipelineMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    FuzzDriver.run(argc, argv, fuzzPipeline)
}


/// Seeds the corpus from `TWILINT_FUZZ_SEEDS` (see `FuzzDriver.writeSeeds`).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzPipelineInitialize(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>
) -> CInt {
    FuzzDriver.writeSeeds(argc.pointee, argv.pointee, for: .pipeline)
}
