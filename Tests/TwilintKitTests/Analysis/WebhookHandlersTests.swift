@testable import TwilintKit
import XCTest

final class WebhookHandlersTests: XCTestCase {
    private func handlers(_ path: String, _ source: String) -> [WebhookHandler] {
        WebhookHandlers.of(SourceFile(path: path, text: source))
    }

    private func summary(_ handlers: [WebhookHandler]) -> [String] {
        handlers.map { "\($0.framework.rawValue) \($0.parameters.sorted().joined(separator: "+")) twiml=\($0.answersWithTwiML) valid=\($0.isValidated)" }
    }

    func testFlaskRoutesDecoratorsAndCommentedOutValidation() {
        let found = handlers("app.py", """
            @app.route("/sms", methods=["POST"])
            @validate_twilio_request
            def validated():
                return request.form["Body"]

            @bp.post("/voice")
            # @validate_twilio_request
            def unvalidated():
                return str(VoiceResponse())

            def not_a_route():
                return request.form["Body"]
            """)
        XCTAssertEqual(summary(found), ["pythonRoute Body twiml=false valid=true", "pythonRoute  twiml=true valid=false"])
        XCTAssertEqual(found.map(\.function.name), ["validated", "unvalidated"])
    }

    func testSameFileValidatorsAndBeforeRequestApplyOnlyWhenUsed() {
        let applied = handlers("app.py", """
            validator = RequestValidator(os.environ["TWILIO_AUTH_TOKEN"])

            @app.before_request
            def check():
                if not validator.validate(request.url, request.form, request.headers.get("X-Twilio-Signature", "")):
                    abort(403)

            @app.post("/sms")
            def sms():
                return request.form["From"]
            """)
        XCTAssertEqual(applied.map(\.isValidated), [true])
        let unapplied = handlers("app.py", """
            def check():
                if not RequestValidator(token).validate(request.url, request.form, sig):
                    abort(403)

            @app.post("/sms")
            def sms():
                return request.form["From"]
            """)
        XCTAssertEqual(unapplied.map(\.isValidated), [false])
    }

    func testDictionaryKeysAreSendsNotReads() {
        let found = handlers("app.py", """
            @app.post("/send")
            def send():
                requests.post(url, data={"To": request.json["to"], "Body": "hi"})
                return "", 204
            """)
        XCTAssertEqual(found.first?.parameters, [])
        XCTAssertEqual(found.first?.receivesTwilioWebhooks, false)
    }

    func testExpressMiddlewareForms() {
        let found = handlers("server.js", """
            const check = twilio.webhook({ validate: false });
            const strict = twilio.webhook();
            app.post('/a', check, (req, res) => { res.send(req.body.Body); });
            app.post('/b', strict, (req, res) => { const { From } = req.body; res.send(From); });
            app.post('/c', (req, res) => { res.json(new URLSearchParams({ To: req.query.to })); });
            router.route('/d').post(handleD);
            function handleD(req, res) { res.send(req.body['CallSid']); }
            """)
        XCTAssertEqual(summary(found), [
            "nodeRoute Body twiml=false valid=false",
            "nodeRoute From twiml=false valid=true",
            "nodeRoute  twiml=false valid=false",
            "nodeRoute CallSid twiml=false valid=false",
        ])
        XCTAssertEqual(found.last?.function.name, "handleD")
    }

    func testAppWideUseValidatesEveryRouteOfTheFile() {
        let found = handlers("server.js", """
            app.use(twilio.webhook());
            app.post('/sms', (req, res) => res.send(req.body.Body));
            """)
        XCTAssertEqual(found.map(\.isValidated), [true])
    }

    func testTwilioFunctionsAndControllersAndLambda() {
        XCTAssertTrue(handlers("functions/sms.js", """
            exports.handler = function (context, event, callback) { callback(null, event.Body); };
            """).isEmpty)
        XCTAssertEqual(summary(handlers("controllers/sms.js", """
            exports.receive = (req, res) => { res.send(req.body.From); };
            exports.list = (req, res) => { res.json([]); };
            """)), ["controller From twiml=false valid=false"])
        XCTAssertEqual(summary(handlers("index.js", """
            exports.handler = async (event) => { const p = new URLSearchParams(event.body); return p.get('Body'); };
            """)), ["serverless Body twiml=false valid=false"])
    }

    func testNextRoutesByPath() {
        XCTAssertEqual(handlers("web/pages/api/sms.ts", """
            export default async function handler(req, res) { res.send(req.body.Body); }
            """).map(\.framework), [.apiRoute])
        XCTAssertEqual(handlers("web/app/api/sms/route.ts", """
            export async function POST(request: Request) { const f = await request.formData(); return f.get('From'); }
            function helper(x) { return x.From; }
            """).map(\.function.name), ["POST"])
    }

    func testSwiftRoutesDecodedContentAndGroupedMiddleware() {
        let found = handlers("routes.swift", """
            struct Inbound: Content { let From: String; let Body: String }
            func routes(_ app: Application) throws {
                app.post("sms") { req async throws -> String in
                    let sms = try req.content.decode(Inbound.self)
                    return sms.Body
                }
                let secured = app.grouped(TwilioSignatureMiddleware())
                secured.post("voice", use: voice)
            }
            func voice(req: Request) async throws -> String { "<Response><Say>Hi</Say></Response>" }
            """)
        XCTAssertEqual(summary(found), ["swiftRoute Body+From twiml=false valid=false", "swiftRoute  twiml=true valid=true"])
    }

    func testSwiftClientRequestsAreNotRoutes() {
        XCTAssertTrue(handlers("Sender.swift", """
            func send(_ req: Request) async throws {
                _ = try await req.client.post("https://api.twilio.com/2010-04-01/Accounts/\\(sid)/Messages.json") { out in
                    try out.content.encode(["To": to, "Body": "<Response/>"], as: .urlEncodedForm)
                }
            }
            """).isEmpty)
    }

    func testSwiftHMACOverSignatureHeaderValidates() {
        let found = handlers("routes.swift", """
            func routes(_ app: Application) throws {
                app.post("sms") { req in
                    guard let signature = req.headers.first(name: "X-Twilio-Signature") else { throw Abort(.forbidden) }
                    let mac = HMAC<Insecure.SHA1>.authenticationCode(for: payload(req), using: key)
                    return try req.content.get(String.self, at: "Body")
                }
            }
            """)
        XCTAssertEqual(found.map(\.isValidated), [true])
    }

    func testTestFilesHaveNoHandlers() {
        XCTAssertTrue(handlers("tests/test_app.py", """
            @app.route("/sms")
            def sms():
                return request.form["Body"]
            """).isEmpty)
    }

    func testNamedValidators() {
        XCTAssertTrue(WebhookValidation.namesValidator("validate_twilio_request"))
        XCTAssertTrue(WebhookValidation.namesValidator("TwilioUtil.passesAuth"))
        XCTAssertTrue(WebhookValidation.namesValidator("twilio_view"))
        XCTAssertFalse(WebhookValidation.namesValidator("twilioAuthToken"))
        XCTAssertFalse(WebhookValidation.namesValidator("TWILIO_SIGNATURE_HEADER"))
        XCTAssertFalse(WebhookValidation.namesValidator("validate_form"))
    }
}
