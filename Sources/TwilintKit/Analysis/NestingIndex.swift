/// Answers "which of these ranges hold this offset, innermost first" with a binary
/// search and a walk out through the ranges that hold each other, instead of a
/// pass over all of them per question (which made files with thousands of
/// functions, calls or try blocks quadratic). Ranges are expected to nest or be
/// disjoint, as code's bodies, argument lists and calls do; for ranges that cross,
/// the answer holds only those that also hold the start of a later one.
struct NestingIndex {
    /// Range indices by start, outer first when two start together.
    private let order: [Int]
    private let starts: [Int]
    /// For each position in `order`, the position of the innermost range holding its start; -1 for none.
    private let parent: [Int]
    private let ranges: [Range<Int>]

    init(_ ranges: [Range<Int>]) {
        self.ranges = ranges
        order = ranges.indices.sorted {
            let a = ranges[$0], b = ranges[$1]
            return a.lowerBound != b.lowerBound ? a.lowerBound < b.lowerBound : a.count > b.count
        }
        starts = order.map { ranges[$0].lowerBound }
        var parent = [Int](repeating: -1, count: order.count)
        var open: [Int] = []  // positions of the ranges holding the current one, innermost last
        for (position, index) in order.enumerated() {
            let start = ranges[index].lowerBound
            while let last = open.last, !ranges[order[last]].contains(start) { open.removeLast() }
            parent[position] = open.last ?? -1
            open.append(position)
        }
        self.parent = parent
    }

    /// Indices of the ranges that hold `offset`, innermost first.
    func containing(_ offset: Int) -> [Int] {
        var found: [Int] = []
        var position = starts.partitioningIndex { $0 > offset } - 1
        while position >= 0 {
            if ranges[order[position]].contains(offset) { found.append(order[position]) }
            position = parent[position]
        }
        return found
    }

    /// The index of the innermost range that holds `offset`.
    func innermost(containing offset: Int) -> Int? {
        var position = starts.partitioningIndex { $0 > offset } - 1
        while position >= 0 {
            if ranges[order[position]].contains(offset) { return order[position] }
            position = parent[position]
        }
        return nil
    }
}
