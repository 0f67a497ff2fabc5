import Foundation
import Matching
import XCTest

final class PCRE2MatcherTests: XCTestCase {
    private func ranges(_ pattern: String, _ text: String) throws -> [Range<Int>] {
        try PCRE2Matcher(pattern).matches(in: text).map(\.range)
    }

    func testOffsetsAreUTF8Bytes() throws {
        // "é" is 2 bytes and "🙂" is 4: the match starts at byte 7, not character 3.
        XCTAssertEqual(try ranges("AC[0-9]+", "é🙂 AC123"), [7..<12])
    }

    func testFindsAdjacentMatchesWithoutGaps() throws {
        XCTAssertEqual(try ranges("ab", "ababab"), [0..<2, 2..<4, 4..<6])
    }

    func testEmptyMatchesStepForwardAndTerminate() throws {
        XCTAssertEqual(try ranges("x*", "axxb"), [0..<0, 1..<3, 3..<3, 4..<4])
        XCTAssertEqual(try ranges("", ""), [0..<0])
    }

    func testFocusGroupNarrowsTheReportedRange() throws {
        let match = try XCTUnwrap(try PCRE2Matcher(#"token\s*=\s*"(?<focus>[a-f0-9]+)""#).matches(in: #"token = "abc123""#).first)
        XCTAssertEqual(match.range, 0..<16)
        XCTAssertEqual(match.focus, 9..<15)
    }

    func testFocusFallsBackToWholeMatchWhenGroupDidNotTakePart() throws {
        let match = try XCTUnwrap(try PCRE2Matcher("a(?<focus>b)?").matches(in: "ac").first)
        XCTAssertEqual(match.focus, 0..<1)
    }

    func testLastGroupNamesTheAlternativeThatMatched() throws {
        let matches = try PCRE2Matcher("(one)|(two)|(three)").matches(in: "three one")
        XCTAssertEqual(matches.map(\.lastGroup), [3, 1])
    }

    func testByteModeToleratesInvalidUTF8() throws {
        let matcher = try PCRE2Matcher(#"\bAC\d+"#)
        let bytes: [UInt8] = [0xFF, 0xFE, 0x20] + Array("AC42".utf8) + [0xC3]
        let found = try bytes.withUnsafeBufferPointer { try matcher.firstMatch(in: $0, from: 0) }
        XCTAssertEqual(found?.range, 3..<7)
    }

    func testSearchFromOffsetSkipsEarlierText() throws {
        let matcher = try PCRE2Matcher("a")
        let found = try Array("aXa".utf8).withUnsafeBufferPointer { try matcher.firstMatch(in: $0, from: 1) }
        XCTAssertEqual(found?.range, 2..<3)
    }

    func testCatastrophicBacktrackingHitsTheLimitInsteadOfHanging() throws {
        let matcher = try PCRE2Matcher("(a+)+$", limits: .init(match: 10_000, depth: 1_000))
        let text = String(repeating: "a", count: 64) + "!"
        XCTAssertThrowsError(try matcher.matches(in: text)) { error in
            XCTAssertEqual(error as? MatcherError, .limitExceeded)
        }
    }

    func testBadPatternReportsMessageAndOffset() {
        XCTAssertThrowsError(try PCRE2Matcher("abc(")) { error in
            let patternError = error as? PatternError
            XCTAssertEqual(patternError?.offset, 4)
            XCTAssertTrue(patternError?.message.contains("missing closing parenthesis") ?? false, "\(error)")
        }
    }

    func testCaselessOption() throws {
        XCTAssertEqual(try PCRE2Matcher("twilio", caseless: true).matches(in: "TWILIO Twilio").count, 2)
    }

    func testJITIsUsedWhereAvailable() throws {
        #if arch(x86_64) || arch(arm64)
        XCTAssertTrue(try PCRE2Matcher("a+b").isJITCompiled)
        #endif
    }

    func testSharedMatcherIsSafeAcrossThreads() throws {
        let matcher = try PCRE2Matcher(#"AC[0-9a-f]{4}"#)
        let text = Array(String(repeating: "xx AC1a2b yy ", count: 200).utf8)
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { counts.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            var count = 0
            text.withUnsafeBufferPointer { buffer in
                try? matcher.forEachMatch(in: buffer) { _ in count += 1 }
            }
            counts[index] = count
        }
        XCTAssertEqual(Array(counts), Array(repeating: 200, count: 8))
    }

    /// Matchers used to take a thread-specific key each; past the system's 1,024
    /// keys they shared the wrong scratch and crashed. They now share one key.
    func testThousandsOfMatchersWorkOnEveryThread() throws {
        // Every other one start-limited: those also keep a match context per thread.
        let matchers = try (0..<5_000).map { try PCRE2Matcher("w\($0)(?<focus>x+)?\\b", startLimited: $0.isMultiple(of: 2)) }
        let text = Array((0..<5_000).map { "w\($0)xx" }.joined(separator: " ").utf8)
        let found = UnsafeMutableBufferPointer<Int>.allocate(capacity: 4)
        defer { found.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            var count = 0
            text.withUnsafeBufferPointer { buffer in
                for (index, matcher) in matchers.enumerated() where index % 4 == thread {
                    let expected = "w\(index)xx"
                    let match = index.isMultiple(of: 2)
                        ? try? matcher.firstMatch(in: buffer, from: 0, startingBy: buffer.count)
                        : try? matcher.firstMatch(in: buffer, from: 0)
                    if let match,
                       String(decoding: buffer[match.range], as: UTF8.self) == expected, match.focus.count == 2 {
                        count += 1
                    }
                }
            }
            found[thread] = count
        }
        XCTAssertEqual(found.reduce(0, +), 5_000)
    }

    /// Each thread's match data lives in thread-specific storage; a thread that ends
    /// frees it (`make sanitize` runs this test under LeakSanitizer, which reports the
    /// scratch of every ended thread that is not), and the calling thread can free
    /// its own early and still search afterwards.
    func testThreadScratchIsFreedWhenItsThreadEnds() throws {
        let matcher = try PCRE2Matcher("a(?<focus>b+)", startLimited: true)
        let text = Array("xx abbb yy".utf8)
        let finished = DispatchGroup()
        let found = UnsafeMutableBufferPointer<Int>.allocate(capacity: 8)
        defer { found.deallocate() }
        for index in 0..<8 {
            finished.enter()
            let thread = Thread {
                let match = text.withUnsafeBufferPointer { try? matcher.firstMatch(in: $0, from: 0, startingBy: 5) }
                found[index] = match?.focus.count ?? 0
                finished.leave()
            }
            thread.start()
        }
        finished.wait()
        XCTAssertEqual(Array(found), Array(repeating: 3, count: 8))
        PCRE2Matcher.releaseThreadScratch()
        let again = text.withUnsafeBufferPointer { try? matcher.firstMatch(in: $0, from: 0) }
        XCTAssertEqual(again?.focus, 4..<7)
    }
}
