@testable import TwilintKit
import XCTest

final class TwilioErrorHandlingTests: XCTestCase {
    /// The 1-based lines of TW007 (unhandled) and TW008 (generic handler) findings.
    private func lines(_ path: String, _ source: String) -> (unhandled: [Int], generic: [Int]) {
        let file = SourceFile(path: path, text: source)
        let handling = TwilioErrorHandling.of(file)
        return (handling.unhandled.map { file.line(of: $0.lowerBound) }, handling.genericHandlers.map { file.line(of: $0.focus.lowerBound) })
    }

    func testPythonTryIsLexicalAndNeedsAFittingExcept() {
        let found = lines("app.py", """
            from twilio.rest import Client
            client = Client()
            try:
                client.messages.create(to=a, body="x")
            except ValueError:
                pass
            try:
                client.calls.create(to=a, url=u)
            finally:
                close()
            try:
                client.messages.create(to=a, body="x")
            except (ValueError, TwilioRestException) as e:
                print(f"failed: {e.code}")
            try:
                client.messages.create(to=a, body="x")
            except:
                notify_admin()
            try:
                def later():
                    client.messages.create(to=a, body="x")
            except Exception:
                pass
            """)
        XCTAssertEqual(found.unhandled, [4, 8, 21])
        XCTAssertEqual(found.generic, [17])
    }

    func testPythonHelperIsHandledOnlyWhenEveryCallerWrapsIt() {
        let found = lines("jobs.py", """
            from twilio.rest import Client
            client = Client()
            def deliver(to):
                return client.messages.create(to=to, body="x")
            def notify(to):
                deliver(to)
            def wrapped(to):
                try:
                    self.remind(to)
                except TwilioRestException as e:
                    if e.code == 21610:
                        opt_out(to)
            def remind(to):
                client.messages.create(to=to, body="x")
            def careful(to):
                try:
                    deliver(to)
                except TwilioRestException:
                    log("failed")
            """)
        XCTAssertEqual(found.unhandled, [4], "deliver has an unwrapped caller; remind's only caller checks the code")
        XCTAssertEqual(found.generic, [], "a handler is judged only when it handles the call")
    }

    func testPythonHandlersThatPassTheErrorOnOrHaveACodeCheckingSibling() {
        let found = lines("views.py", """
            from twilio.rest import Client
            client = Client()
            def a():
                try:
                    client.messages.create(to=t, body=b)
                except TwilioRestException:
                    log.exception("send failed")
                    raise
            def b():
                try:
                    client.messages.create(to=t, body=b)
                except TwilioRestException as e:
                    raise SendError("SMS failed") from e
            def c():
                try:
                    client.messages.create(to=t, body=b)
                except TwilioRestException as e:
                    return ERRORS.get(e.code, "failed")
                except Exception:
                    return "failed"
            def d():
                try:
                    client.messages.create(to=t, body=b)
                except TwilioRestException as e:
                    return describe(e)
            def describe(error):
                return {21610: "opted out"}.get(error.code, "failed")
            """)
        XCTAssertEqual(found.unhandled, [])
        XCTAssertEqual(found.generic, [12], "only the handler that replaces the error without reading its code")
    }

    func testJavaScriptPromisesAwaitChainsCallbacksAndAggregates() {
        let found = lines("server.js", """
            const client = require('twilio')(sid, token);
            async function a() { try { await client.messages.create(m); } catch (err) { res.status(500).send('x'); } }
            async function b() { try { client.messages.create(m); } catch (err) { if (err.code === 21610) {} } }
            async function c() { try { return client.messages.create(m); } catch (err) { throw err; } }
            function d() { client.messages.create(m).then(ok, (err) => console.log(err)); }
            function e() { client.messages.create(m).then(ok); }
            function f() { client.messages.create(m, function (error, message) {}); }
            async function g() { try { await Promise.all(list.map(async (to) => { await client.messages.create({ to }); })); } catch ({ code }) { throw new Error(code); } }
            async function h() { const p = client.calls.create(c); try { await p; } catch (e) { next(e); } }
            function i() { return new Promise((resolve, reject) => client.messages.create(m).then(resolve).catch((e) => reject('SMS failed', e))); }
            function j() { client.messages.create(m).catch(console.error); }
            function k() { client.messages.create(m).catch(next); }
            """)
        XCTAssertEqual(found.unhandled, [3, 4, 6], "not awaited in try, returned past the try, and a one-argument then")
        XCTAssertEqual(found.generic, [2, 5, 10, 11])
    }

