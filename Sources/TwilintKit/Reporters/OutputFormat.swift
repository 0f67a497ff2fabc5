/// The report formats `--format` accepts. Each case names one reporter type.
public enum OutputFormat: String, CaseIterable, Sendable {
    case text
    case json
    case sarif

    public var reporter: any Reporter {
        switch self {
        case .text: return TextReporter()
        case .json: return JSONReporter()
        case .sarif: return SarifReporter()
        }
    }
}

/// What reporters need beyond the report itself.
public struct ReportContext: Sendable {
    /// ANSI colour (text format on a terminal without NO_COLOR).
    public var color = false
    /// Absolute path of the folder that relative paths are relative to (SARIF's %SRCROOT%).
    public var rootDirectory: String
    /// Include the closing summary (text format).
    public var summary = true

    public init(rootDirectory: String, color: Bool = false, summary: Bool = true) {
        self.rootDirectory = rootDirectory
        self.color = color
        self.summary = summary
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
