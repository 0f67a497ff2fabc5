/// `--statistics`: how many findings each rule made, most first, then by id.
public enum StatisticsTable {
    public static func render(_ report: Report) -> String {
        let counts = Dictionary(grouping: report.findings, by: \.ruleID)
        let rows = counts.map { id, findings in (id: id, name: findings[0].ruleName, severity: findings[0].severity, count: findings.count) }
            .sorted { ($1.count, $0.id) < ($0.count, $1.id) }
        guard !rows.isEmpty else { return "No findings to count.\n" }
        let countWidth = String(rows[0].count).count
        let idWidth = rows.map(\.id.count).max() ?? 0
        let nameWidth = rows.map(\.name.count).max() ?? 0
        return rows.map { row in
            let count = String(repeating: " ", count: countWidth - String(row.count).count) + String(row.count)
            let id = row.id.padding(toLength: idWidth, withPad: " ", startingAt: 0)
            let name = row.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
            return "\(count)  \(id)  \(name)  \(row.severity.rawValue)\n"
        }.joined()
    }
}
