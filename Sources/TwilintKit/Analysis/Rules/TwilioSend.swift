/// One place where code asks Twilio to text, call or verify a phone: a helper
/// library `…messages.create(to=…)` call or a REST POST to `Messages.json`/`Calls.json`
/// with a `To` field. TW005 and TW010 judge these.
struct TwilioSend: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// SMS, MMS or WhatsApp (`messages.create`, `Messages.json`).
        case message
        /// A voice call (`calls.create`, `Calls.json`).
        case call
        /// A Verify code sent (`verifications.create`).
        case verification
        /// A Verify code checked (`verification_checks.create`): the number was judged when the code was sent.
        case verificationCheck
    }

    var kind: Kind
    /// Where findings are reported: the called method's name (`create`, `post`, `fetch`, `dataTask`),
    /// or the `To` key when no sending call is visible.
    var anchor: Range<Int>
    /// The name of the Twilio call that performs the send: the helper library's `create`, or
    /// the HTTP request (one of the file's `TwilioFacts.requests`). The anchor, unless the
    /// request is sent from another function than the one that builds it.
    var call: Range<Int>
    /// The destination expression: the `to` argument or the `To` field's value.
    var recipient: Range<Int>
    /// Where the destination comes from, as far as the file shows.
    var destination: Destination
    /// The code that judges the send: the enclosing named function or route handler, widened
    /// through anonymous callbacks (`.then`, `forEach`, a trailing closure); nil for module-level code.
    var scope: FunctionScope?
    /// A REST request built by hand rather than a helper library call.
    var isREST: Bool

    /// What a send's destination is: what TW005 (is it a phone number someone typed?) and
    /// TW010 (may its owner have opted out?) ask of it.
    enum Destination: Equatable, Sendable {
        /// A phone number chosen at run time: user input, a database value.
        case runTime
        /// Fixed by the code or its configuration: a string literal, a direct environment
        /// read, or a name every assignment in the file binds to one of those.
        case fixed
        /// A number Twilio handed the app (E.164 already): the inbound webhook's `From`, read
        /// directly or through a name bound only to it, or a Conversations participant's address.
        case inboundSender
        /// Not a phone number: a Voice client identity (`'client:' + identity`), a SIP
        /// address, an email address (Verify's `channel: 'email'`).
        case notAPhone
    }

    /// The number goes to WhatsApp: the recipient is written with `whatsapp:`.
    var isWhatsApp = false

    /// The byte range whose code counts as "around the send": the judged function, or the whole file.
    func judgedRange(in file: SourceFile) -> Range<Int> {
        scope?.extent ?? 0..<file.bytes.count
    }
}
