@testable import TwilintKit
import XCTest

final class OptOutHandlingAnalyzerTests: XCTestCase {
    private func lines(_ path: String, _ source: String) -> [Int] {
        let file = SourceFile(path: path, text: source)
        return OptOutHandlingAnalyzer().findings(in: file).map { file.line(of: $0.lowerBound) }
    }

    /// Another handler's local of the same name is another variable: its keywords do not
    /// count here. A value of the module or of a function around the handler does.
    func testOnlyNamesInScopeLeadToTheirValues() {
        XCTAssertEqual(lines("server.js", """
            function register(app) {
              const WORDS = ['stop', 'unsubscribe'];
              app.post('/a', (req, res) => { if (WORDS.includes(req.body.Body)) return; res.end(); });
            }
            app.post('/b', (req, res) => { const words = ['stop']; if (words.includes(req.body.Body)) return; res.end(); });
            app.post('/c', (req, res) => { if (words.includes(req.body.Body)) return; res.end(); });
            """), [6])
    }

    func testKeywordLiteralConstantRegexHelperAndOptOutType() {
        XCTAssertEqual(lines("app.py", """
            STOP_WORDS = {"stop", "unsubscribe"}

            @app.post("/a")
            def a():
                return request.form["Body"] in STOP_WORDS

            @app.post("/b")
            def b():
                resp.message("Reply STOP to unsubscribe: " + request.form["Body"])

            @app.post("/c")
            def c():
                if is_opted_out(request.form["From"]):
                    return ""
                return request.form["Body"]

            @app.post("/d")
            def d():
                return handle(request.form["Body"])

            def handle(body):
                return body.strip().upper() == "QUIT"
            """), [8])
        XCTAssertEqual(lines("server.js", """
            app.post('/a', (req, res) => { if (/^\\s*(stop|end)\\s*$/i.test(req.body.Body)) return; });
            app.post('/b', (req, res) => { if (req.body.OptOutType) return; res.send(req.body.Body); });
            app.post('/c', (req, res) => { handleUnsubscribe(req.body.From); res.send(req.body.Body); });
            app.post('/d', (req, res) => { res.send(req.body.Body); });
            """), [4])
    }

    func testStatusCallbacksVoiceAndNonBodyHandlersAreSilent() {
        XCTAssertEqual(lines("server.js", """
            app.post('/status', (req, res) => { log(req.body.MessageStatus, req.body.Body); });
            app.post('/voice', (req, res) => { log(req.body.Digits, req.body.Body); });
            app.post('/raw', (req, res) => { queue.push(req.body); res.send(new twilio.twiml.MessagingResponse().toString()); });
            """), [])
    }
}
