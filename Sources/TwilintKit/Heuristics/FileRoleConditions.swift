/// `not-test-code`: the rule does not judge test files (`FileRole.isTest`): tests call
/// handlers and fake numbers on purpose.
public struct NotTestCode: MatchCondition {
    public let name = "not-test-code"
    public let judgesFindingsOnly = true
    public init() {}
    public func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }
    public func mayHold(in file: SourceFile) -> Bool { !FileRole.isTest(file) }
}

/// `not-a-script`: the rule does not judge one-shot scripts (`FileRole.isScript`), where an
/// unhandled error stops the run with its message, which is what a script should do.
public struct NotAScript: MatchCondition {
    public let name = "not-a-script"
    public let judgesFindingsOnly = true
    public init() {}
    public func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }
    public func mayHold(in file: SourceFile) -> Bool { !FileRole.isScript(file) }
}

/// `names-twilio-or-sid`: the file names Twilio (the Twilio-context check's own scan), or
/// holds an Account or API Key SID. The cheap gate of TW004, which also reads files that
/// never say "Twilio" but carry its credentials.
public struct NamesTwilioOrSID: MatchCondition {
    public let name = "names-twilio-or-sid"
    public init() {}
    public func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }
    public func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) {
            TwilioContext.mentionsTwilio(file)
                || (CredentialShaped().mayHold(in: file) && (try? file.withBytes(ClientSideCredentialsAnalyzer.holdsSID.matches)) == true)
        }
    }
}
