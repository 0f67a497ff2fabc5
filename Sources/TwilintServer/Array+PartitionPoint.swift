extension Array {
    /// The first index whose element is in the second part of a partitioned array.
    func partitionPoint(_ isInSecondPart: (Element) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isInSecondPart(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
