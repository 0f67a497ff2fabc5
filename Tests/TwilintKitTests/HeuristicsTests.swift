@testable import TwilintKit
import XCTest

final class HeuristicsTests: XCTestCase {
    private func file(_ text: String, path: String = "a.py") -> SourceFile { SourceFile(path: path, text: text) }

    private func range(of needle: String, in text: String) -> Range<Int> {
        let start = text.utf8.count - (text.range(of: needle).map { text[$0.lowerBound...].utf8.count } ?? 0)
        return start..<(start + needle.utf8.count)
    }

    func testPlaceholderSIDs() {
        let cases: [(String, Bool)] = [
            ("AC00000000000000000000000000000000", true),
            ("ACabababababababababababababababab", true),
            ("AC0123456789ABCDEF0123456789abcdef", true),
            ("ACabcabcabcabcabcabcabcabcabcabcab", true),
            ("AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", false),
        ]
        for (sid, placeholder) in cases {
            let source = "x = '\(sid)'"
            XCTAssertEqual(PlaceholderSID().excludes(range(of: sid, in: source), in: file(source)), placeholder, sid)
        }
    }

    func testPlaceholderSecretsNeedWordsOnlyOutsideHex() {
        let source = "a = 'YourAuthTokenGoesHereXXXXXXXX1' b = '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'"
        XCTAssertTrue(PlaceholderSecret().excludes(range(of: "YourAuthTokenGoesHereXXXXXXXX1", in: source), in: file(source)))
        XCTAssertFalse(PlaceholderSecret().excludes(range(of: "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c", in: source), in: file(source)))
    }

    func testCountingDigitsAreTheDocsExampleToken() {
        for example in ["1a23456b78901c234a5f67a1234567bc", "12345678901234567890123456789012", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"] {
            XCTAssertTrue(PlaceholderValue.isCountingSequence(Array(example.utf8)), example)
        }
        // Real-looking tokens: random digits, and too few digits to judge.
        for token in ["9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c", "34ab2a47bef8c4ec92d88ada5da97aef", "abcdef1234abcdefabcdefabcdefabcd"] {
            XCTAssertFalse(PlaceholderValue.isCountingSequence(Array(token.utf8)), token)
        }
    }

    func testTemplatesExcuseReferencesButNotDefaults() {
        for (source, token, excused) in [
            ("sid: {{ AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e }}", "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", true),
            ("sid=${AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e}", "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", true),
            ("SID=${TWILIO_SID:-AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e}", "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", false),
            ("token=${TOKEN:9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c}", "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c", false),
            ("url = `${base}/x` + 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e'", "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", false),
        ] {
            XCTAssertEqual(TemplatePlaceholder().excludes(range(of: token, in: source), in: file(source)), excused, source)
        }
    }

    func testHashNamesButNotSharedSecrets() {
        for (source, excused) in [
            ("sha256 = '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'", true),
            ("\"etag\": \"9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c\"", true),
            ("shared_secret = '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'", false),
            ("auth_token = '9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'  # not a hash", false),
            // Only a name near the value counts: on a minified line, one far back says nothing.
            ("{integrity:\"x\"}," + String(repeating: "f(a);", count: 40) + "k='9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'", true),
            ("{integrity:\"x\"}," + String(repeating: "f(a);", count: 60) + "k='9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c'", false),
        ] {
            XCTAssertEqual(HashNamedValue().excludes(range(of: "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c", in: source), in: file(source)), excused, source)
        }
    }

    func testNearAccountSIDCountsFiveLinesEitherWay() {
        let token = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"
        let near = "sid = 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e'\n\n\n\n\nx = '\(token)'\n"
        let far = "sid = 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e'\n\n\n\n\n\nx = '\(token)'\n"
        let placeholder = "sid = 'AC00000000000000000000000000000000'\nx = '\(token)'\n"
        XCTAssertTrue(NearAccountSID().holds(for: range(of: token, in: near), in: file(near)))
        XCTAssertFalse(NearAccountSID().holds(for: range(of: token, in: far), in: file(far)))
        XCTAssertFalse(NearAccountSID().mayHold(in: file(placeholder)))
    }

    func testNearAccountSIDIsAlsoBoundedInBytes() {
        // One minified line: the pair sits together, a value 1 KiB further on does not.
        let sid = "AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e", pair = "9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c", far = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
        let filler = String(repeating: "e.push(t);", count: 103)
        let text = "!function(){var c={s:\"\(sid)\",k:\"\(pair)\"};\(filler)var r=\"\(far)\"}();\n"
        XCTAssertTrue(NearAccountSID().holds(for: range(of: pair, in: text), in: file(text, path: "a.min.js")))
        XCTAssertFalse(NearAccountSID().holds(for: range(of: far, in: text), in: file(text, path: "a.min.js")))
    }

