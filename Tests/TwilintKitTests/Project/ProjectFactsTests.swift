import Foundation
@testable import TwilintKit
import XCTest

/// The project pass over facts kept between lints (the language server's): a folder's facts
/// walked once, a buffer's in place of its file's, and the same answers a scan of the whole folder gives.
final class ProjectFactsTests: ProjectFolderTestCase {
    private func linter() throws -> Linter {
        var options = LintOptions()
        options.paths = [root.path]
        return try Linter(rules: RuleCatalog.load(), options: options)
    }

    private static let validatedRoute = "router.post('/sms', twilio.webhook(), sms.reply);"
    private static let unvalidatedRoute = "router.post('/sms', sms.reply);"

    private func routes(_ route: String) -> String {
        """
        const express = require('express');
        const twilio = require('twilio');
        const sms = require('../controllers/sms');

        const router = express.Router();
        \(route)

        module.exports = router;

        """
    }

    private func writeApp(manifest: Bool = true) throws {
        if manifest { try write("package.json", #"{"dependencies": {"twilio": "^5.0.0", "express": "^4.0.0"}}"#) }
        try write("routes/index.js", routes(Self.validatedRoute))
        try write("controllers/sms.js", """
            const { MessagingResponse } = require('twilio').twiml;

            exports.reply = (req, res) => {
              const twiml = new MessagingResponse();
              twiml.message(`Thanks, we got: ${req.body.Body}`);
              res.type('text/xml').send(twiml.toString());
            };

            """)
    }

    /// The controller's findings (rule ids) when its buffer is judged against `facts`, with `buffers` in place of files.
    private func controllerRules(_ linter: Linter, facts: ProjectFacts, buffers: [String: String] = [:]) throws -> [String] {
        let controller = path("controllers/sms.js")
        let scan = linter.scanForProject(SourceBuffer(path: controller, bytes: Array(try String(contentsOfFile: controller, encoding: .utf8).utf8)))
        var overlay: [String: ModuleFacts?] = [controller: scan.module]
        for (relative, text) in buffers { overlay[path(relative)] = linter.scanForProject(SourceBuffer(path: path(relative), bytes: Array(text.utf8))).module }
        return linter.keeping(scan.report.findings, answers: facts.answers(overlaying: overlay)).map(\.ruleID)
    }

    func testWarmFactsAnswerABufferAsAScanOfTheFolderDoes() throws {
        try writeApp()
        let linter = try linter()
        let facts = linter.moduleFacts(of: [root.path], jobs: 2)
        XCTAssertNotNil(facts[path("routes/index.js")], "the router mounts a controller of another module")
        let scan = linter.scanForProject(SourceBuffer(path: path("controllers/sms.js"), bytes: Array(try Data(contentsOf: root.appendingPathComponent("controllers/sms.js")))))
        XCTAssertTrue(scan.report.findings.contains { $0.ruleID == "TW003" }, "before the project pass, the controller alone is unsigned")
        XCTAssertEqual(scan.module?.asksOtherFiles, true)
        let whole = linter.run().findings.filter { $0.path == path("controllers/sms.js") }.map(\.ruleID)
        XCTAssertFalse(whole.contains("TW003"))
        XCTAssertEqual(try controllerRules(linter, facts: facts), whole)
    }

    func testABufferStandsInForItsFileOnDisk() throws {
        try writeApp()
        let linter = try linter()
        let facts = linter.moduleFacts(of: [root.path])
        XCTAssertTrue(try controllerRules(linter, facts: facts, buffers: ["routes/index.js": routes(Self.unvalidatedRoute)]).contains("TW003"))
        XCTAssertFalse(try controllerRules(linter, facts: facts, buffers: ["routes/index.js": routes(Self.validatedRoute)]).contains("TW003"))
    }

    func testAFileIsReadAgainAlone() throws {
        try writeApp()
        let linter = try linter()
        var facts = linter.moduleFacts(of: [root.path])
        let before = facts[path("routes/index.js")]
        try write("routes/index.js", routes(Self.unvalidatedRoute))
        facts[path("routes/index.js")] = linter.moduleFacts(ofFile: path("routes/index.js"))
        XCTAssertFalse(ModuleFacts.answerOthersAlike(before, facts[path("routes/index.js")]), "the route lost its validation")
        XCTAssertTrue(try controllerRules(linter, facts: facts).contains("TW003"))
        try FileManager.default.removeItem(atPath: path("routes/index.js"))
        XCTAssertNil(linter.moduleFacts(ofFile: path("routes/index.js")), "a file gone takes no part")
    }

    func testAnEditThatChangesNothingForOthersAnswersThemAlike() throws {
        try writeApp()
        let linter = try linter()
        let one = linter.scanForProject(SourceBuffer(path: path("routes/index.js"), bytes: Array(routes(Self.validatedRoute).utf8))).module
        let two = linter.scanForProject(SourceBuffer(path: path("routes/index.js"), bytes: Array(("// the routes\n" + routes(Self.validatedRoute)).utf8))).module
        XCTAssertNotNil(one)
        XCTAssertTrue(ModuleFacts.answerOthersAlike(one, two))
        XCTAssertTrue(ModuleFacts.answerOthersAlike(nil, nil))
        XCTAssertFalse(ModuleFacts.answerOthersAlike(one, nil))
    }

    func testOutsideATwilioProjectNoFileTakesPart() throws {
        try writeApp(manifest: false)
        let linter = try linter()
        XCTAssertEqual(linter.moduleFacts(of: [root.path]).count, 0)
        XCTAssertNil(linter.moduleFacts(ofFile: path("routes/index.js")))
    }
}
