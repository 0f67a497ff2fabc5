/// JUnit XML, which CI servers (Jenkins, GitLab, Azure Pipelines, CircleCI) show
/// as test results: one test suite, one test case per file scanned, failing with
/// the file's findings, so the CI page reads "48 tests, 2 failed" and lists the
/// files to fix. Files that could not be read are test cases in error.
public struct JUnitReporter: Reporter {
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let byPath = Dictionary(grouping: report.findings, by: \.path)
        let errorsByPath = Dictionary(grouping: report.diagnostics.filter { $0.level == .error }, by: \.path)
        let paths = Set(report.scannedFiles).union(byPath.keys).union(errorsByPath.keys).sorted()
        let failures = paths.filter { byPath[$0] != nil }.count
        let errors = paths.filter { byPath[$0] == nil && errorsByPath[$0] != nil }.count
        let counts = "tests=\"\(paths.count)\" failures=\"\(failures)\" errors=\"\(errors)\""

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"twilint\" \(counts)>\n"
        out += "  <testsuite name=\"twilint\" \(counts) skipped=\"0\">\n"
        for path in paths {
            let name = Self.escape(context.relative(path))
            let open = "    <testcase classname=\"twilint\" name=\"\(name)\" file=\"\(name)\""
            if let findings = byPath[path] {
                let ids = Set(findings.map { "\($0.ruleID) \($0.ruleName)" }).sorted().joined(separator: ", ")
                let noun = findings.count == 1 ? "problem" : "problems"
                let body = findings.map { finding in
                    "\(finding.start.line):\(finding.start.column): \(finding.severity.rawValue)[\(finding.ruleID) \(finding.ruleName)] \(finding.message)\n"
                        + "  \(finding.snippet)\n" + (finding.commit.map { "  " + TextReporter.describe($0) + "\n" } ?? "")
                }.joined()
                out += open + ">\n"
                out += "      <failure type=\"twilint\" message=\"\(findings.count) \(noun): \(Self.escape(ids))\">"
                out += Self.escape(body) + "</failure>\n"
                out += "    </testcase>\n"
            } else if let diagnostics = errorsByPath[path] {
                out += open + ">\n"
                out += "      <error type=\"twilint\" message=\"\(Self.escape(diagnostics.map(\.message).joined(separator: "; ")))\"/>\n"
                out += "    </testcase>\n"
            } else {
                out += open + "/>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    /// Text made safe for XML attributes and content; control characters XML 1.0
    /// forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
