/// Line, column and character boundaries of a file's bytes, worked out here
/// from first principles rather than by the linter's own `SourceFile`, so that
/// the two can be checked against each other.
struct ByteOffsets {
    let bytes: [UInt8]
    /// Offsets at which a line begins (0 and each byte after a `\n`).
    private let lineStarts: [Int]
    /// True where an offset does not fall inside a well-formed multi-byte UTF-8
    /// sequence; the end of the file is a boundary too.
    private let boundaries: [Bool]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        var boundaries = [Bool](repeating: true, count: bytes.count + 1)
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                for inside in offset + 1 ..< offset + encoded.count { boundaries[inside] = false }
                offset += encoded.count
            case .error(let length):
                // Bytes of a broken sequence each stand alone; none of them splits a character.
                offset += length
            case .emptyInput:
                self.boundaries = boundaries
                return
            }
        }
    }

    func isBoundary(_ offset: Int) -> Bool { boundaries[offset] }

    /// 1-based line, and 1-based column counting code points (every byte that is
    /// not a UTF-8 continuation byte `10xxxxxx`), as the README promises.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var low = 0, high = lineStarts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle }
        }
        let column = bytes[lineStarts[low] ..< offset].filter { $0 & 0xC0 != 0x80 }.count + 1
        return (low + 1, column)
    }
}
