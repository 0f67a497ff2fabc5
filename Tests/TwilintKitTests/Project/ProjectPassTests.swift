import Foundation
@testable import TwilintKit
import XCTest

/// The project pass answers a finding only when every use in other files does: a helper
/// nobody calls, or one caller that does not handle the error, keeps it.
final class ProjectPassTests: ProjectFolderTestCase {
    /// `file:line` of each TW007 finding.
    private func unhandled(manifest: Bool = true) throws -> [String] {
        if manifest { try write("package.json", #"{"dependencies": {"twilio": "^5.0.0"}}"#) }
        var options = LintOptions()
        options.paths = [root.path]
        let report = try Linter(rules: RuleCatalog.load().filter { $0.rule.id == "TW007" }, options: options).run()
        return report.findings.map { "\(URL(fileURLWithPath: $0.path).lastPathComponent):\($0.start.line)" }
    }

    private let helper = """
        const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
        async function send(to) {
          return client.messages.create({ to, from: process.env.TWILIO_FROM, body: 'hi' });
        }
        module.exports = { send };
        """

    func testAHelperEveryCallerHandlesIsHandled() throws {
        try write("lib/sms.js", helper)
        try write("a.js", "const { send } = require('./lib/sms');\nasync function a(p) { try { await send(p); } catch (e) { log(e.code); } }\n")
        try write("b.js", "const sms = require('./lib/sms');\nfunction b(p) { return sms.send(p).catch((e) => log(e.code)); }\n")
        XCTAssertEqual(try unhandled(), [])
    }

    func testOneCallerThatDoesNotHandleKeepsTheFinding() throws {
        try write("lib/sms.js", helper)
        try write("a.js", "const { send } = require('./lib/sms');\nasync function a(p) { try { await send(p); } catch (e) { log(e.code); } }\n")
        try write("c.js", "const { send } = require('./lib/sms');\nasync function c(p) { await send(p); }\n")
        XCTAssertEqual(try unhandled(), ["sms.js:3"])
    }

    func testAHelperNobodyCallsKeepsItsFinding() throws {
        try write("lib/sms.js", helper)
        XCTAssertEqual(try unhandled(), ["sms.js:3"])
    }

    func testOutsideATwilioProjectThePerFileAnswerStands() throws {
        try write("lib/sms.js", helper)
        try write("a.js", "const { send } = require('./lib/sms');\nasync function a(p) { try { await send(p); } catch (e) { log(e.code); } }\n")
        XCTAssertEqual(try unhandled(manifest: false), ["sms.js:3"])
    }

    func testAFloatingPromiseInTheHelperIsNotTheCallersToHandle() throws {
        try write("lib/sms.js", """
            const client = require('twilio')(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
            function send(to) {
              client.messages.create({ to, from: process.env.TWILIO_FROM, body: 'hi' });
            }
            module.exports = { send };
            """)
        try write("a.js", "const { send } = require('./lib/sms');\nasync function a(p) { try { await send(p); } catch (e) { log(e.code); } }\n")
        XCTAssertEqual(try unhandled(), ["sms.js:3"])
    }

    func testErrorsPassedOnThroughHelpersAreFollowedAndCyclesEnd() throws {
        try write("lib/sms.js", helper)
        try write("lib/flow.js", "const { send } = require('./sms');\nasync function flow(p) { await send(p); }\nmodule.exports = { flow };\n")
        try write("app.js", "const { flow } = require('./lib/flow');\nasync function run(p) { try { await flow(p); } catch (e) { log(e.code); } }\n")
        XCTAssertEqual(try unhandled(), [])
        // Two helpers that only call each other: no one handles, and the pass ends.
        try write("lib/loop.js", "const { flow } = require('./flow');\nasync function loop(p) { await flow(p); }\nmodule.exports = { loop };\n")
        try write("lib/flow.js", "const { send } = require('./sms');\nconst { loop } = require('./loop');\nasync function flow(p) { await send(p); }\nasync function again(p) { await loop(p); }\nmodule.exports = { flow, again };\n")
        try FileManager.default.removeItem(at: root.appendingPathComponent("app.js"))
        XCTAssertEqual(try unhandled(), ["sms.js:3"])
    }
}
