/// TW007: a Twilio REST call whose failure nobody handles (Python outside a fitting `try`,
/// a JS/TS promise left unhandled), or a raw HTTP request to `*.twilio.com` whose errors are
/// swallowed or whose status is never read. Reported on the called method's name.
struct UnhandledTwilioExceptionAnalyzer: Analyzer {
    let name = "unhandled-twilio-exception"

    func findings(in file: SourceFile) -> [Range<Int>] {
        TwilioErrorHandling.of(file).unhandled
    }
}
