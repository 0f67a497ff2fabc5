@testable import TwilintKit
import XCTest

final class CodeModelTests: XCTestCase {
    private func model(_ path: String, _ source: String) -> CodeModel {
        CodeModel.of(SourceFile(path: path, text: source))
    }

    private func describe(_ model: CodeModel, _ function: FunctionScope) -> String {
        "\(function.name ?? "<anon>")(\(function.parameters.joined(separator: ","))) body=\(model.text(function.body).trimmingCharacters(in: .whitespacesAndNewlines).prefix(20))"
    }

    func testPythonFunctionsDecoratorsAndNesting() {
        let m = model("app.py", """
            @app.route(
                "/sms", methods=["POST"])
            @validate_twilio_request
            def sms_reply():
                body = request.values.get("Body", "")  # a comment with def x():
                def inner(x):
                    return x
                text = \"\"\"
            not a def: def y():
            \"\"\"
                return str(resp)

            async def other(request, *args, **kwargs): return 1
            """)
        XCTAssertEqual(m.functions.map(\.name), ["sms_reply", "inner", "other"])
        XCTAssertEqual(m.functions[0].decorators.map { m.text($0) }, ["@app.route(\n    \"/sms\", methods=[\"POST\"])", "@validate_twilio_request"])
        XCTAssertTrue(m.text(m.functions[0].body).contains("return str(resp)"))
        XCTAssertFalse(m.text(m.functions[0].body).contains("async def"))
        XCTAssertEqual(m.functions[2].parameters, ["request", "args", "kwargs"])
        XCTAssertEqual(m.text(m.functions[2].body).trimmingCharacters(in: .whitespaces), "return 1")
        let inner = m.functions[1]
        XCTAssertEqual(m.enclosingFunction(of: inner.body.lowerBound + 3)?.name, "inner")
    }

    func testPythonCallsWithKeywordArguments() {
        let m = model("send.py", """
            message = client.messages.create(
                to=number,  # recipient
                from_=os.environ["FROM"],
                body="Hi, there",
            )
            x = client.verify.v2.services(sid).verifications.create(to=phone, channel="sms")
            if check(a == b): pass
            """)
        let create = m.calls.first { $0.callee == "client.messages.create" }
        XCTAssertEqual(create.map { m.text($0.name) }, "create")
        XCTAssertEqual(create?.argument(named: "to").map { m.text($0) }, "number")
        XCTAssertEqual(create?.argument(named: "from_").map { m.text($0) }, "os.environ[\"FROM\"]")
        XCTAssertEqual(create?.argument(named: "body").map { m.text($0) }, "\"Hi, there\"")
        XCTAssertTrue(m.calls.contains { $0.callee == "client.verify.v2.services().verifications.create" })
        XCTAssertNil(m.calls.first { $0.callee == "check" }?.arguments.first?.label, "a == b is not a keyword argument")
    }

    func testPythonTryExceptClauses() {
        let m = model("send.py", """
            def send():
                try:
                    client.messages.create(to=x)
                except twilio.base.exceptions.TwilioRestException as err:
                    log(err.code)
                except (ValueError, KeyError):
                    pass
                except:
                    raise
                finally:
                    done()
                after()
            """)
        XCTAssertEqual(m.tryBlocks.count, 1)
        let handlers = m.tryBlocks[0].handlers
        XCTAssertEqual(handlers.map(\.caughtTypes), [["TwilioRestException"], ["ValueError", "KeyError"], []])
        XCTAssertEqual(handlers[0].binding, "err")
        XCTAssertTrue(m.text(handlers[2].body).contains("raise"))
        XCTAssertFalse(m.text(m.tryBlocks[0].body).contains("except"))
        let call = m.calls.first { $0.callee == "client.messages.create" }!
        XCTAssertEqual(m.enclosingTryBlocks(of: call.name.lowerBound).count, 1)
        XCTAssertTrue(m.enclosingTryBlocks(of: m.calls.first { $0.callee == "after" }!.name.lowerBound).isEmpty)
    }

