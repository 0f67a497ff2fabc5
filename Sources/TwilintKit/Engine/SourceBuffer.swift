/// A file's content that is not read from disk (an editor buffer, a staged blob).
public struct SourceBuffer: Sendable {
    /// The path shown to users; it also decides the language and the configuration globs that apply.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}
