import Foundation

/// TW009: an inbound SMS/WhatsApp webhook handler (it reads `Body`) that neither
/// compares the body with an opt-out keyword, reads `OptOutType`, nor calls an
/// opt-out helper — in the handler or in a same-file function or value it names.
/// Status callbacks and voice handlers are not inbound messages.
struct OptOutHandlingAnalyzer: Analyzer {
    let name = "missing-opt-out-handling"

    static let keywords: Set<String> = ["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "optout", "revoke"]
    private static let notInboundMessages: Set<String> = [
        "MessageStatus", "SmsStatus", "Digits", "SpeechResult", "CallSid", "CallStatus", "RecordingUrl", "RecordingSid", "TranscriptionText",
    ]

    func findings(in file: SourceFile) -> [Range<Int>] {
        let handlers = WebhookHandlers.of(file).filter {
            $0.parameters.contains("Body") && $0.parameters.isDisjoint(with: Self.notInboundMessages)
        }
        guard !handlers.isEmpty else { return [] }
        let model = CodeModel.of(file)
        let definitions = model.definitions
        return handlers.filter { handler in
            var visited = Set<String>()
            return !handlesOptOut(in: handler.function.body, model: model, definitions: definitions, depth: 2, visited: &visited)
        }.map(\.function.anchor)
    }

    /// A keyword literal (`"STOP"`, `/^(stop|unsubscribe)$/i`), `OptOutType`, or a call such as
    /// `is_opt_out(body)` / `handleUnsubscribe()` in `range` or in what the names in it lead to.
    private func handlesOptOut(in range: Range<Int>, model: CodeModel, definitions: FileDefinitions, depth: Int, visited: inout Set<String>) -> Bool {
        var names: [String] = []
        var index = model.tokenIndex(atOrAfter: range.lowerBound)
        while index < model.tokens.count, model.tokens[index].range.upperBound <= range.upperBound {
            defer { index += 1 }
            let text = model.text(ofToken: index)
            switch model.tokens[index].kind {
            case .string:
                let value = CallFinder.unquoted(text).trimmingCharacters(in: .whitespaces)
                if Self.keywords.contains(value.lowercased()) || value == "OptOutType" { return true }
            case .regex:
                let words = text.lowercased().split { !$0.isLetter }.map(String.init)
                if words.contains(where: { Self.keywords.contains($0) }) { return true }
            case .identifier:
                if text == "OptOutType" { return true }
                if model.token(index + 1, is: "("), Self.namesOptOut(text) { return true }
                names.append(text)
            default:
                break
            }
        }
        guard depth > 0 else { return false }
        for name in names where visited.insert(name).inserted {
            for definition in definitions.ranges(named: name, visibleFrom: range.lowerBound, in: model) where !definition.overlaps(range) {
                if handlesOptOut(in: definition, model: model, definitions: definitions, depth: depth - 1, visited: &visited) { return true }
            }
        }
        return false
    }

    /// `is_opt_out`, `handleOptOut`, `markOptedOut`, `unsubscribe`, `process_unsubscribe`.
    static func namesOptOut(_ name: String) -> Bool {
        let squashed = name.lowercased().replacingOccurrences(of: "_", with: "")
        return squashed.contains("optout") || squashed.contains("optedout") || squashed.contains("unsubscrib")
    }
}
