/// Applies fixes to a text. Fixes go in the order of their first edit; one whose
/// edits conflict with a fix already taken is left for the next round (after a
/// re-lint, the findings that remain get fixes made for the new text).
public enum FixApplier {
    /// The text after the fixes, and which of them went in.
    public struct Outcome: Equatable, Sendable {
        public var bytes: [UInt8]
        /// Positions in the given list of the fixes that were applied.
        public var applied: [Int]
    }

    /// `bytes` with the fixes that do not conflict applied; `fixes` are made against `bytes`.
    public static func apply(_ fixes: [Fix], to bytes: [UInt8]) -> Outcome {
        let order = fixes.indices.sorted { first(fixes[$0]) < first(fixes[$1]) }
        var taken: [Edit] = [], applied: [Int] = []
        for index in order {
            let edits = fixes[index].edits
            guard edits.allSatisfy({ $0.range.upperBound <= bytes.count }),
                  !edits.contains(where: { edit in taken.contains { $0.conflicts(with: edit) } }) else { continue }
            for edit in edits where !taken.contains(edit) { taken.append(edit) }
            applied.append(index)
        }
        taken.sort { ($0.range.lowerBound, $0.range.isEmpty ? 0 : 1) < ($1.range.lowerBound, $1.range.isEmpty ? 0 : 1) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var cursor = 0
        for edit in taken {
            result += bytes[cursor..<edit.range.lowerBound]
            result += Array(edit.replacement.utf8)
            cursor = edit.range.upperBound
        }
        result += bytes[cursor...]
        return Outcome(bytes: result, applied: applied.sorted())
    }

    private static func first(_ fix: Fix) -> Int { fix.edits.first?.range.lowerBound ?? Int.max }
}