    func testJavaScriptAsyncHelperJudgesItsCallersCatch() {
        let found = lines("route.ts", """
            import twilio from 'twilio';
            const client = twilio(sid, token);
            const sendSms = async (to: string) => {
              const message = await client.messages.create({ to, from: FROM, body: 'hi' });
              return message.sid;
            };
            export async function POST(request: Request) {
              try {
                return Response.json({ sid: await sendSms('+1') });
              } catch (error) {
                return Response.json({ error: 'failed' }, { status: 500 });
              }
            }
            app.post('/x', async (req, res) => {
              await client.messages.create({ to: req.body.to, body: 'x' });
            });
            """)
        XCTAssertEqual(found.unhandled, [15])
        XCTAssertEqual(found.generic, [10])
    }

    func testSwiftSwallowedErrorsStatusChecksAndBranches() {
        let found = lines("SMS.swift", """
            let messagesURL = URL(string: "https://api.twilio.com/2010-04-01/Accounts/AC/Messages.json")!
            func a() async throws {
                let (_, _) = try await URLSession.shared.data(for: URLRequest(url: messagesURL))
            }
            func b() async {
                let result = try? await URLSession.shared.data(for: URLRequest(url: messagesURL))
                guard let http = result?.1 as? HTTPURLResponse, http.statusCode == 201 else { return }
            }
            func c() async throws {
                let (data, response) = try await URLSession.shared.data(for: URLRequest(url: messagesURL))
                if (response as! HTTPURLResponse).statusCode != 201 {
                    throw SMSError.failed
                }
            }
            func d() async throws {
                let (data, response) = try await URLSession.shared.data(for: URLRequest(url: messagesURL))
                if (response as? HTTPURLResponse)?.statusCode == 201 {
                    return
                } else {
                    let body = try JSONDecoder().decode(TwilioError.self, from: data)
                    throw SMSError.twilio(body.code)
                }
            }
            func e() async throws -> (Data, URLResponse) {
                try await URLSession.shared.data(for: URLRequest(url: messagesURL))
            }
            func f() async throws {
                let (_, response) = try await e()
                guard (response as? HTTPURLResponse)?.statusCode == 201 else { throw SMSError.status((response as? HTTPURLResponse)?.statusCode) }
            }
            func g() async {
                do {
                    let (_, response) = try await URLSession.shared.data(for: URLRequest(url: messagesURL))
                    guard (response as? HTTPURLResponse)?.statusCode == 201 else { throw SMSError.failed }
                } catch {
                    throw error
                }
            }
            """)
        XCTAssertEqual(found.unhandled, [3, 6])
        XCTAssertEqual(found.generic, [11, 34], "a force cast is not a negation; `throw error` passes the error on")
    }

    func testOtherLanguagesAreNotJudged() {
        XCTAssertEqual(lines("notes.txt", "client.messages.create(to=a)").unhandled, [])
    }
}

extension TwilioErrorHandlingTests {
    /// TW008 names the codes of what the handler receives errors from, not SMS codes for everything.
    func testGenericHandlersNameTheCodesOfTheirProduct() {
        func codes(_ call: String) -> [String] {
            let file = SourceFile(path: "app.py", text: """
                from twilio.rest import Client
                from twilio.base.exceptions import TwilioRestException
                client = Client()
                def act(sid, to):
                    try:
                        \(call)
                    except TwilioRestException:
                        return None
                """)
            return TwilioErrorHandling.of(file).genericHandlers.map { $0.details["codes"] ?? "-" }
        }
        XCTAssertEqual(codes("client.messages.create(to=to, from_=F, body='hi')"), ["21610, 21211, 21614, 30003, 30005, 30006, 30007"])
        XCTAssertEqual(codes("client.messages.create(to='whatsapp:' + to, from_=F, body='hi')"), ["63016, 21610, 21211"])
        XCTAssertEqual(codes("client.calls(sid).update(status='completed')"), ["13224, 21205, 21210, 21217"])
        XCTAssertEqual(codes("client.verify.v2.services(S).verifications.create(to=to, channel='sms')"), ["60200, 60202, 60203"])
        XCTAssertEqual(codes("client.sync.v1.services(S).documents(sid).fetch()"), ["20404, 20003, 20429"])
    }
}
