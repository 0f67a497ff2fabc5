import Foundation
@testable import TwilintServer
import XCTest

/// Content-Length framing: split and joined reads, extra headers, bad headers skipped.
final class MessageFramingTests: XCTestCase {
    private func bodies(_ chunks: [String]) -> [String] {
        var framing = MessageFraming(), found: [String] = []
        for chunk in chunks {
            framing.append(Array(chunk.utf8))
            while let next = framing.next() {
                switch next {
                case .success(let body): found.append(String(decoding: body, as: UTF8.self))
                case .failure(let problem): found.append("bad: \(problem.header)")
                }
            }
        }
        return found
    }

    func testMessagesSplitAnywhereOrJoinedComeOutWhole() {
        let stream = "Content-Length: 2\r\n\r\n{}Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 8\r\n\r\n[1,\"é\"]"
        XCTAssertEqual(bodies([stream]), ["{}", "[1,\"é\"]"])
        let bytes = Array(stream.utf8)
        for split in 1..<bytes.count {
            var framing = MessageFraming(), found: [Data] = []
            framing.append(bytes[..<split])
            while case .success(let body)? = framing.next() { found.append(body) }
            framing.append(bytes[split...])
            while case .success(let body)? = framing.next() { found.append(body) }
            XCTAssertEqual(found.map { String(decoding: $0, as: UTF8.self) }, ["{}", "[1,\"é\"]"], "split at \(split)")
        }
    }

    func testAHeaderWithoutALengthIsSkippedAndTheStreamGoesOn() {
        XCTAssertEqual(bodies(["Content-Type: x\r\n\r\nContent-Length: 2\r\n\r\n{}", "Content-Length: -4\r\n\r\n"]),
                       ["bad: Content-Type: x", "{}", "bad: Content-Length: -4"])
    }

    func testFramingCountsBytesNotCharacters() {
        XCTAssertEqual(String(decoding: MessageFraming.frame("\"😀\""), as: UTF8.self), "Content-Length: 6\r\n\r\n\"😀\"")
    }

    func testJSONRoundTripsWithSortedKeysAndWholeNumbers() throws {
        let text = #"{"b":[1,2.5,true,null,"a\"\n\u0001"],"a":{"id":7}}"#
        let json = try XCTUnwrap(JSON.parse(Data(text.utf8)))
        XCTAssertEqual(json.serialized, #"{"a":{"id":7},"b":[1,2.5,true,null,"a\"\n\u0001"]}"#)
        XCTAssertEqual(json["a"]?["id"]?.int, 7)
        XCTAssertEqual(json["b"]?.array?[2], .bool(true), "a boolean is not the number 1")
        XCTAssertNil(JSON.parse(Data("{x}".utf8)))
    }
}
