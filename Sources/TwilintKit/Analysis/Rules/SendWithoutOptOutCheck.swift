/// TW010: an SMS/WhatsApp send to a destination chosen at run time in a file
/// that never consults an opt-out or consent state and never handles Twilio
/// error 21610 (the recipient replied STOP). Verify sends, calls and TwiML
/// replies are exempt; a REST message back to the sender is not.
struct SendWithoutOptOutCheck: Analyzer {
    let name = "send-without-opt-out-check"

    func findings(in file: SourceFile) -> [Range<Int>] {
        guard file.language.isSource else { return [] }
        // A reply to the inbound sender counts: they may have texted STOP before.
        let sends = TwilioFacts.of(file).sends.filter { $0.kind == .message && [.runTime, .inboundSender].contains($0.destination) }
        guard !sends.isEmpty, !Self.checksOptOut(CodeModel.of(file)) else { return [] }
        return sends.map(\.anchor)
    }

    /// Fragments of names that hold opt-out or consent state (`opted_out`, `isOptedOut`,
    /// `unsubscribed`, `sms_consent`, `is_subscribed`, `do_not_contact`, `suppressed`).
    private static let stateWords = [
        "optedout", "optout", "optedin", "optin", "unsubscrib", "subscribed", "consent", "donotcontact", "suppress",
    ]

    /// Whether the file's code names an opt-out/consent state or handles error 21610.
    /// Prose in strings ("Reply STOP to unsubscribe") does not count; a key such as
    /// `"opted_out"` or a SQL column `sms_consent` does.
    static func checksOptOut(_ model: CodeModel) -> Bool {
        model.file.memo("opt-out-check") {
            model.tokens.contains { token in
                let text = model.text(token.range)
                switch token.kind {
                case .identifier: return namesState(text)
                case .number: return text == "21610"
                case .string:
                    if CallFinder.unquoted(text) == "21610" { return true }
                    let words = text.split { !($0.isLetter || $0.isNumber || $0 == "_") }
                    return words.contains { word in
                        let compound = word.contains("_") || zip(word, word.dropFirst()).contains { $0.isLowercase && $1.isUppercase }
                        return (compound || words.count == 1) && namesState(String(word))
                    }
                default: return false
                }
            }
        }
    }

    private static func namesState(_ name: String) -> Bool {
        let lowered = name.lowercased().replacingOccurrences(of: "_", with: "")
        return stateWords.contains(where: lowered.contains)
    }
}
