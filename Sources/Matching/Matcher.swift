/// One match of a pattern in a byte buffer. Offsets are UTF-8 byte offsets.
public struct Match: Equatable, Sendable {
    /// The whole match.
    public var range: Range<Int>
    /// The named group `focus` when the pattern has one and it took part, else `range`.
    /// Rules put the offending token (the secret, the phone number) in `focus`.
    public var focus: Range<Int>
    /// The highest-numbered capture group that took part (0 when none did): in
    /// `(a)|(b)|(c)` it says which alternative matched.
    public var lastGroup: Int

    public init(range: Range<Int>, focus: Range<Int>, lastGroup: Int = 0) {
        self.range = range
        self.focus = focus
        self.lastGroup = lastGroup
    }
}

/// Why a search could not say whether the pattern matches.
public enum MatcherError: Error, Equatable, Sendable {
    /// The pattern backtracked past the match or depth limit (catastrophic backtracking).
    case limitExceeded
    /// Any other failure reported by the engine, with its message.
    case engine(String)
}

/// A compiled pattern that searches UTF-8 bytes. Implementations are immutable and
/// safe to share between threads.
public protocol Matcher: Sendable {
    /// The first match that starts at or after `offset`, or nil.
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, from offset: Int) throws -> Match?
}

extension Matcher {
    /// Calls `body` for every match, left to right. After an empty match the search
    /// steps one byte on, so it always terminates and never reports a match twice.
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt8>,
        _ body: (Match) throws -> Void
    ) throws {
        var offset = 0
        while offset <= text.count, let match = try firstMatch(in: text, from: offset) {
            try body(match)
            offset = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
        }
    }

    /// True when the pattern matches anywhere in `text`.
    public func matches(_ text: UnsafeBufferPointer<UInt8>) throws -> Bool {
        try firstMatch(in: text, from: 0) != nil
    }

    /// Convenience for tests and small inputs.
    public func matches(in string: String) throws -> [Match] {
        var bytes = Array(string.utf8)
        var found: [Match] = []
        try bytes.withUnsafeMutableBufferPointer { buffer in
            try forEachMatch(in: UnsafeBufferPointer(buffer)) { found.append($0) }
        }
        return found
    }
}