    /// The skipping scan answers as a byte-by-byte scan of every bounded run does.
    func testCandidateScanAgreesWithAPlainScan() {
        func plain(_ bytes: [UInt8]) -> Bool {
            var start: Int?
            for (index, byte) in (bytes + [0x20]).enumerated() {
                let alphanumeric = (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                if alphanumeric, start == nil { start = index }
                if !alphanumeric, let first = start {
                    if bytes[first..<index].withUnsafeBufferPointer(CredentialShaped.isCandidate) { return true }
                    start = nil
                }
            }
            return false
        }
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("AC9a-. \n".utf8)
        for _ in 0..<2000 {
            // Runs of random lengths around 32 and 34, so that probes land on every kind of boundary.
            var bytes: [UInt8] = []
            while bytes.count < 300 {
                let run = Int.random(in: 0...36, using: &random)
                bytes += (0..<run).map { _ in alphabet[Int.random(in: 0...3, using: &random)] }
                bytes += (0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet[Int.random(in: 4...7, using: &random)] }
            }
            XCTAssertEqual(bytes.withUnsafeBufferPointer(CredentialShaped.containsCandidate), plain(bytes), String(decoding: bytes, as: UTF8.self))
        }
    }

    func testCredentialShapedGate() {
        func gate(_ text: String) -> Bool {
            Array(text.utf8).withUnsafeBufferPointer(CredentialShaped.containsCandidate)
        }
        XCTAssertTrue(gate("x = 'AC3f9b2c7d1e4a5b6c8d9e0f1a2b3c4d5e'"))
        XCTAssertTrue(gate("9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"))
        XCTAssertFalse(gate("testSomethingVeryLongWithoutDigits"), "32 letters without a digit is an identifier")
        XCTAssertFalse(gate("9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c0"), "33 characters")
        XCTAssertFalse(gate("short words only, nothing long here at all"))
        XCTAssertTrue(gate(String(repeating: "ab cd ", count: 50) + "SK8d0e5f3a9b1c7d2e6f4a0b8c3d9e1f7a"))
    }

    func testTwilioContextIgnoresCommentsAndLocalModules() {
        XCTAssertTrue(TwilioContext().mayHold(in: file("from twilio.rest import Client\n")))
        XCTAssertTrue(TwilioContext().mayHold(in: file("const c = require('twilio')(a, b)\n", path: "a.js")))
        XCTAssertTrue(TwilioContext().mayHold(in: file("sid = request.form['MessageSid']\n")))
        XCTAssertFalse(TwilioContext().mayHold(in: file("# we should use twilio one day\nx = 1\n")))
        XCTAssertFalse(TwilioContext().mayHold(in: file("import { sendSms } from '$lib/server/twilio';\n", path: "a.ts")))
        XCTAssertFalse(TwilioContext().mayHold(in: file("digits = request.form['Digits']\n")))
    }

    func testTwiMLResponseCountsOnlyInStringsNotAsAGeneric() {
        let generic = "func respond(to request: Request) -> EventLoopFuture<Response> {\n    request.eventLoop.future(Response())\n}\n"
        XCTAssertFalse(TwilioContext().mayHold(in: file(generic, path: "Responder.swift")), "Vapor's own code is not Twilio code")
        XCTAssertFalse(TwilioContext().mayHold(in: file("const r: Promise<Response> = fetch(url);\n", path: "a.ts")))
        let twiml = "let reply = \"<Response><Message>Hi</Message></Response>\"\n"
        XCTAssertTrue(TwilioContext().mayHold(in: file(twiml, path: "routes.swift")))
        let multiline = "reply = \"\"\"\n<Response>\n  <Say>Hello</Say>\n</Response>\n\"\"\"\n"
        XCTAssertTrue(TwilioContext().mayHold(in: file(multiline)), "TwiML on its own line inside a triple-quoted string")
    }

    func testTwilioContextEvidenceFarIntoALargeFile() {
        // The evidence sits past the first half, so the whole file is tokenized, and in a comment first.
        let filler = String(repeating: "value = compute(1, 2)  # plain code\n", count: 400)
        let text = filler + "# import twilio later\n" + filler + "from twilio.rest import Client\n"
        XCTAssertTrue(TwilioContext().mayHold(in: file(text)))
        XCTAssertFalse(TwilioContext().mayHold(in: file(filler + "# from twilio.rest import Client\n" + filler)))
    }

    func testMinifiedBundlesAreNotHandWritten() {
        XCTAssertFalse(HandWritten().mayHold(in: file("var a=1;", path: "dist/app.min.js")))
        let bundle = String(repeating: "function a(b,c){return b&&c?b.c:void 0}", count: 2_000)
        XCTAssertFalse(HandWritten().mayHold(in: file(bundle, path: "dist/app.js")), "one 80 KB line")
        let code = String(repeating: "const total = items.reduce((sum, item) => sum + item.price, 0);\n", count: 2_000)
        XCTAssertTrue(HandWritten().mayHold(in: file(code, path: "src/cart.js")), "a large file of ordinary lines")
        XCTAssertTrue(HandWritten().mayHold(in: file("exports.handler=(c,e,cb)=>cb(null,'ok')", path: "functions/reply.js")),
                      "a small one-line file is hand-written")
    }

    func testTestFileRoles() {
        XCTAssertTrue(FileRole.isTest(file("x = 1", path: "tests/test_sms.py")))
        XCTAssertTrue(FileRole.isTest(file("x = 1", path: "app/sms_test.py")))
        XCTAssertTrue(FileRole.isTest(file("class T(TestCase): pass", path: "app/checks.py")))
        XCTAssertTrue(FileRole.isTest(file("x", path: "src/sms.spec.ts")))
        XCTAssertTrue(FileRole.isTest(file("x", path: "Tests/AppTests/SMSTests.swift")))
        XCTAssertFalse(FileRole.isTest(file("client.messages.create(to=x)", path: "scripts/send_test_sms.py")))
    }

    func testScriptFileRoles() throws {
        XCTAssertTrue(FileRole.isScript(file("send()", path: "scripts/send.py")))
        XCTAssertTrue(FileRole.isScript(file("def main(): ...\nif __name__ == \"__main__\":\n    main()\n", path: "digest.py")))
        XCTAssertTrue(FileRole.isScript(file("const c = twilio();\nawait c.messages.create({ to });\n", path: "notify.mjs")))
        XCTAssertTrue(FileRole.isScript(file("if (require.main === module) main();", path: "tools/seed.js")))
        // A server is never a script, whatever its folder or entry guard.
        XCTAssertFalse(FileRole.isScript(file("app = Flask(__name__)\n@app.route('/sms')\ndef sms(): ...\nif __name__ == '__main__':\n    app.run()\n", path: "app.py")))
        XCTAssertFalse(FileRole.isScript(file("app.post('/sms', handler);\napp.listen(3000);", path: "bin/www.js")))
        XCTAssertFalse(FileRole.isScript(file("async function send() { await client.messages.create({ to }); }", path: "lib/sms.js")))

        // A file a package.json script runs.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twilint-script-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("tools"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"scripts": {"remind": "node ./tools/remind.js --all", "start": "node server.js"}}"#.utf8)
            .write(to: folder.appendingPathComponent("package.json"))
        XCTAssertTrue(FileRole.isScript(file("main();", path: folder.appendingPathComponent("tools/remind.js").path)))
        XCTAssertFalse(FileRole.isScript(file("main();", path: folder.appendingPathComponent("tools/other.js").path)))
        XCTAssertFalse(FileRole.isScript(file("app.listen(3000);", path: folder.appendingPathComponent("server.js").path)))
    }
}

final class LanguageDetectorTests: XCTestCase {
    func testExtensionsNamesAndShebangs() {
        let cases: [(String, String, Language?)] = [
            ("a/b/App.swift", "", .swift), ("x.pyi", "", .python), ("x.mjs", "", .javascript), ("x.cts", "", .typescript),
            ("x.tsx", "", .typescript), ("Widget.vue", "", .html), (".env", "", .config), (".env.production", "", .config),
            ("prod.env", "", .config), ("Info.plist", "", .config), ("Secrets.xcconfig", "", .config), ("CONFIG.YML", "", .config),
            ("Dockerfile", "FROM x", .text), ("deploy", "#!/usr/bin/env python3\n", .python), ("run", "#!/usr/bin/env -S node --x\n", .javascript),
            ("tool", "#!/bin/bash\n", .text), ("package-lock.json", "{}", nil), ("Package.resolved", "{}", nil),
        ]
        for (path, content, language) in cases {
            XCTAssertEqual(LanguageDetector.language(forPath: path, firstBytes: Array(content.utf8)), language, path)
        }
    }

    func testUTF8Validation() {
        XCTAssertTrue(TextCheck.isValidUTF8(Array("plain ascii text, long enough for the fast path".utf8)))
        XCTAssertTrue(TextCheck.isValidUTF8(Array("é🙂 中文".utf8)))
        XCTAssertFalse(TextCheck.isValidUTF8([0x61, 0xC3]), "truncated sequence")
        XCTAssertFalse(TextCheck.isValidUTF8([0xC0, 0xAF]), "overlong")
        XCTAssertFalse(TextCheck.isValidUTF8([0xED, 0xA0, 0x80]), "surrogate")
        XCTAssertFalse(TextCheck.isValidUTF8(Array(repeating: 0x61, count: 20) + [0xFF]))
        XCTAssertTrue(TextCheck.looksBinary([0x89, 0x50, 0x00]))
        XCTAssertFalse(TextCheck.looksBinary(Array("text".utf8)))
    }
}
