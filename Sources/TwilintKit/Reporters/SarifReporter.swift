import Foundation

/// SARIF 2.1.0 for code-scanning tools (GitHub, Azure DevOps, IDE viewers).
/// Paths are relative to `%SRCROOT%` (the working directory), columns count
/// Unicode code points, and nothing depends on time, so output is reproducible.
public struct SarifReporter: Reporter {
    public init() {}

    public func render(_ report: Report, context: ReportContext) -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: report.rules.enumerated().map { ($1.id, $0) })
        let root = context.rootDirectory.hasSuffix("/") ? context.rootDirectory : context.rootDirectory + "/"
        let notifications = report.diagnostics.filter { $0.level != .note }.map { diagnostic in
            Notification(level: diagnostic.level == .error ? "error" : "warning",
                         message: Message(text: "\(diagnostic.path): \(diagnostic.message)"),
                         locations: [location(diagnostic.path, root: root, region: nil)])
        }
        let run = Run(
            tool: Tool(driver: Driver(rules: report.rules.map(descriptor))),
            originalUriBaseIds: ["%SRCROOT%": ArtifactLocation(uri: Self.fileURI(root), uriBaseId: nil)],
            results: (context.includeSuppressed ? (report.findings + report.suppressed).sorted() : report.findings).map { finding in
                Result(
                    ruleId: finding.ruleID, ruleIndex: ruleIndex[finding.ruleID] ?? 0,
                    level: finding.severity.sarifLevel, message: Message(text: finding.message),
                    locations: [location(finding.path, root: root, region: Region(
                        startLine: finding.start.line, startColumn: finding.start.column,
                        endLine: finding.end.line, endColumn: finding.end.column,
                        snippet: Message(text: finding.snippet)))],
                    relatedLocations: finding.related.isEmpty ? nil : finding.related.enumerated().map { index, rule in
                        RelatedLocation(id: index, physicalLocation: location(finding.path, root: root, region: Region(
                            startLine: finding.start.line, startColumn: finding.start.column,
                            endLine: finding.end.line, endColumn: finding.end.column,
                            snippet: Message(text: finding.snippet))).physicalLocation,
                            message: Message(text: "The same token also matches \(rule); it is reported once, as \(finding.ruleID)."))
                    },
                    partialFingerprints: ["primaryLocationLineHash": finding.lineHash],
                    suppressions: finding.suppression.map { [SarifSuppression(kind: Suppression.sarifKind, justification: $0.reason)] },
                    properties: finding.commit)
            },
            invocations: [Invocation(executionSuccessful: !report.isIncomplete, toolExecutionNotifications: notifications)],
            versionControlProvenance: report.history.map { history in
                [VersionControlDetails(repositoryUri: history.repositoryURI, revisionId: history.headRevision, branch: history.branch)]
            })
        return JSONOutput.encode(Log(runs: [run]), pretty: true) + "\n"
    }

    private func descriptor(_ rule: Rule) -> ReportingDescriptor {
        var properties = Properties(tags: rule.tags, precision: "high", securitySeverity: nil)
        if let score = rule.securitySeverity { properties.securitySeverity = String(format1: score) }
        return ReportingDescriptor(
            id: rule.id, name: rule.name,
            shortDescription: Message(text: rule.docs.summary),
            fullDescription: Message(text: Self.shortened(rule.docs.what, limit: 1024)),
            help: Help(text: rule.helpText, markdown: rule.helpMarkdown),
            helpUri: rule.documentationURI,
            defaultConfiguration: Configuration(level: rule.severity.sarifLevel),
            properties: properties)
    }

    private func location(_ path: String, root: String, region: Region?) -> Location {
        let artifact: ArtifactLocation
        if path.hasPrefix("/") {
            if path.hasPrefix(root) {
                artifact = ArtifactLocation(uri: Self.percentEncoded(String(path.dropFirst(root.count))), uriBaseId: "%SRCROOT%")
            } else {
                artifact = ArtifactLocation(uri: Self.fileURI(path), uriBaseId: nil)
            }
        } else {
            artifact = ArtifactLocation(uri: Self.percentEncoded(path), uriBaseId: "%SRCROOT%")
        }
        return Location(physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region))
    }

    /// At most `limit` characters (GitHub refuses longer descriptions), cut after a
    /// sentence when one ends in the second half, else after a word, with `…`.
    static func shortened(_ text: String, limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit - 1)
        if let stop = head.range(of: ". ", options: .backwards), head.distance(from: head.startIndex, to: stop.lowerBound) > limit / 2 {
            return String(head[..<stop.lowerBound]) + ". …"
        }
        let cut = head.lastIndex(of: " ") ?? head.endIndex
        return String(head[..<cut]) + "…"
    }

    static func percentEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    static func fileURI(_ absolutePath: String) -> String { "file://" + percentEncoded(absolutePath) }

    // MARK: - The subset of the SARIF object model twilint writes

    struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    struct Run: Encodable {
        let tool: Tool
        let originalUriBaseIds: [String: ArtifactLocation]
        let results: [Result]
        let invocations: [Invocation]
        let columnKind = "unicodeCodePoints"
        /// `twilint history` only: the repository and the HEAD the history was read from.
        let versionControlProvenance: [VersionControlDetails]?
    }

    struct VersionControlDetails: Encodable {
        let repositoryUri: String
        let revisionId: String?
        let branch: String?
    }

    struct Tool: Encodable { let driver: Driver }

    struct Driver: Encodable {
        let name = "twilint"
        let version = TwilintVersion.current
        let semanticVersion = TwilintVersion.current
        let informationUri = TwilintVersion.informationURI
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Help
        let helpUri: String
        let defaultConfiguration: Configuration
        let properties: Properties
    }

    struct Message: Encodable { let text: String }
    struct Help: Encodable { let text: String; let markdown: String }
    struct Configuration: Encodable { let level: String }

    struct Properties: Encodable {
        let tags: [String]
        let precision: String
        var securitySeverity: String?
        enum CodingKeys: String, CodingKey { case tags, precision, securitySeverity = "security-severity" }
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        /// The rules that matched the same token and yielded to this one (`Rule.supersedes`).
        let relatedLocations: [RelatedLocation]?
        let partialFingerprints: [String: String]
        /// Present only on suppressed results (`--include-suppressed`).
        let suppressions: [SarifSuppression]?
        /// `twilint history` only: the commit that added the line and what became of the secret.
        let properties: CommitProvenance?
    }

    struct SarifSuppression: Encodable {
        let kind: String
        let justification: String?
    }

    struct Location: Encodable { let physicalLocation: PhysicalLocation }

    struct RelatedLocation: Encodable {
        let id: Int
        let physicalLocation: PhysicalLocation
        let message: Message
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        let snippet: Message
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [Location]
    }
}

extension String {
    /// A number with one decimal, as SARIF's `security-severity` wants ("9.0").
    init(format1 value: Double) {
        let tenths = Int((value * 10).rounded())
        self = "\(tenths / 10).\(tenths % 10)"
    }
}
