import TwilintKit

/// Findings as LSP diagnostics: the range in the session's encoding, severity,
/// the rule id as `code`, its documentation as `codeDescription` (the link SARIF
/// gives), source `twilint`, and the message of the text output (secrets never
/// appear in messages). TW000's stale directives are marked unnecessary.
struct DiagnosticMaker {
    let document: TextDocument
    let encoding: PositionEncoding

    func range(_ bytes: Range<Int>) -> JSON {
        ["start": document.position(of: bytes.lowerBound, encoding: encoding).json,
         "end": document.position(of: bytes.upperBound, encoding: encoding).json]
    }

    func diagnostic(_ finding: Finding, rule: Rule?) -> JSON {
        var members: [String: JSON] = [
            "range": range(finding.byteRange),
            "severity": JSON(Self.severity(finding.severity)),
            "code": JSON(finding.ruleID),
            "source": "twilint",
            "message": JSON(finding.message),
            "data": ["rule": JSON(finding.ruleName)],
        ]
        if let rule { members["codeDescription"] = ["href": JSON(rule.documentationURI)] }
        if finding.ruleID == UnusedSuppression.rule.id { members["tags"] = [1] }
        return .object(members)
    }

    /// A scan diagnostic about part of the document (a directive naming no known
    /// rule), at that part, with the message `twilint check` prints for it.
    func diagnostic(_ notice: Diagnostic) -> JSON {
        ["range": range(notice.byteRange ?? 0..<0), "severity": JSON(Self.severity(notice.level)), "source": "twilint",
         "message": JSON(notice.message)]
    }

    /// A configuration or rule-file problem, on its line (or the file's first).
    static func diagnostic(_ problem: Workspace.Problem) -> JSON {
        let line = JSON(problem.line ?? 0)
        return ["range": ["start": ["line": line, "character": 0], "end": ["line": line, "character": 1_000]],
                "severity": 1, "source": "twilint", "message": JSON(problem.message)]
    }

    /// LSP's DiagnosticSeverity: 1 error, 2 warning, 3 information.
    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .info: return 3
        }
    }

    /// The same for a scan diagnostic: a note is information.
    static func severity(_ level: Diagnostic.Level) -> Int {
        switch level {
        case .error: return 1
        case .warning: return 2
        case .note: return 3
        }
    }
}
