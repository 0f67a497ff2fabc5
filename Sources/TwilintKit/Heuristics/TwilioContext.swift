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

    /// Literals every piece of evidence contains. Each pattern starts with one literal
    /// character, which the JIT finds with a vector search, so a file without any costs
    /// a few fast scans; one alternation of them all would be tried at most bytes.
    private static let anchors = [
        #"(?i)twi(?:lio|ml)"#,
        // TwiML's `<Response>`, but not a generic (`Promise<Response>`): that is never Twilio's.
        #"(?<![\w.]<)(?<=<|Messaging|Voice)Response"#,
        #"(?<=Message|Sms|Call|Account)S(?:id|tatus)\b"#,
    ].map { try! PCRE2Matcher($0) }
    /// How far around an anchor the evidence pattern looks (evidence is one short phrase).
    private static let reach = 128

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
            file.withBytes { bytes in
                Self.anchors.indices.contains { number in
                    var hit = try? Self.anchors[number].firstMatch(in: bytes, from: 0)
                    if number == 0 { _ = file.memo(Self.mentionKey) { hit != nil } }
                    while let found = hit {
                        if Self.hasEvidence(around: found.range, in: bytes, file: file) { return true }
                        hit = try? Self.anchors[number].firstMatch(in: bytes, from: found.range.upperBound)
                    }
                    return false
                }
            }
        }
    }

    /// Whether the file names Twilio or TwiML anywhere, comments included: the first
    /// anchor's answer, shared with TW004's gate so that the file is scanned for it once.
    static func mentionsTwilio(_ file: SourceFile) -> Bool {
        file.memo(mentionKey) { (try? file.withBytes(anchors[0].matches)) ?? true }
    }

    private static let mentionKey = "mentions-twilio"

    /// Runs the evidence pattern over the anchor's line, at most `reach` bytes either
    /// side, and accepts evidence in code or a string. The subject stops at the window's
    /// end but the search starts inside the whole file, so `\b` sees the bytes before it.
    private static func hasEvidence(around anchor: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>, file: SourceFile) -> Bool {
        var start = anchor.lowerBound
        while start > 0, anchor.lowerBound - start < reach, bytes[start - 1] != ASCII.newline { start -= 1 }
        var end = anchor.upperBound
        while end < bytes.count, end - anchor.upperBound < reach, bytes[end] != ASCII.newline { end += 1 }
        let window = UnsafeBufferPointer(rebasing: bytes[..<end])
        var offset = start
        while let match = try? evidence.firstMatch(in: window, from: offset) {
            switch file.kind(at: match.range.lowerBound) {
            case .string: return true
            // TwiML's `<Response>` counts only in a string: in code it is a generic (`EventLoopFuture<Response>`).
            case .code where bytes[match.range.lowerBound] != UInt8(ascii: "<"): return true
            default: break
            }
            offset = max(match.range.upperBound, match.range.lowerBound + 1)
        }
        return false
    }
}
