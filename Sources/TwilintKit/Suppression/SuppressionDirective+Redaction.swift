extension SuppressionDirective {
    /// This directive with every secret after it on its line hidden in its reason,
    /// as snippets hide them: a reason may quote the credential it silences
    /// (`# twilint: ignore[TW001] -- rotated, was AC3f…`), and JSON, JSON Lines and
    /// SARIF print the reason of each suppressed finding.
    /// `secrets` must be sorted by where they start: a binary search finds the line's.
    func redactingReason(_ secrets: [Range<Int>], in file: SourceFile) -> SuppressionDirective {
        guard var text = reason, !secrets.isEmpty else { return self }
        let line = file.lineRange(containing: range.lowerBound)
        let first = secrets.partitioningIndex { $0.lowerBound >= range.upperBound }
        for secret in secrets[first...].prefix(while: { $0.lowerBound < line.upperBound }) where secret.upperBound <= line.upperBound {
            let value = file.text(secret)
            text = text.replacing(value, with: Redactor.redact(value))
        }
        var redacted = self
        redacted.reason = text
        return redacted
    }
}
