extension RandomAccessCollection {
    /// The first index whose element satisfies `isInSecondPart`, found by binary
    /// search: every element that satisfies it must come after every one that does
    /// not (offsets in a sorted list: "starts at or after x"). `endIndex` if none does.
    func partitioningIndex(where isInSecondPart: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2, middle = index(low, offsetBy: half)
            if isInSecondPart(self[middle]) {
                count = half
            } else {
                low = index(after: middle)
                count -= half + 1
            }
        }
        return low
    }
}
