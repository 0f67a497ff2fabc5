import Foundation
@testable import TwilintServer
import XCTest

/// The server in-process: messages in, framed messages out.
final class LanguageServerTests: XCTestCase {
    static let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e"

    /// Collects what the server writes, decoded.
    final class Outbox: @unchecked Sendable {
        private let lock = NSLock()
        private var framing = MessageFraming()
        private var messages: [JSON] = []

        func write(_ data: Data) {
            lock.lock(); defer { lock.unlock() }
            framing.append(data)
            while case .success(let body)? = framing.next() { messages.append(JSON.parse(body)!) }
        }

        func take() -> [JSON] {
            lock.lock(); defer { lock.unlock() }
            defer { messages = [] }
            return messages
        }
    }

    private func server() -> (LanguageServer, Outbox) {
        let outbox = Outbox()
        let server = LanguageServer(options: .init(), output: { outbox.write($0) }, log: { _ in })
        server.onExit = { _ in }
        return (server, outbox)
    }

    private func send(_ server: LanguageServer, _ message: JSON) {
        server.receive(Data(message.serialized.utf8))
        server.drain()
        server.drain()
    }

    func testLifecycleAndErrorsForBadMessages() {
        let (server, outbox) = server()
        send(server, ["jsonrpc": "2.0", "id": 1, "method": "textDocument/hover", "params": [:]])
        XCTAssertEqual(outbox.take().first?["error"]?["code"]?.int, ResponseError.serverNotInitialized)
        send(server, ["jsonrpc": "2.0", "id": 2, "method": "initialize",
                      "params": ["capabilities": ["general": ["positionEncodings": ["utf-8", "utf-16"]]]]])
        XCTAssertEqual(outbox.take().first?["result"]?["capabilities"]?["positionEncoding"], "utf-8")
        send(server, ["jsonrpc": "2.0", "id": 3, "method": "workspace/symbol", "params": [:]])
        XCTAssertEqual(outbox.take().first?["error"]?["code"]?.int, ResponseError.methodNotFound)
        send(server, ["id": 4, "method": "shutdown"])
        XCTAssertEqual(outbox.take().first?["error"]?["code"]?.int, ResponseError.invalidRequest, "no jsonrpc member")
        server.receive(Data("[1, 2".utf8))
        XCTAssertEqual(outbox.take().first, ["jsonrpc": "2.0", "id": nil,
                                             "error": ["code": JSON(ResponseError.parseError), "message": "the message is not valid JSON"]])
        send(server, ["jsonrpc": "2.0", "id": 5, "method": "shutdown"])
        XCTAssertEqual(outbox.take().first, ["jsonrpc": "2.0", "id": 5, "result": nil])
        send(server, ["jsonrpc": "2.0", "id": 6, "method": "textDocument/hover", "params": [:]])
        XCTAssertEqual(outbox.take().first?["error"]?["code"]?.int, ResponseError.invalidRequest, "after shutdown")
    }

    func testOpenPublishesAndOnlyTheChangedDocumentIsLintedAgain() {
        let (server, outbox) = server()
        send(server, ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["capabilities": [:]]])
        _ = outbox.take()
        for name in ["a", "b"] {
            send(server, ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
                "uri": JSON("file:///nowhere/\(name).js"), "version": 1, "languageId": "javascript", "text": JSON("// 漢\nconst s = '\(Self.sid)';\n")]]])
        }
        let opened = outbox.take()
        XCTAssertEqual(opened.map { $0["params"]?["uri"]?.string }, ["file:///nowhere/a.js", "file:///nowhere/b.js"])
        let diagnostic = opened[0]["params"]?["diagnostics"]?.array?.first
        XCTAssertEqual(diagnostic?["range"], ["start": ["line": 1, "character": 11], "end": ["line": 1, "character": 45]])
        XCTAssertEqual(diagnostic?["code"], "TW001")
        XCTAssertEqual(diagnostic?["source"], "twilint")
        XCTAssertEqual(diagnostic?["severity"], 1)
        XCTAssertEqual(diagnostic?["codeDescription"]?["href"], "https://github.com/twilint/twilint/blob/main/rules/TW001-hardcoded-twilio-sid.yml")

        send(server, ["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
            "textDocument": ["uri": "file:///nowhere/b.js", "version": 2],
            "contentChanges": [["range": ["start": ["line": 1, "character": 10], "end": ["line": 1, "character": 47]], "text": "process.env.SID"]]]])
        let changed = outbox.take()
        XCTAssertEqual(changed.count, 1, "a's findings are kept, not recomputed")
        XCTAssertEqual(changed.first?["params"]?["uri"], "file:///nowhere/b.js")
        XCTAssertEqual(changed.first?["params"]?["version"], 2)
        XCTAssertEqual(changed.first?["params"]?["diagnostics"], [])
    }

    func testADebounceLintsOnceAfterABurstOfChanges() {
        let (server, outbox) = server()
        send(server, ["jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": ["capabilities": [:], "initializationOptions": ["debounceMilliseconds": 400]]])
        send(server, ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": "file:///nowhere/a.py", "version": 1, "languageId": "python", "text": "x = 1\n"]]])
        XCTAssertEqual(outbox.take().count, 2, "the initialize answer, then the open document's diagnostics at once")
        for version in 2...4 {
            send(server, ["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": "file:///nowhere/a.py", "version": JSON(version)],
                "contentChanges": [["text": JSON("sid = '\(Self.sid)'  # \(version)\n")]]]])
        }
        XCTAssertEqual(outbox.take(), [], "nothing while the edits keep coming")
        Thread.sleep(forTimeInterval: 1.2)
        server.drain()
        let published = outbox.take()
        XCTAssertEqual(published.map { $0["params"]?["version"] }, [4])
        XCTAssertEqual(published.first?["params"]?["diagnostics"]?.array?.count, 1)
    }
}
