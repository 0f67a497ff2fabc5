/// Where the matches of a costly pattern can start, found by cheap searches:
/// every match starts between `before` bytes before and `after` bytes after a
/// hit of one of `finders` (case-insensitive literals, say, or a literal-led
/// pattern).
///
/// A pattern that opens with an alternation or a common character is tried at
/// almost every byte of a dense file (a minified bundle, a one-line export);
/// searched only from the windows around its anchors' hits, it costs what those
/// hits cost, and finds exactly the matches a whole-file search finds as long as
/// the claim above holds for the pattern.
public struct Anchor: Sendable {
    public let finders: [PCRE2Matcher]
    public let before: Int
    public let after: Int

    public init(finders: [PCRE2Matcher], before: Int, after: Int = 0) {
        self.finders = finders
        self.before = before
        self.after = after
    }

    /// The offsets where a match may start, as sorted, disjoint windows.
    public func windows(in text: UnsafeBufferPointer<UInt8>) throws -> [ClosedRange<Int>] {
        var starts: [ClosedRange<Int>] = []
        for finder in finders {
            // Stepping one byte past each hit's start, not past its end, also finds
            // hits that overlap (a word such as `abab` in `ababab`).
            var from = 0
            while let hit = try finder.firstMatch(in: text, from: from) {
                let at = hit.range.lowerBound
                starts.append(max(0, at - before)...min(text.count, at + after))
                from = at + 1
            }
        }
        if finders.count > 1 { starts.sort { $0.lowerBound < $1.lowerBound } }
        var merged: [ClosedRange<Int>] = []
        merged.reserveCapacity(starts.count)
        for window in starts {
            if let last = merged.last, window.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, window.upperBound)
            } else {
                merged.append(window)
            }
        }
        return merged
    }
}

extension PCRE2Matcher {
    /// Calls `body` for every match that starts inside one of `windows` (sorted and
    /// disjoint), left to right: the matches `forEachMatch(in:_:)` reports when every
    /// match starts in a window. Needs a matcher made `startLimited`.
    public func forEachMatch(
        in text: UnsafeBufferPointer<UInt8>,
        startingIn windows: [ClosedRange<Int>],
        _ body: (Match) throws -> Void
    ) throws {
        var offset = 0
        for window in windows {
            while max(offset, window.lowerBound) <= window.upperBound,
                  let match = try firstMatch(in: text, from: max(offset, window.lowerBound), startingBy: window.upperBound) {
                try body(match)
                offset = match.range.isEmpty ? match.range.upperBound + 1 : match.range.upperBound
            }
        }
    }
}
