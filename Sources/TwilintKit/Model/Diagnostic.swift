/// Something about the scan itself, not the code: a file that could not be read,
/// a rule that hit its match limit, a file skipped for its size.
public struct Diagnostic: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Level: String, Codable, Sendable {
        /// The scan is incomplete: exit code 2.
        case error
        /// Worth a line on stderr, but the scan is complete as configured.
        case warning
        /// Shown with `--verbose` only.
        case note
    }

    public var level: Level
    public var path: String
    public var message: String
    /// The UTF-8 bytes of the file it is about (a `twilint:` directive), for
    /// editors to show it there; nil for the whole file. Not part of the JSON
    /// report, whose messages say the line.
    public var byteRange: Range<Int>?

    private enum CodingKeys: String, CodingKey { case level, path, message }

    public init(_ level: Level, path: String, _ message: String, at byteRange: Range<Int>? = nil) {
        self.level = level
        self.path = path
        self.message = message
        self.byteRange = byteRange
    }

    public var description: String { "twilint: \(level.rawValue): \(path): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.path, lhs.message) < (rhs.path, rhs.message)
    }
}
