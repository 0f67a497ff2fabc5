import Foundation

/// The one check the tests apply to every SARIF log twilint writes: the official JSON
/// schema, then what GitHub code scanning needs on top of it.
public enum SARIFValidator {
    /// Every problem with `data`, schema violations first; empty when GitHub would ingest it.
    public static func problems(in data: Data) -> [String] {
        SchemaCheck().problems(in: data) + CodeScanningCheck.problems(in: data)
    }

    /// Every problem with the SARIF file at `path`.
    public static func problems(inFile path: String) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            return ["\(path): the file cannot be read."]
        }
        return problems(in: data)
    }
}
