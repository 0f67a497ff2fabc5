/// One commit as `git log` describes it: what a finding's provenance needs.
struct Commit: Sendable, Hashable {
    /// The full commit id.
    var id: String
    /// The author date, in seconds since 1970 (UTC).
    var authorTime: Int
    var author: String
    /// Its place in the log: 0 for the first commit git printed (the newest), then
    /// counting up towards the oldest. Output order and "first commit" follow it.
    var sequence: Int

    /// The author date as ISO 8601 in UTC, `2024-05-01T12:00:00Z` (no formatter:
    /// the same text on every machine and locale).
    var authorDate: String {
        let days = authorTime >= 0 ? authorTime / 86_400 : (authorTime - 86_399) / 86_400
        let seconds = authorTime - days * 86_400
        // Days to a civil date (Howard Hinnant's algorithm).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let yearText = String(year)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText
            + "-\(two(month))-\(two(day))T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))Z"
    }
}
