/// The token is shaped like a Twilio credential: a bounded run of letters and
/// digits that is either 34 long and starts with `AC`/`SK` (a SID), or 32 long
/// with at least one digit (an auth token or key secret; a 32-letter run without
/// digits is a long identifier, and a random secret has digits all but always).
///
/// Its whole-file check is one skipping pass over the bytes, so the secret rules'
/// regexes run only on the files that hold such a run at all.
struct CredentialShaped: MatchCondition {
    let name = "credential-shaped"

    func holds(for focus: Range<Int>, in file: SourceFile) -> Bool {
        file.withBytes { Self.isCandidate(UnsafeBufferPointer(rebasing: $0[focus])) }
    }

    func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) { file.withBytes(Self.containsCandidate) }
    }

    private static let alphanumeric: [Bool] = (0..<256).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func isCandidate(_ run: UnsafeBufferPointer<UInt8>) -> Bool {
        switch run.count {
        case 34:
            return (run[0] == UInt8(ascii: "A") && run[1] == UInt8(ascii: "C")) || (run[0] == UInt8(ascii: "S") && run[1] == UInt8(ascii: "K"))
        case 32:
            return run.contains { (48...57).contains($0) }
        default:
            return false
        }
    }

    /// Finds a candidate run without looking at most bytes: a run of 32 or more
    /// must cover the 32 bytes after any position, so the scan probes the 32nd byte
    /// and jumps past the last non-alphanumeric byte it sees.
    static func containsCandidate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        alphanumeric.withUnsafeBufferPointer { isAlphanumeric in
            let count = bytes.count
            var start = 0
            while start + 32 <= count {
                var probe = start + 31
                while probe >= start && isAlphanumeric[Int(bytes[probe])] { probe -= 1 }
                if probe >= start {
                    start = probe + 1
                    continue
                }
                // bytes[start] follows a non-alphanumeric byte (or the file's start): measure the run.
                var end = start + 32
                while end < count && isAlphanumeric[Int(bytes[end])] { end += 1 }
                if isCandidate(UnsafeBufferPointer(rebasing: bytes[start..<end])) { return true }
                start = end + 1
            }
            return false
        }
    }
}
