import Matching

/// Tells which rule keywords occur in a file, so rules and patterns whose keywords
/// are absent cost nothing. Each keyword is its own case-insensitive literal search,
/// run the first time a rule asks for it in a file: the JIT skips to the keyword's
/// first letter with a vector search and stops at the first hit, where one
/// alternation of every keyword would be tried at almost every byte.
public struct KeywordPrefilter: Sendable {
    /// Distinct keywords, lower-cased; a keyword's position is its id.
    public let keywords: [String]
    private let matchers: [PCRE2Matcher]

    public init(keywords: [String]) throws {
        var distinct: [String] = []
        for keyword in keywords.map({ $0.lowercased() }) where !distinct.contains(keyword) {
            distinct.append(keyword)
        }
        self.keywords = distinct
        matchers = try distinct.map { try PCRE2Matcher.literal($0, caseless: true) }
    }

    /// The id of `keyword` (which must be one of `keywords`).
    public func id(of keyword: String) -> Int? {
        keywords.firstIndex(of: keyword.lowercased())
    }

    /// Whether keyword `id` occurs in `text`.
    func occurs(_ id: Int, in text: UnsafeBufferPointer<UInt8>) throws -> Bool {
        try matchers[id].matches(text)
    }
}

/// The keywords of one file, each looked for once and only when asked about.
public struct KeywordHits {
    private let prefilter: KeywordPrefilter
    private let text: UnsafeBufferPointer<UInt8>
    private var known: [Bool?]

    init(_ prefilter: KeywordPrefilter, text: UnsafeBufferPointer<UInt8>) {
        self.prefilter = prefilter
        self.text = text
        known = Array(repeating: nil, count: prefilter.keywords.count)
    }

    /// True when `ids` is empty (no prefilter) or any of them occurs.
    public mutating func containsAny(_ ids: [Int]) throws -> Bool {
        guard !ids.isEmpty else { return true }
        for id in ids where try contains(id) { return true }
        return false
    }

    private mutating func contains(_ id: Int) throws -> Bool {
        if let found = known[id] { return found }
        let found = try prefilter.occurs(id, in: text)
        known[id] = found
        return found
    }
}
