import Foundation
import Matching
@testable import TwilintKit
import XCTest

/// No built-in pattern may be able to hit a PCRE2 limit, whatever the input: a rule
/// that stops on a limit loses its findings for the file. Every pattern runs, as a
/// scan runs it, over 64 KiB lines built to provoke backtracking: each rule's
/// trigger text followed by, or repeated with, long runs of what its repeats eat.
final class PatternLimitTests: XCTestCase {
    private static let lineLength = 64 << 10

    /// Text that starts a match of some built-in pattern.
    private static let triggers = [
        "Client(", "twilio.rest.Client(", "new Twilio(", "require('twilio')(", "TwilioRestClient(",
        "auth_token", "authToken: String = ", "TWILIO_AUTH_TOKEN=", "api_key_secret", "<key>TWILIO_AUTH_TOKEN</key>",
        "ENV TWILIO_AUTH_TOKEN ", "auth=(", "HTTPBasicAuth(", "password: ", "\\(sid):", "${sid}:", "{sid}:", "$SID:", "%s:",
        "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e:", "SK8d0e5f3a9b1c7d2e6f4a0b8c3d9e1f7a",
        "to=\"+1415", "+1 415 555 ", "(415) 555-", "whatsapp:+", "\"To\": \"", "<Dial>", "callerId=\"",
    ]

    /// What the patterns' repeats consume, and the characters that end them.
    private static let fillers = [
        " ", "a", "0", "aA0", "a ", "a.", "'", "\"", "(", "()", ")", ",", "[", "-", "=", ":", "\\", "{", "${",
        "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9", "// c\n", "<!--", "+1", "5", "1-", " 5",
    ]

    /// What the patterns need after their repeats (a comma, a quoted token, a closing
    /// tag): without it PCRE2 sees that a required character is missing and gives up
    /// at once, so a line would never make it backtrack.
    private static let tail = #", "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9X") :9f2c</key><string>9f2c</string> --> '+1"#

    /// A limit is met within one match attempt, so one trigger per line is enough.
    private static func texts() -> [String] {
        triggers.flatMap { trigger in
            fillers.map { filler in
                let room = lineLength - trigger.utf8.count - tail.utf8.count
                return trigger + String(repeating: filler, count: room / filler.utf8.count) + tail
            }
        }
    }

    func testNoBuiltinPatternHitsALimitOnAdversarialLines() throws {
        let texts = Self.texts()
        var failures: [String] = []
        for loaded in RuleCatalog.builtin() {
            let prefilter = try KeywordPrefilter(keywords: CompiledRule.keywords(of: loaded.rule))
            let rule = try CompiledRule(loaded.rule, source: loaded.source, prefilter: prefilter)
            for (index, pattern) in rule.patterns.enumerated() {
                for text in texts {
                    var bytes = Array(text.utf8)
                    do {
                        try bytes.withUnsafeMutableBufferPointer { buffer in
                            try pattern.forEachMatch(in: UnsafeBufferPointer(buffer)) { _ in }
                        }
                    } catch {
                        failures.append("\(loaded.rule.id) pattern \(index): \(error) on \(text.prefix(40).debugDescription)…")
                        break
                    }
                    bytes.removeAll()
                }
            }
        }
        XCTAssertEqual(failures, [], failures.joined(separator: "\n"))
    }
}
