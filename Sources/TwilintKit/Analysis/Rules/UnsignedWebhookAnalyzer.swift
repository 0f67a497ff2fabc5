/// TW003: an HTTP route handler that receives Twilio webhooks (it reads Twilio's
/// parameters or answers with TwiML) with no signature validation applied to it.
struct UnsignedWebhookAnalyzer: Analyzer {
    let name = "unsigned-webhook"

    func findings(in file: SourceFile) -> [Range<Int>] {
        WebhookHandlers.of(file)
            .filter { $0.receivesTwilioWebhooks && !$0.isValidated }
            .map(\.function.anchor)
    }
}
