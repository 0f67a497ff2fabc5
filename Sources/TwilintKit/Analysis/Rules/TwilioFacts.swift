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

extension TwilioFacts {
    /// The product a helper-library call acts on: the first resource of its path that names one
    /// (`messages` in `client.api.v2010.accounts(sid).messages.create`); WhatsApp when a send's
    /// number says `whatsapp:`.
    func product(of call: TwilioCall) -> TwilioProduct {
        if let send = sends.first(where: { $0.call == call.site.name }) { return product(of: send) }
        for resource in call.resources {
            if let product = TwilioProduct.byResource[resource] { return product }
        }
        return .other
    }

    /// The product of an HTTP request: its send's, else the one a Twilio URL in its function
    /// names (`…/Messages.json`, `…/Calls.json`, `verify.twilio.com`), else `.other`.
    func product(of request: HTTPRequest, in model: CodeModel) -> TwilioProduct {
        if let send = sends.first(where: { $0.call == request.site.name }) { return product(of: send) }
        let scope = model.enclosingFunctions(of: request.site.name.lowerBound).first { $0.name != nil }?.extent ?? request.site.extent
        for index in model.tokenIndices(in: scope) where model.tokens[index].kind == .string {
            if model.token(index, contains: "/messages") { return .messaging }
            if model.token(index, contains: "/calls") { return .voice }
            if model.token(index, contains: "verify.twilio") { return .verify }
        }
        return .other
    }

    private func product(of send: TwilioSend) -> TwilioProduct {
        switch send.kind {
        case .message: return send.isWhatsApp ? .whatsapp : .messaging
        case .call: return .voice
        case .verification, .verificationCheck: return .verify
        }
    }
}

/// What a Twilio call acts on, as far as its documented error codes go.
enum TwilioProduct: Hashable, Sendable {
    case messaging, whatsapp, voice, verify, other

    static let byResource: [String: TwilioProduct] = [
        "messages": .messaging, "calls": .voice, "conferences": .voice, "recordings": .voice, "queues": .voice,
        "voice": .voice, "transcriptions": .voice, "sip": .voice, "verify": .verify, "verifications": .verify,
        "verification_checks": .verify, "verificationChecks": .verify,
    ]

    /// The codes Twilio documents for this product's usual failures.
    var errorCodes: [String] {
        switch self {
        case .messaging: return ["21610", "21211", "21614", "30003", "30005", "30006", "30007"]
        case .whatsapp: return ["63016", "21610", "21211"]
        case .voice: return ["13224", "21205", "21210", "21217"]
        case .verify: return ["60200", "60202", "60203"]
        // Any REST call: not found, authentication failed, too many requests.
        case .other: return ["20404", "20003", "20429"]
        }
    }

    /// The codes for a handler that receives errors of `products`, most specific first, without repeats.
    static func errorCodes(of products: [TwilioProduct]) -> String {
        var seen = Set<String>()
        let ordered = products.isEmpty ? [TwilioProduct.messaging] : products.filter { $0 != .other } + products.filter { $0 == .other }
        var codes: [String] = []
        for product in ordered {
            for code in product.errorCodes where seen.insert(code).inserted { codes.append(code) }
            if codes.count >= 4 { break }
        }
        return codes.prefix(7).joined(separator: ", ")
    }
}
