import Foundation
import PipelineInvariants

/// libFuzzer's driver, from the fuzzer runtime that `-sanitize=fuzzer` links.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Starts libFuzzer for a fuzz target.
///
/// A target (built with `-parse-as-library`) defines `LLVMFuzzerTestOneInput`,
/// which libFuzzer's own `main` calls. A debug build of a SwiftPM executable also
/// links `main` to `<module>_main` (so that tests can import executables), so each
/// target defines that symbol too and hands it to `run`.
public enum FuzzDriver {
    /// Runs libFuzzer with the process's arguments (`-max_total_time=60 corpus/` …) over `testOneInput`.
    public static func run(
        _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
        _ testOneInput: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
    }

    /// With `TWILINT_FUZZ_SEEDS=FOLDER[:FOLDER…]` (`make fuzz` names fixtures/, or
    /// rules/ and fixtures/), writes the seeds of each FOLDER into the corpus folder,
    /// the first argument that is not a flag, before libFuzzer reads it. Returns 0,
    /// as `LLVMFuzzerInitialize` must.
    public static func writeSeeds(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, for target: SeedCorpus.Target) -> CInt {
        guard let folders = ProcessInfo.processInfo.environment["TWILINT_FUZZ_SEEDS"] else { return 0 }
        let arguments = (1 ..< Int(argc)).compactMap { argv[$0].map { String(cString: $0) } }
        guard let corpus = arguments.first(where: { !$0.hasPrefix("-") }) else { return 0 }
        do {
            for folder in folders.split(separator: ":").map(String.init) {
                print("fuzz-\(target.rawValue): \(try SeedCorpus.write(from: folder, to: corpus, for: target)) seeds from \(folder) in \(corpus)")
            }
        } catch {
            fatalError("fuzz-\(target.rawValue): cannot write seeds into \(corpus): \(error)")
        }
        return 0
    }
}
