/// The Twilio calls of one file, found once and read by every behaviour rule: the
/// helper library's REST calls, the HTTP requests to Twilio's API, and among those the
/// sends. A send is one of the calls by construction, so TW005/TW010 (which judge sends)
/// and TW007/TW008 (which judge calls) cannot disagree about a line.
struct TwilioFacts: Sendable {
    /// Helper-library calls on a Twilio client (`client.messages.create(…)`).
    var restCalls: [TwilioCall] = []
    /// HTTP requests to Twilio: those that name a `*.twilio.com` URL, and those that send a
    /// `To` field to a Messages or Calls URL. In source order.
    var requests: [HTTPRequest] = []
    /// The calls and requests that text, call or verify a phone number.
    var sends: [TwilioSend] = []

    var isEmpty: Bool { restCalls.isEmpty && requests.isEmpty }

    static func of(_ file: SourceFile) -> TwilioFacts {
        file.memo("twilio-facts") {
            guard file.language.isSource else { return TwilioFacts() }
            // Byte scans first: most files (a whole SDK) never build a code model.
            let maySend = file.withBytes(TwilioSends.mayHoldSend)
            guard maySend || TwilioCalls.mayCallTwilio(file) else { return TwilioFacts() }
            let model = CodeModel.of(file)
            let sends = maySend ? TwilioSends(model: model).find() : []
            var requests = TwilioCalls.hostRequests(in: model)
            let sending = Set(sends.map(\.call.lowerBound)).subtracting(requests.map(\.site.name.lowerBound))
            if !sending.isEmpty {
                requests += HTTPRequests.of(model).filter { sending.contains($0.site.name.lowerBound) }
                requests.sort { $0.site.name.lowerBound < $1.site.name.lowerBound }
            }
            return TwilioFacts(restCalls: TwilioCalls.rest(in: model), requests: requests, sends: sends)
        }
    }
}
