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
    /// The destination expression: the `to` argument or the `To` field's value.
    var recipient: Range<Int>
    /// The destination is fixed by the code or its configuration, not user input: a string
    /// literal, a name bound only to literals in the file, or a direct environment read.
    var recipientIsFixed: Bool
    /// The code that judges the send: the enclosing named function or route handler, widened
    /// through anonymous callbacks (`.then`, `forEach`, a trailing closure); nil for module-level code.
    var scope: FunctionScope?
    /// A REST request built by hand rather than a helper library call.
    var isREST: Bool

    /// The byte range whose code counts as "around the send": the judged function, or the whole file.
    func judgedRange(in file: SourceFile) -> Range<Int> {
        scope?.extent ?? 0..<file.bytes.count
    }
}
