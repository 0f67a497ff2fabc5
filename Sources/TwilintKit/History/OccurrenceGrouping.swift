/// Folds the occurrences of each secret into one finding: the first commit that
/// added it, and how many did. With `allOccurrences`, every occurrence is a
/// finding of its own (each counting 1).
struct OccurrenceGrouping {
    let allOccurrences: Bool
    let includeAuthor: Bool
    /// The secrets HEAD's tree still holds; nil when it could not be searched.
    let presentAtHead: Set<[UInt8]>?

    /// Findings in history order (oldest first), each with its `commit`.
    func findings(_ occurrences: [Occurrence]) -> [Finding] {
        let ordered = occurrences.sorted(by: Occurrence.historyOrder)
        if allOccurrences { return ordered.map { finding($0, count: 1) } }
        var firsts: [Occurrence] = []
        var counts: [String: Int] = [:]
        for occurrence in ordered {
            let key = occurrence.secretKey
            if counts[key] == nil { firsts.append(occurrence) }
            counts[key, default: 0] += 1
        }
        return firsts.map { finding($0, count: counts[$0.secretKey] ?? 1) }
    }

    private func finding(_ occurrence: Occurrence, count: Int) -> Finding {
        var finding = occurrence.finding
        finding.commit = CommitProvenance(
            commit: occurrence.commit.id, authorDate: occurrence.commit.authorDate,
            author: includeAuthor ? occurrence.commit.author : nil,
            presentAtHead: presentAtHead?.contains(occurrence.secret), occurrences: count)
        return finding
    }
}
