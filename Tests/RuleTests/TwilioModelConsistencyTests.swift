import Foundation
@testable import TwilintKit
import XCTest

/// The behaviour rules read one model of a file's Twilio code, so they cannot
/// disagree about a line: every send TW005/TW010 judge is a call whose errors
/// TW007/TW008 judge, and every route handler TW009 judges is one TW003 judges.
final class TwilioModelConsistencyTests: XCTestCase {
    private func sourceFixtures() throws -> [SourceFile] {
        try Repository.fixtureFiles().map { SourceFile(path: $0, text: try String(contentsOfFile: $0, encoding: .utf8)) }
            .filter { $0.language.isSource }
    }

    private func place(_ file: SourceFile, _ offset: Int) -> String {
        file.path.replacingOccurrences(of: Repository.root.path + "/", with: "") + ":\(file.line(of: offset))"
    }

    func testEverySendIsACallTheErrorRulesJudge() throws {
        var problems: [String] = []
        var sends = 0
        for file in try sourceFixtures() where !FileRole.isTest(file) {
            let judged = Set(TwilioErrorHandling.of(file).judged.map(\.lowerBound))
            for send in TwilioFacts.of(file).sends {
                sends += 1
                if !judged.contains(send.call.lowerBound) {
                    problems.append("\(place(file, send.call.lowerBound)): `\(file.text(send.call))`")
                }
            }
        }
        XCTAssertGreaterThan(sends, 50, "the fixtures hold too few sends to prove anything")
        XCTAssert(problems.isEmpty, "\(problems.count) sends the error rules do not judge:\n" + problems.joined(separator: "\n"))
    }

    /// TW003 and TW009 judge the same handlers (`WebhookHandlers`), and a send judged in an
    /// anonymous function is judged in one of the routes those rules see.
    func testRouteHandlersAreOneDefinition() throws {
        var problems: [String] = []
        var anonymous = 0
        for file in try sourceFixtures() {
            let routes = Set(WebhookHandlers.routes(in: file).map(\.anchor.lowerBound))
            for handler in WebhookHandlers.of(file) where !routes.contains(handler.function.anchor.lowerBound) {
                problems.append("\(place(file, handler.function.anchor.lowerBound)): a webhook handler that is no route")
            }
            for send in TwilioFacts.of(file).sends {
                guard let scope = send.scope, scope.name == nil else { continue }
                anonymous += 1
                if !routes.contains(scope.anchor.lowerBound) {
                    problems.append("\(place(file, send.anchor.lowerBound)): judged in an anonymous function that is no route")
                }
            }
        }
        XCTAssertGreaterThan(anonymous, 5, "the fixtures hold too few sends in route handlers to prove anything")
        XCTAssert(problems.isEmpty, problems.joined(separator: "\n"))
    }
}
