/// The report formats `--format` accepts. Each case names one reporter type.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif
    /// `path:line:col: error: message [TW001]`, for editors' error parsers.
    case gcc
    /// One JSON object per finding and line, for editor plugins.
    case jsonLines = "json-lines"
    /// GitHub Actions workflow commands: annotations on the pull request.
    case github
    /// JUnit XML, which CI servers show as test results.
    case junit
    /// GitLab Code Quality JSON, shown in merge requests.
    case gitlab

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SarifReporter()
        case .gcc: return GCCReporter()
        case .jsonLines: return JSONLinesReporter()
        case .github: return GitHubReporter()
        case .junit: return JUnitReporter()
        case .gitlab: return GitLabReporter()
        }
    }

    /// Whether the format is for people (a progress line and `--statistics` may
    /// join it) rather than for programs, whose output must stay parseable.
    public var isForPeople: Bool { self == .text }
}

/// What reporters need beyond the report itself.
public struct ReportContext: Sendable {
    /// ANSI colour (text format on a terminal without NO_COLOR).
    public var color = false
    /// Absolute path of the folder that relative paths are relative to (SARIF's %SRCROOT%).
    public var rootDirectory: String
    /// Include the closing summary (text format).
    public var summary = true
    /// Also list suppressed findings, marked as such (SARIF `suppressions`, JSON Lines `suppression`).
    public var includeSuppressed = false

    public init(rootDirectory: String, color: Bool = false, summary: Bool = true, includeSuppressed: Bool = false) {
        self.rootDirectory = rootDirectory
        self.color = color
        self.summary = summary
        self.includeSuppressed = includeSuppressed
    }

    /// `path` relative to `rootDirectory` when it is an absolute path inside it, else as given:
    /// CI annotations and code-quality reports want repository-relative paths.
    public func relative(_ path: String) -> String {
        guard path.hasPrefix("/"), Paths.isInside(path, rootDirectory), path != rootDirectory else { return path }
        return Paths.relative(path, to: rootDirectory)
    }
}

/// Turns a report into the bytes of one output format.
public protocol Reporter {
    func render(_ report: Report, context: ReportContext) -> String
}

/// The version twilint reports about itself.
public enum TwilintVersion {
    public static let current = "0.1.0"
    public static let informationURI = "https://github.com/twilint/twilint"
}
