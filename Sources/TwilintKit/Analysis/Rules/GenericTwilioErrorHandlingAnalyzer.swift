/// TW008: an `except`/`catch` clause, `.catch(fn)` callback or Swift status-check branch that
/// receives a Twilio error and neither reads its code nor passes it on. Reported on the
/// `except`/`catch` keyword (the `catch` name of `.catch(fn)`, the `guard`/`if` of a status check).
struct GenericTwilioErrorHandlingAnalyzer: Analyzer {
    let name = "generic-twilio-error-handling"

    func findings(in file: SourceFile) -> [Range<Int>] {
        violations(in: file).map(\.focus)
    }

    /// Each finding names the error codes of what the handler receives errors from.
    func violations(in file: SourceFile) -> [Violation] {
        TwilioErrorHandling.of(file).genericHandlers
    }
}
