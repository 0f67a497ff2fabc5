@testable import TwilintKit
import XCTest

final class TwilioCallsTests: XCTestCase {
    private func model(_ path: String, _ source: String) -> CodeModel {
        CodeModel.of(SourceFile(path: path, text: source))
    }

    private func restCallees(_ path: String, _ source: String) -> [String] {
        TwilioCalls.rest(in: model(path, source)).map(\.site.callee)
    }

    func testPythonClientsByConstructionConventionAndResourceContext() {
        let m = model("app.py", """
            from twilio.rest import Client
            sms = Client(sid, token)
            verify = sms.verify.v2.services(SERVICE)
            sms.messages.create(to=a, from_=b, body="x")
            verify.verification_checks.create(to=a, code=c)
            self.twilio_client.calls(call_sid).update(status="completed")
            client.lookups.v2.phone_numbers(n).fetch(fields="line_type_intelligence")
            await client.messages.create_async(to=a, body="x")
            client.messages.get(sid)
            storage.files.create(name)
            """)
        let calls = TwilioCalls.rest(in: m)
        XCTAssertEqual(calls.map(\.site.callee), [
            "sms.messages.create", "verify.verification_checks.create", "self.twilio_client.calls().update",
            "client.lookups.v2.phone_numbers().fetch", "client.messages.create_async",
        ])
        XCTAssertEqual(calls[2].resources, ["calls"])
        XCTAssertEqual(calls[3].resources, ["lookups", "v2", "phone_numbers"])
        XCTAssertEqual(calls.map { m.text($0.site.name) }, ["create", "create", "update", "fetch", "create_async"])
    }

    func testAnotherSDKsClientUnderTheConventionalNameIsNotTwilio() {
        XCTAssertEqual(restCallees("bot.py", """
            import anthropic
            client = anthropic.Anthropic()
            client.messages.create(model=M, max_tokens=10, messages=[])
            """), [])
        XCTAssertEqual(restCallees("bot.js", """
            const client = new OpenAI();
            await client.messages.create({ model });
            """), [])
        // A factory function may return Twilio's client: the convention still holds.
        XCTAssertEqual(restCallees("app.py", "client = get_client()\nclient.messages.create(to=a, body=b)"), ["client.messages.create"])
    }

    func testJavaScriptConstructorsAndInlineClients() {
        let m = model("server.js", """
            const twilio = require('twilio');
            const tw = new twilio.Twilio(sid, token);
            const direct = require('twilio')(sid, token);
            exports.handler = (context, event, callback) => {
              context.getTwilioClient().messages.create({ to: event.To, body: 'x' });
            };
            tw.calls.create({ to, from, url });
            direct.conversations.v1.conversations(id).messages.create({ author, body });
            require('twilio')(sid, token).messages.create({ to, body });
            twilio.webhook();
            tw.messages.each((m) => m.sid);
            """)
        let calls = TwilioCalls.rest(in: m)
        XCTAssertEqual(calls.map(\.site.callee), [
            "context.getTwilioClient().messages.create", "tw.calls.create",
            "direct.conversations.v1.conversations().messages.create", "messages.create",
        ])
        XCTAssertEqual(m.text(calls[3].start..<calls[3].site.name.upperBound), "require('twilio')(sid, token).messages.create")
    }

    func testRawHTTPRequestsFollowURLNamesWithinTheirScope() {
        let python = model("send.py", """
            BASE = "https://api.twilio.com/2010-04-01"
            def send():
                url = BASE + "/Accounts/%s/Messages.json" % SID
                requests.post(url, data=form)
                requests.get("https://api.weather.example/today")
            def other(url):
                requests.post(url)
            """)
        XCTAssertEqual(TwilioCalls.hostRequests(in: python).map { python.line(of: $0.site.name.lowerBound) }, [4])

        let swift = model("SMS.swift", """
            struct SMS {
                private var messagesURL: URL { URL(string: "https://api.twilio.com/2010-04-01/Messages.json")! }
                func send() async throws {
                    var request = URLRequest(url: messagesURL)
                    let (_, response) = try await URLSession.shared.data(for: request)
                    session.dataTask(with: request) { _, _, _ in }.resume()
                }
                func avatar(request: URLRequest) async throws {
                    _ = try await URLSession.shared.data(for: request)
                }
            }
            """)
        XCTAssertEqual(TwilioCalls.hostRequests(in: swift).map { swift.text($0.site.name) }, ["data", "dataTask"])

        let script = model("rest.js", """
            const url = `https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json`;
            fetch(url, { method: 'POST' });
            axios.post(url, form);
            fetch('/api/local');
            """)
        XCTAssertEqual(TwilioCalls.hostRequests(in: script).map(\.site.callee), ["fetch", "axios.post"])
    }
}
