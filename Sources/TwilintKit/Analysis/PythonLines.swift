/// The lines of a Python file that start a statement outside brackets, with their
/// indentation and where the block they open ends: found in one pass, so that
/// blocks nested thousands deep are not each walked to their end (which made such
/// files quadratic).
struct PythonLines {
    /// Token indices of the first token of each such line, in order.
    private let starts: [Int]
    private let indents: [Int]
    /// For each line, the position in `starts` of the next line indented no deeper; `starts.count` for none.
    private let nextOutdent: [Int]

    init(_ model: CodeModel) {
        var starts: [Int] = [], indents: [Int] = []
        var depth = 0
        for index in model.tokens.indices {
            let partner = model.partner[index]
            if partner >= 0, partner < index { depth -= 1 }
            if depth == 0, model.startsLine(index) {
                starts.append(index)
                indents.append(model.indentation(ofLineAt: model.tokens[index].range.lowerBound))
            }
            if partner > index { depth += 1 }
        }
        var nextOutdent = [Int](repeating: starts.count, count: starts.count)
        var open: [Int] = []  // lines still waiting for one indented no deeper
        for position in starts.indices {
            while let last = open.last, indents[position] <= indents[last] { nextOutdent[open.removeLast()] = position }
            open.append(position)
        }
        self.starts = starts
        self.indents = indents
        self.nextOutdent = nextOutdent
    }

    /// The token that ends the block opened by the header at token `colon`, indented by
    /// `indent` (the first token of the next line indented no deeper, or the token
    /// count); nil when the header does not sit on such a line with that indentation.
    func blockEnd(afterColon colon: Int, indent: Int) -> Int? {
        let position = starts.partitioningIndex { $0 > colon } - 1
        guard position >= 0, indents[position] == indent else { return nil }
        let next = nextOutdent[position]
        return next < starts.count ? starts[next] : Int.max
    }
}
