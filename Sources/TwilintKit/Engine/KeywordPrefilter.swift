import Matching

/// One pass over a file's bytes that tells which rule keywords occur in it, so
/// rules and patterns whose keywords are absent cost nothing.
public struct KeywordPrefilter: Sendable {
    /// Distinct keywords, lower-cased; a keyword's position is its id.
    public let keywords: [String]
    private let matcher: PCRE2Matcher?

    public init(keywords: [String]) throws {
        var distinct: [String] = []
        for keyword in keywords.map({ $0.lowercased() }) where !distinct.contains(keyword) {
            distinct.append(keyword)
        }
        self.keywords = distinct
        // `(k0)|(k1)|…`: the highest group that took part names the keyword found.
        let alternation = distinct.map { "(\\Q\($0)\\E)" }.joined(separator: "|")
        matcher = distinct.isEmpty ? nil : try PCRE2Matcher(alternation, caseless: true)
    }

    /// The id of `keyword` (which must be one of `keywords`).
    public func id(of keyword: String) -> Int? {
        keywords.firstIndex(of: keyword.lowercased())
    }

    /// Which keywords occur in `text`, as a set of ids.
    public func scan(_ text: UnsafeBufferPointer<UInt8>) throws -> KeywordHits {
        var hits = KeywordHits(count: keywords.count)
        guard let matcher else { return hits }
        var offset = 0
        while hits.found < keywords.count, let match = try matcher.firstMatch(in: text, from: offset) {
            hits.insert(match.lastGroup - 1)
            offset = match.range.upperBound
        }
        return hits
    }
}

/// The keywords found in one file.
public struct KeywordHits: Sendable {
    private var flags: [Bool]
    public private(set) var found = 0

    init(count: Int) { flags = Array(repeating: false, count: count) }

    mutating func insert(_ id: Int) {
        guard flags.indices.contains(id), !flags[id] else { return }
        flags[id] = true
        found += 1
    }

    public func contains(_ id: Int) -> Bool { flags.indices.contains(id) && flags[id] }

    /// True when `ids` is empty (no prefilter) or any of them was found.
    public func containsAny(_ ids: [Int]) -> Bool { ids.isEmpty || ids.contains(where: contains) }
}
