/// The token is a bounded run of 32 or 34 letters and digits: the shape of an auth
/// token or key secret (32) and of an `AC`/`SK` SID (34). Its whole-file check is
/// one tight pass over the bytes, so the secret rules' regexes only run on the
/// few files that hold such a run at all.
struct CredentialShaped: MatchCondition {
    let name = "credential-shaped"

    func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { true }

    func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) { file.withBytes(Self.containsCandidateRun) }
    }

    private static let isAlphanumeric: [Bool] = (0..<256).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func containsCandidateRun(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        isAlphanumeric.withUnsafeBufferPointer { table in
            var run = 0
            for byte in bytes {
                if table[Int(byte)] {
                    run += 1
                } else {
                    if run == 32 || run == 34 { return true }
                    run = 0
                }
            }
            return run == 32 || run == 34
        }
    }
}