    func testJavaScriptFunctionsArrowsMethodsAndCallbacks() {
        let m = model("server.js", """
            const twilio = require('twilio');
            app.post('/sms', twilio.webhook(), async (req, res) => {
              const body = req.body.Body; // } not a brace
              res.send(`<Response>${body}</Response>`);
            });
            exports.handler = function(context, event, callback) { callback(null, 'ok'); };
            export async function POST(request) { return new Response('x'); }
            class Sender { async send(to) { return client.messages.create({ to, from: FROM, body: 'hi' }); } }
            const short = x => x.trim();
            """)
        XCTAssertEqual(m.functions.map { $0.name ?? "<anon>" }, ["<anon>", "exports.handler", "POST", "send", "short"])
        XCTAssertEqual(m.functions[0].parameters, ["req", "res"])
        XCTAssertEqual(m.functions[1].parameters, ["context", "event", "callback"])
        let post = m.calls.first { $0.callee == "app.post" }!
        XCTAssertEqual(post.arguments.count, 3)
        let create = m.calls.first { $0.callee == "client.messages.create" }!
        XCTAssertEqual(create.argument(named: "to").map { m.text($0) }, "to")
        XCTAssertEqual(create.argument(named: "from").map { m.text($0) }, "FROM")
        XCTAssertEqual(m.enclosingFunction(of: create.name.lowerBound)?.name, "send")
        XCTAssertFalse(m.calls.contains { $0.callee == "send" }, "a method definition is not a call")
    }

    func testJavaScriptTryCatch() {
        let m = model("send.ts", """
            async function notify(to: string): Promise<void> {
              try {
                await client.messages.create({ to, body });
              } catch (err: unknown) {
                console.error(err);
              } finally { done(); }
            }
            """)
        XCTAssertEqual(m.functions.first?.name, "notify")
        XCTAssertEqual(m.tryBlocks.count, 1)
        XCTAssertEqual(m.tryBlocks[0].handlers.first?.binding, "err")
        XCTAssertEqual(m.tryBlocks[0].handlers.first?.caughtTypes, [])
    }

    func testSwiftFuncsClosuresTrailingClosuresAndDoCatch() {
        let m = model("routes.swift", """
            func routes(_ app: Application) throws {
                app.post("sms") { req async throws -> Response in
                    let body = try req.content.get(String.self, at: "Body")
                    return Response(status: .ok)
                }
                app.post("voice", use: voice)
            }
            func send(to number: String) async throws {
                do {
                    let (data, response) = try await URLSession.shared.data(for: request)
                } catch let error as URLError {
                    print(error)
                } catch {
                    throw error
                }
            }
            """)
        XCTAssertEqual(m.functions.map { $0.name ?? "<closure>" }, ["routes", "<closure>", "send"])
        XCTAssertEqual(m.functions[0].parameters, ["app"])
        XCTAssertEqual(m.functions[1].parameters, ["req"])
        XCTAssertEqual(m.functions[2].parameters, ["number"])
        let post = m.calls.first { $0.callee == "app.post" }!
        XCTAssertNotNil(post.trailingClosure)
        XCTAssertEqual(m.calls.first { m.text($0.argumentList).contains("voice") }?.argument(named: "use").map { m.text($0) }, "voice")
        XCTAssertEqual(m.tryBlocks.first?.handlers.map(\.caughtTypes), [["URLError"], []])
        XCTAssertEqual(m.tryBlocks.first?.handlers.map(\.binding), ["error", "error"])
    }

