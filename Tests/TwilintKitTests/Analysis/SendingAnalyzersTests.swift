@testable import TwilintKit
import XCTest

/// TW005, TW006 and TW010's analyzers on small files (whole apps live in fixtures/sending).
final class SendingAnalyzersTests: XCTestCase {
    private func report(_ analyzer: any Analyzer, _ path: String, _ source: String) -> [String] {
        let file = SourceFile(path: path, text: source)
        return analyzer.findings(in: file).map { "\(file.line(of: $0.lowerBound)):\(file.text($0))" }
    }

    func testE164ValidationCountsInTheFunctionOrOnTheSameVariable() {
        let source = """
            E164 = re.compile(r"^\\+[1-9]\\d{1,14}$")
            def checked(phone):
                if not E164.match(phone): raise ValueError()
                client.messages.create(to=phone, from_=FROM, body="x")
            def unchecked(phone):
                client.messages.create(to=f"whatsapp:{phone}", from_=FROM, body="x")
            class Patient:
                def __init__(self, raw):
                    self.phone = normalize_phone(raw)
                def remind(self):
                    client.messages.create(to=self.phone, from_=FROM, body="x")
            def other(raw):
                number = to_e164(raw)
            def elsewhere(number):
                client.calls.create(to=number, from_=FROM, url=URL)
            """
        XCTAssertEqual(report(MissingE164Validation(), "app.py", source), ["6:create", "15:create"])
    }

    func testE164ValidationInJavaScriptAndSwift() {
        XCTAssertEqual(report(MissingE164Validation(), "a.js", """
            async function a(raw) { if (!isValidPhoneNumber(raw)) return; await client.messages.create({ to: raw, body }); }
            async function b(raw) { await client.messages.create({ to: '+1' + raw, body }); }
            """), ["2:create"])
        XCTAssertEqual(report(MissingE164Validation(), "S.swift", """
            func a(_ n: String) async throws {
                guard n.range(of: "^\\\\+[1-9]\\\\d{1,14}$", options: .regularExpression) != nil else { return }
                request.httpBody = "To=\\(n)".data(using: .utf8)
                _ = try await URLSession.shared.data(for: request) // https://api.twilio.com/2010-04-01/Accounts/x/Messages.json
            }
            """), [])
    }

    func testOptOutStateOrError21610SilencesTheFile() {
        let send = "def send(p):\n    client.messages.create(to=p, from_=FROM, body=\"Reply STOP to unsubscribe\")\n"
        XCTAssertEqual(report(SendWithoutOptOutCheck(), "a.py", send), ["2:create"])
        XCTAssertEqual(report(SendWithoutOptOutCheck(), "a.py", send + "def ok(p):\n    return not db.is_opted_out(p)\n"), [])
        XCTAssertEqual(report(SendWithoutOptOutCheck(), "a.py", send + "CODES = {21610: 'stopped'}\n"), [])
        XCTAssertEqual(report(SendWithoutOptOutCheck(), "a.py", send + "SQL = \"SELECT phone FROM users WHERE sms_consent\"\n"), [])
        XCTAssertEqual(report(SendWithoutOptOutCheck(), "a.py", "def v(p):\n    client.verify.v2.services(S).verifications.create(to=p, channel='sms')\n"), [])
    }

    func testHardcodedPhoneNumbersByUse() {
        let source = """
            FROM_NUMBER = os.environ.get("TWILIO_PHONE_NUMBER", "+14155550100")
            STORE_ID = "4155550199"
            EXAMPLE_PHONE = "+14155550123"
            MENU = {"1": "+14155550111"}
            OTHER = {"1": "+14155550112"}
            def voice():
                r.dial(MENU[digits])
                r.dial("(415) 555-0199")
                raise ValueError("use +14155550123")
                return '<Response><Dial>+14155550142</Dial></Response>'
            """
        XCTAssertEqual(report(HardcodedPhoneNumber(), "app.py", source),
                       ["1:+14155550100", "4:+14155550111", "8:(415) 555-0199", "10:+14155550142"])
        XCTAssertEqual(report(HardcodedPhoneNumber(), "Sender.swift", """
            let from = Environment.get("TWILIO_NUMBER") ?? "+14155550100"
            let items = [URLQueryItem(name: "From", value: "+14155550100"), URLQueryItem(name: "Body", value: "+14155550100")]
            let departments: [String: String] = ["1": "+14155550111"]
            """), ["1:+14155550100", "2:+14155550100"])
    }
}
