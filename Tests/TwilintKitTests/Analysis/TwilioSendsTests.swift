@testable import TwilintKit
import XCTest

final class TwilioSendsTests: XCTestCase {
    private func sends(_ path: String, _ source: String) -> (SourceFile, [TwilioSend]) {
        let file = SourceFile(path: path, text: source)
        return (file, TwilioFacts.of(file).sends)
    }

    private func describe(_ file: SourceFile, _ send: TwilioSend) -> String {
        "\(send.kind) \(file.text(send.anchor)) to=\(file.text(send.recipient)) to-kind=\(send.destination) scope=\(send.scope?.name ?? "-")"
    }

    /// A backslash at the end of a Python line goes on on the next one (it used to
    /// hide the send); one at the end of a comment does not.
    func testPythonBackslashContinuations() {
        let (file, found) = sends("app.py", """
            def notify(phone):
                client.messages \\
                    .create(to=phone, from_=FROM, body="hi")

            def later(phone):  # path C:\\
                message = client.messages\\
                    .create(to=phone,
                            from_=FROM, body="hi")
            """)
        XCTAssertEqual(found.map { describe(file, $0) }, [
            "message create to=phone to-kind=runTime scope=notify",
            "message create to=phone to-kind=runTime scope=later",
        ])
        XCTAssertEqual(found.map { file.line(of: $0.anchor.lowerBound) }, [3, 7])
    }

    func testPythonLibraryCallsOfEveryKind() {
        let (file, found) = sends("app.py", """
            def notify(phone):
                client.messages.create(to=phone, from_=FROM, body="hi")
                client.calls.create(to="+14155550123", from_=FROM, url=URL)
                client.verify.v2.services(SID).verifications.create(to=os.environ["ADMIN"], channel="sms")
                client.verify.v2.services(SID).verification_checks.create(to=phone, code=code)
                llm.messages.create(model="m", messages=[])
            """)
        XCTAssertEqual(found.map { describe(file, $0) }, [
            "message create to=phone to-kind=runTime scope=notify",
            "call create to=\"+14155550123\" to-kind=fixed scope=notify",
            "verification create to=os.environ[\"ADMIN\"] to-kind=fixed scope=notify",
            "verificationCheck create to=phone to-kind=runTime scope=notify",
        ])
    }

    func testJavaScriptShorthandCallbacksAndRouteHandlers() {
        let (file, found) = sends("server.js", """
            const FROM = '+14155550100';
            app.post('/broadcast', async (req, res) => {
              users.forEach((user) => client.messages
                .create({ to: user.phone, from: FROM, body: 'x' }));
            });
            async function ring(to) { await client.calls.create({ to, from: FROM, url }); }
            """)
        XCTAssertEqual(found.map { describe(file, $0) }, [
            "message create to=user.phone to-kind=runTime scope=-",
            "call create to=to to-kind=runTime scope=ring",
        ])
        XCTAssertNotNil(found[0].scope, "the route handler judges the callback's send")
    }

    func testNamesBoundOnlyToLiteralsAreFixed() {
        let (file, found) = sends("alert.py", """
            ON_CALL = "+14155550100"
            def page(text):
                client.messages.create(to=ON_CALL, from_=FROM, body=text)
            def reply(number):
                client.messages.create(to=number, from_=FROM, body="ok")
            """)
        XCTAssertEqual(found.map(\.destination), [.fixed, .runTime], found.map { describe(file, $0) }.joined(separator: "\n"))
    }

    /// Client identities, SIP addresses and Verify's email channel are not phone
    /// numbers; the webhook's `From` is one Twilio gave the app.
    func testDestinationsAreClassified() {
        let (file, found) = sends("server.js", """
            const twilio = require('twilio');
            async function connect(identity, email, req) {
              await client.calls.create({ to: 'client:' + identity, from: FROM, url: URL });
              await client.calls.create({ to: `sip:${identity}@example.sip.twilio.com`, from: FROM, url: URL });
              await client.verify.v2.services(SID).verifications.create({ to: email, channel: 'email' });
              await client.verify.v2.services(SID).verifications.create({ to: req.body.phone, channel: 'sms' });
              await client.messages.create({ to: req.body.From, from: FROM, body: 'Thanks' });
              const sender = req.body.From;
              await client.messages.create({ to: sender, from: FROM, body: 'Thanks again' });
            }
            """)
        XCTAssertEqual(found.map(\.destination), [.notAPhone, .notAPhone, .notAPhone, .runTime, .inboundSender, .inboundSender],
                       found.map { describe(file, $0) }.joined(separator: "\n"))
    }

    func testRESTRequestsWithToFields() {
        let (file, found) = sends("send.py", """
            URL = f"https://api.twilio.com/2010-04-01/Accounts/{SID}/Messages.json"
            def text(phone, body):
                requests.post(URL, data={"To": phone, "From": FROM, "Body": body})
            def email(address):
                requests.post("https://api.mail.example/send", json={"To": address})
            def dispatch(phone):
                form = {"Body": "x"}
                form["To"] = phone
                urllib.request.urlopen(urllib.request.Request(URL, data=urlencode(form).encode()))
            """)
        XCTAssertEqual(found.map { describe(file, $0) }, [
            "message post to=phone to-kind=runTime scope=text",
            "message urlopen to=phone to-kind=runTime scope=dispatch",
        ])
        XCTAssertTrue(found.allSatisfy(\.isREST))
    }

    func testSwiftFormBodiesQueryItemsAndVaporClients() {
        let (file, found) = sends("SMS.swift", """
            func send(to phone: String) async throws {
                var request = URLRequest(url: URL(string: "https://api.twilio.com/2010-04-01/Accounts/\\(sid)/Messages.json")!)
                request.httpBody = "To=\\(phone)&Body=hi".data(using: .utf8)
                _ = try await URLSession.shared.data(for: request)
            }
            func call(_ number: String) async throws {
                let uri = URI(string: "https://api.twilio.com/2010-04-01/Accounts/\\(sid)/Calls.json")
                _ = try await client.post(uri) { req in
                    try req.content.encode(["To": number, "Url": twimlURL], as: .urlEncodedForm)
                }
            }
            func items(_ number: String) -> [URLQueryItem] {
                [URLQueryItem(name: "To", value: number)]
            }
            """)
        XCTAssertEqual(found.map { describe(file, $0) }, [
            "message data to=phone to-kind=runTime scope=send",
            "call post to=number to-kind=runTime scope=call",
        ])
    }

    func testRouteRegistrationIsNotTheSendingCall() {
        let (file, found) = sends("index.ts", """
            app.post('/send', async (c) => {
              const params = new URLSearchParams({ To: to, Body: text });
              await fetch(`https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages`, { method: 'POST', body: params });
            });
            """)
        XCTAssertEqual(found.map { file.text($0.anchor) }, ["fetch"])
    }
}
