/// One change to a file's bytes: `range` (UTF-8 byte offsets into the text the
/// fix was made for) becomes `replacement`. An empty range inserts.
public struct Edit: Codable, Hashable, Sendable {
    public var range: Range<Int>
    public var replacement: String

    public init(_ range: Range<Int>, _ replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    /// An insertion of `text` at `offset`.
    public static func insert(_ text: String, at offset: Int) -> Edit { Edit(offset..<offset, text) }

    /// Whether applying both edits to one text is ambiguous or contradictory: their
    /// ranges share bytes, or one inserts inside (or at the same place as) the other.
    /// Identical edits do not conflict: two fixes that both add `import os` agree.
    func conflicts(with other: Edit) -> Bool {
        if self == other { return false }
        if range.isEmpty || other.range.isEmpty {
            let (point, span) = range.isEmpty ? (range.lowerBound, other.range) : (other.range.lowerBound, range)
            return span.isEmpty ? point == span.lowerBound : span.lowerBound < point && point < span.upperBound
        }
        return range.overlaps(other.range)
    }
}
