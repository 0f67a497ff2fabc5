/// The Twilio facts of one file in words, with where each was found and why: what
/// `twilint explain-file` prints below the file's classification.
public enum FactsDescription {
    public static func lines(for file: SourceFile) -> [String] {
        guard file.language.isSource else { return [] }
        var lines = ["  script:         \(FileRole.isScript(file) ? "yes, one-shot (TW007 does not judge it)" : "no")"]
        let facts = TwilioFacts.of(file)
        let model = CodeModel.of(file)
        func at(_ range: Range<Int>) -> String { "line \(file.line(of: range.lowerBound))" }
        for call in facts.restCalls {
            lines.append("  REST call:      \(at(call.site.name)): \(call.site.callee) (\(call.resources.joined(separator: ".")) \(call.verb); \(describe(facts.product(of: call))))")
        }
        for request in facts.requests {
            lines.append("  HTTP request:   \(at(request.site.name)): \(request.site.callee) (\(request.library), \(request.library.failsOnErrorStatus ? "fails on an error status" : "the caller must read the status"); \(describe(facts.product(of: request, in: model))))")
        }
        for send in facts.sends {
            lines.append("  send:           \(at(send.anchor)): \(send.kind) to `\(file.text(send.recipient))`, \(describe(send.destination)); judged in \(send.scope.map { $0.name ?? "the handler at \(at($0.anchor))" } ?? "the file")")
        }
        for handler in WebhookHandlers.of(file) {
            let reads = handler.parameters.sorted().joined(separator: ", ")
            lines.append("  route handler:  \(at(handler.function.anchor)): \(handler.function.name ?? "anonymous") (\(handler.framework.rawValue); reads \(reads.isEmpty ? "no webhook parameter" : reads); \(handler.answersWithTwiML ? "answers TwiML" : "no TwiML"); \(handler.isValidated ? "validated" : "not validated"))")
        }
        if let folder = FileLocation(path: file.path, lookup: .shared).folder {
            lines.append("  project pass:   \(ProjectLookup.shared.dependsOnTwilio(from: folder) ? "links this file (its project's manifest depends on Twilio)" : "not linked (no manifest that depends on Twilio above it)")")
        }
        return lines
    }

    private static func describe(_ destination: TwilioSend.Destination) -> String {
        switch destination {
        case .runTime: return "a number chosen at run time"
        case .fixed: return "fixed by the code or its configuration"
        case .inboundSender: return "a number Twilio handed the app"
        case .notAPhone: return "not a phone number"
        }
    }

    private static func describe(_ product: TwilioProduct) -> String {
        switch product {
        case .messaging: return "messaging"
        case .whatsapp: return "WhatsApp"
        case .voice: return "voice"
        case .verify: return "Verify"
        case .other: return "another REST resource"
        }
    }
}
