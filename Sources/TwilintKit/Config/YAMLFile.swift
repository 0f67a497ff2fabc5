/// Reads the YAML files twilint is configured by (`.twilint.yml`, rule files) within
/// bounds, so that a huge, deeply nested or special file is refused with a clear
/// message instead of costing unbounded time, memory or stack.
enum YAMLFile {
    /// The largest configuration or rule file read: real ones hold a few kB.
    static let largestSize = 1 << 20
    /// How deep collections may nest: libyaml's own limit (`yaml_set_max_nest_level`),
    /// which Yams leaves at its default; real files nest fewer than ten levels.
    static let deepestNesting = 1000

    /// The text of the file at `path`; `invalid` words a problem with its contents as
    /// the caller's kind of error.
    static func read(_ path: String, invalid: (String) -> TwilintError) throws -> String {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: largestSize)
        } catch FileReader.Failure.tooLarge(let size) {
            throw invalid("the file is \(size) bytes, over the \(largestSize)-byte (1 MiB) limit for configuration and rule files")
        } catch FileReader.Failure.notRegular(let kind) {
            throw TwilintError.unreadable(path: path, reason: "it is \(kind), not a regular file; name a YAML file")
        } catch let failure as FileReader.Failure {
            throw TwilintError.unreadable(path: path, reason: "\(failure.reason); check that the file exists and can be read")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw invalid("the file is not UTF-8 text") }
        return text
    }

    /// libyaml's message for a problem, reworded where it speaks of its own API.
    static func problem(_ message: String) -> String {
        guard message.contains("nesting level") else { return message }
        return "collections are nested more than \(deepestNesting) levels deep; flatten the file"
    }
}
