import Foundation
import Matching
@testable import TwilintKit
import XCTest

/// A pattern's `anchor` is a claim: every match that meets the pattern's
/// conditions starts in a window around a hit. A wrong claim would silently lose
/// findings, so every anchored built-in pattern is searched both ways, anchored
/// and over the whole text, on every fixture, every rule example and texts at
/// the claims' bounds, and must find the same matches.
final class AnchorClaimTests: XCTestCase {
    /// Texts at the edges of the TW002 anchors: the keyword farthest into the match,
    /// each constructor name, and interpolated names at their longest.
    private static let edges = [
        #"api-key-secret = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c""#,
        #"API_KEY.SECRET: '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'"#,
        #"twilio_token => "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c""#,
        #"xauthtoken="9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c" auth.token = `9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c`"#,
        #"client = twilio.rest.Client(sid, "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c")"#,
        #"new TwilioRestClient(a, '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'); x.twilio.Twilio(a, "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c")"#,
        #"require(  'twilio' )(process.env.SID, '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c')"#,
        "\"\\(    " + String(repeating: "a", count: 64) + "    ):9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c\"",
        "`${    " + String(repeating: "b.", count: 32) + "    }:9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c`",
        "f\"{" + String(repeating: "c", count: 65) + "}:9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c\"",
        "$" + String(repeating: "D", count: 64) + ":9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c %s:9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c",
        "sid = 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e'\n9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c 9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9cd",
        // SID + token pairs 1,023 to 1,025 bytes apart, either way round.
        "\"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c\"" + String(repeating: " ", count: 1021) + "\"AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e\"",
        "\"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c\"" + String(repeating: " ", count: 1022) + "\"AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e\"",
        "\"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c\"" + String(repeating: " ", count: 1023) + "\"AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e\"",
        "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e" + String(repeating: " ", count: 989) + "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c",
        "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e" + String(repeating: " ", count: 990) + "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c",
        "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e" + String(repeating: " ", count: 991) + "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c",
    ]

    func testAnchoredPatternsFindWhatWholeTextSearchesFind() throws {
        let rules = try RuleCatalog.load()
        var files = Self.edges.map { SourceFile(path: "edge.txt", text: $0) }
        files += try Repository.fixtureFiles().map { path in
            SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
        }
        files += rules.flatMap { ($0.rule.examples.match + $0.rule.examples.noMatch).map { SourceFile(path: $0.file ?? "example.txt", text: $0.code) } }

        var anchored = 0, compared = 0
        for loaded in rules {
            let prefilter = try KeywordPrefilter(keywords: CompiledRule.keywords(of: loaded.rule))
            let rule = try CompiledRule(loaded.rule, source: loaded.source, prefilter: prefilter)
            for (index, pattern) in rule.patterns.enumerated() where pattern.anchor != nil {
                anchored += 1
                for file in files {
                    // Only matches that meet the pattern's conditions are promised.
                    let counts = { (match: Match) in pattern.conditions.allSatisfy { $0.holds(for: match.focus, in: file) } }
                    var whole: [Range<Int>] = [], windowed: [Range<Int>] = []
                    try file.withBytes { bytes in
                        try pattern.matcher.forEachMatch(in: bytes) { if counts($0) { whole.append($0.range) } }
                        try pattern.forEachMatch(in: bytes) { if counts($0) { windowed.append($0.range) } }
                    }
                    compared += whole.count
                    XCTAssertEqual(windowed, whole, "\(loaded.rule.id) pattern \(index) in \(file.path): \(String(decoding: file.bytes.prefix(120), as: UTF8.self))")
                }
            }
        }
        XCTAssertGreaterThanOrEqual(anchored, 4, "the built-in rules were expected to anchor at least four patterns")
        XCTAssertGreaterThan(compared, 50, "too few matches to compare: the texts do not exercise the anchored patterns")
    }
}
