/// A named Swift check that finds what a pattern cannot: it reads the file's
/// `CodeModel` (functions, calls, try blocks) and reports offending ranges.
/// Rule files refer to analyzers by `name` under `analyzer:`.
public protocol Analyzer: Sendable {
    var name: String { get }
    /// Byte ranges to report, on the token the rule's docs name (a handler's
    /// name, a call's method name, an `except`/`catch` keyword).
    func findings(in file: SourceFile) -> [Range<Int>]
    /// The findings with what their message needs; by default, the ranges alone.
    func violations(in file: SourceFile) -> [Violation]
}

extension Analyzer {
    public func violations(in file: SourceFile) -> [Violation] {
        findings(in: file).map { Violation(focus: $0) }
    }
}

/// One thing an analyzer reports: where, and the values its rule's message names
/// (`{codes}` in "Consider handling specific error codes ({codes}, etc.)").
public struct Violation: Equatable, Sendable {
    public var focus: Range<Int>
    public var details: [String: String] = [:]

    public init(focus: Range<Int>, details: [String: String] = [:]) {
        self.focus = focus
        self.details = details
    }
}

/// The registry of analyzers that rule files may name.
public enum Analyzers {
    static let all: [any Analyzer] = [UnsignedWebhookAnalyzer(), OptOutHandlingAnalyzer(),
        MissingE164Validation(), HardcodedPhoneNumber(), SendWithoutOptOutCheck(), ClientSideCredentialsAnalyzer(),
        UnhandledTwilioExceptionAnalyzer(), GenericTwilioErrorHandlingAnalyzer(), UnusedSuppressionAnalyzer()]

    public static func named(_ name: String) -> (any Analyzer)? {
        all.first { $0.name == name }
    }

    public static var names: [String] { all.map(\.name) }
}
