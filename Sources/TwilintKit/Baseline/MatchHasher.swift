/// Gives each finding of a file its `matchHash`: the first 16 hex digits of the
/// SHA-256 of the matched bytes (runs of whitespace made one space, ends
/// trimmed, so re-indenting changes nothing), then `:n` for the n-th finding of
/// that rule with that text in the file. The line number never enters it, so
/// moving code keeps the hash, while a copied secret gets a new `n`.
enum MatchHasher {
    /// `findings` (one file's, in report order) with `matchHash` set, read from `bytes`.
    static func assign(_ findings: [Finding], bytes: [UInt8]) -> [Finding] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            var hashed = finding
            let range = finding.byteRange.clamped(to: 0..<bytes.count)
            let digest = String(SHA256.hex(normalised(bytes[range])).prefix(16))
            let occurrence = seen[finding.ruleID + "\u{0}" + digest, default: 0] + 1
            seen[finding.ruleID + "\u{0}" + digest] = occurrence
            hashed.matchHash = "\(digest):\(occurrence)"
            return hashed
        }
    }

    static func normalised(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20) }
            pendingSpace = false
            result.append(byte)
        }
        return result
    }
}
