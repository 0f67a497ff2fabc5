import Foundation
import TwilintKit

/// The fuzzers' first inputs, read from the repository at run time (so no copy
/// of the fixtures is ever committed as a corpus).
public enum SeedCorpus {
    /// Which fuzzer the seeds are for.
    public enum Target: String, Sendable {
        /// Every file of the folder, encoded as `FuzzInput.seed` says so that each is
        /// scanned as the kind of file it is.
        case pipeline
        /// Every YAML file of the folder as it is, and the starter configuration.
        case loaders
    }

    /// The seeds from the files under `folder`, by path relative to it, sorted.
    public static func seeds(in folder: String, for target: Target) -> [(path: String, bytes: [UInt8])] {
        let root = URL(fileURLWithPath: folder)
        let relatives = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        let files: [(path: String, bytes: [UInt8])] = relatives.sorted().compactMap { relative in
            var isFolder: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            // FileReader, not FileManager.contents: Foundation leaks its buffer for an empty file
            // (a package's `__init__.py`), which LeakSanitizer reports.
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  let bytes = try? FileReader.read(path, limit: 1 << 24) else { return nil }
            return (relative, bytes)
        }
        switch target {
        case .pipeline:
            return files.map { ($0.path, FuzzInput.seed(path: $0.path, bytes: $0.bytes)) }
        case .loaders:
            return files.filter { $0.path.hasSuffix(".yml") || $0.path.hasSuffix(".yaml") }
                + [("starter.twilint.yml", Array(StarterConfiguration.text.utf8))]
        }
    }

    /// Writes the seeds of `folder` into `corpus` (created when missing), one file
    /// each, named after its path; returns how many.
    public static func write(from folder: String, to corpus: String, for target: Target) throws -> Int {
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        let seeds = seeds(in: folder, for: target)
        for seed in seeds {
            let name = "seed-" + seed.path.replacingOccurrences(of: "/", with: "_")
            try Data(seed.bytes).write(to: URL(fileURLWithPath: corpus).appendingPathComponent(name))
        }
        return seeds.count
    }
}