    func testFunctionsReturningTuplesAndArrays() {
        let swift = model("SMS.swift", """
            func send() async throws -> (Data, URLResponse) {
                try await URLSession.shared.data(for: request)
            }
            """)
        XCTAssertEqual(swift.functions.map(\.name), ["send"])
        XCTAssertTrue(swift.text(swift.functions[0].body).contains("URLSession"))
        let script = model("pair.ts", "async function pair(): Promise<[string, number]> { return ['a', 1]; }")
        XCTAssertEqual(script.functions.map(\.name), ["pair"])
    }

    func testJavaScriptCatchWithDestructuringPattern() {
        let m = model("send.js", "try { await send(); } catch ({ code, message }) { log(code); }")
        XCTAssertEqual(m.tryBlocks.first?.handlers.map { m.text($0.body).trimmingCharacters(in: .whitespaces) }, ["log(code);"])
    }

    func testMalformedInputNeverCrashes() {
        for source in ["def (", "try:", "app.post('/x', (req, res) => {", "func x( {", "}}}{{{)))", "do { catch", "except X as:"] {
            for path in ["a.py", "a.js", "a.swift", "a.ts"] {
                let m = model(path, source)
                _ = (m.functions, m.calls, m.tryBlocks)
            }
        }
    }

    /// `enclosingFunction(of:)` and `calls(in:)` answer from indexes; in every source
    /// fixture they must give what a pass over all functions and calls gives.
    func testIndexedQueriesAgreeWithAFullPassOnEveryFixture() throws {
        var checked = 0
        for (relative, path, language, data) in try SourceFixtures.all() {
            let model = CodeModel.of(SourceFile(path: path, language: language, bytes: data))
            for token in model.tokens {
                let offset = token.range.lowerBound
                let place = "\(relative) at byte \(offset)"
                let holding = model.functions.filter { $0.body.contains(offset) }.sorted { $0.body.count < $1.body.count }
                XCTAssertEqual(model.enclosingFunction(of: offset), holding.first, place)
                XCTAssertEqual(model.enclosingFunctions(of: offset).map(\.body), holding.map(\.body), place)
                XCTAssertEqual(model.enclosingTryBlocks(of: offset).map(\.body),
                               model.tryBlocks.filter { $0.body.contains(offset) }.sorted { $0.body.count < $1.body.count }.map(\.body), place)
                XCTAssertEqual(model.innermostCall(withArgumentsHolding: offset)?.argumentList,
                               model.calls.filter { $0.argumentList.contains(offset) }.min { $0.argumentList.count < $1.argumentList.count }?.argumentList, place)
                XCTAssertEqual(model.calls(holding: offset).map(\.extent),
                               model.calls.filter { $0.extent.contains(offset) }.sorted { $0.extent.count < $1.extent.count }.map(\.extent), place)
                checked += 1
            }
            for function in model.functions {
                XCTAssertEqual(model.calls(in: function.body), model.calls.filter { function.body.contains($0.name.lowerBound) }, relative)
                let first = model.tokenIndex(atOrAfter: function.body.lowerBound)
                let walked = first..<(first + model.tokens[first...].prefix { $0.range.upperBound <= function.body.upperBound }.count)
                XCTAssertEqual(model.tokenIndices(in: function.body), walked, relative)
            }
        }
        XCTAssertGreaterThan(checked, 10_000)
    }

    /// Python blocks come from an index of statement lines; walking each block's
    /// tokens is the reference, for every header of every Python fixture.
    func testPythonBlocksFromTheIndexMatchTheWalk() throws {
        var checked = 0
        for (relative, path, language, data) in try SourceFixtures.all() where language == .python {
            let model = CodeModel.of(SourceFile(path: path, language: language, bytes: data))
            let structure = PythonStructure(model)
            for index in model.tokens.indices where model.token(index, is: ":") {
                let indent = model.indentation(ofLineAt: model.tokens[index].range.lowerBound)
                XCTAssertEqual(structure.block(afterColon: index, indent: indent), structure.walkedBlock(afterColon: index, indent: indent),
                               "\(relative) at byte \(model.tokens[index].range.lowerBound)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 300)
    }
}
