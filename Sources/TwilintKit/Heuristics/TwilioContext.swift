import Matching

/// The file uses Twilio: it imports a Twilio library, talks to a `*.twilio.com`
/// host, builds TwiML, reads `TWILIO_*` settings or Twilio webhook parameters,
/// or names Twilio in its identifiers. Only code and strings count: a comment
/// that mentions Twilio does not make a file Twilio code, and neither does a
/// local module that happens to be called `twilio` (`$lib/server/twilio`).
/// The behaviour rules (TW003–TW010) run only where this holds.
public struct TwilioContext: MatchCondition {
    public let name = "twilio-context"

    public init() {}

    /// Literals that every piece of evidence contains, so most files are ruled out by
    /// one fast JIT scan before the full evidence pattern runs.
    private static let gate = try! PCRE2Matcher(
        #"wilio|WILIO|wiml|wiML|WIML|<Response|(?:Message|SmsMessage|Sms|Call|Account)(?:Sid|Status)\b"#)

    private static let evidence = try! PCRE2Matcher(#"""
        (?x)
          \b(?:from|import)\s+twilio\b                                   # Python
        | \brequire\(\s*['"](?:twilio|@twilio/[\w./-]+)['"]\s*\)          # CommonJS
        | \bfrom\s+['"](?:twilio|@twilio/[\w./-]+)['"]                    # ES modules
        | \bimport\s+['"](?:twilio|@twilio/[\w./-]+)['"]
        | \bimport\s+Twilio\w*                                           # Swift SDKs
        | [\w-]+\.twilio\.com\b                                          # REST hosts
        | <Response\b | \b(?:MessagingResponse|VoiceResponse)\b | \btwiml\b
        | \bTWILIO_[A-Z0-9_]+
        | \b[a-z]\w*Twilio\w* | \btwilio[A-Z_]\w* | \bTwilio\w*             # twilioClient, getTwilioClient, Twilio.Response
        | \b(?:MessageSid|SmsSid|SmsMessageSid|CallSid|AccountSid|MessageStatus|SmsStatus|CallStatus)\b
        """#)

    public func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }

    public func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) {
            guard (try? file.withBytes(Self.gate.matches)) == true else { return false }
            var found = false
            try? file.withBytes { bytes in
                var offset = 0
                while !found, let match = try Self.evidence.firstMatch(in: bytes, from: offset) {
                    let kind = file.spans.kind(at: match.range.lowerBound)
                    found = kind == .code || kind == .string
                    offset = max(match.range.upperBound, match.range.lowerBound + 1)
                }
            }
            return found
        }
    }
}
