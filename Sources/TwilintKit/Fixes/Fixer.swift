/// Fixes one file's text as ruff does: apply the fixes that do not conflict,
/// lint the result again, and repeat while fixes apply, so that fixes made for
/// the new text (an import already added, a neighbour's edit) can follow.
public struct Fixer: Sendable {
    /// A linter made with `offerFixes` set.
    public let linter: Linter
    /// Apply unsafe fixes too (`--unsafe-fixes`).
    public let unsafe: Bool
    /// Rounds at most: fixes never undo each other, but a bound keeps a surprise finite.
    static let rounds = 10

    public init(linter: Linter, unsafe: Bool) {
        self.linter = linter
        self.unsafe = unsafe
    }

    /// The fixed text and what went into it.
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        /// The findings whose fixes were applied, in the order applied.
        public var fixed: [Finding] = []
        /// What the user must do besides (`export …` lines), once each.
        public var instructions: [String] = []
    }

    /// `bytes`, the text of `path`, with every applicable fix applied.
    public func fix(_ bytes: [UInt8], path: String) -> Outcome {
        var outcome = Outcome(bytes: bytes)
        for _ in 0..<Self.rounds {
            let findings = linter.run(buffers: [SourceBuffer(path: path, bytes: outcome.bytes)]).findings
            let fixable = findings.filter { $0.fix.map(allowed) ?? false }
            let applied = FixApplier.apply(fixable.compactMap(\.fix), to: outcome.bytes)
            guard !applied.applied.isEmpty else { break }
            outcome.bytes = applied.bytes
            for index in applied.applied {
                outcome.fixed.append(fixable[index])
                if let instruction = fixable[index].fix?.instruction, !outcome.instructions.contains(instruction) {
                    outcome.instructions.append(instruction)
                }
            }
        }
        return outcome
    }

    private func allowed(_ fix: Fix) -> Bool { fix.applicability == .safe || unsafe }
}
