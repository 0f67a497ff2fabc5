import XCTest
@testable import TwilintKit

final class ConfigTokenizerTests: XCTestCase {
    private func config(_ format: ConfigTokenizer.ConfigFormat) -> ConfigTokenizer {
        ConfigTokenizer(format: format)
    }

    // MARK: - Detection

    func testDetectsFormatsFromFileNames() {
        let expectations: [(String, ConfigTokenizer.ConfigFormat?)] = [
            (".env", .env), (".env.local", .env), ("deploy/.env.production", .env), ("prod.env", .env),
            ("app.yml", .yaml), ("ci/Workflow.YAML", .yaml), ("appsettings.json", .json),
            ("Info.plist", .plist), ("Release.xcconfig", .xcconfig), ("app.properties", .properties),
            ("pyproject.toml", .toml), ("php.ini", .ini), ("setup.cfg", .ini),
            ("README.md", nil), ("Dockerfile", nil), ("environment", nil),
        ]
        for (name, format) in expectations {
            XCTAssertEqual(ConfigTokenizer.ConfigFormat.detect(fileName: name), format, name)
        }
    }

    // MARK: - .env

    func testEnvComments() {
        let source = """
        # Twilio
          # indented
        TWILIO_ACCOUNT_SID=AC123 # trailing
        URL=https://x.io/#frag
        export TOKEN="a#b # c" # after quotes
        SINGLE='single # quoted'
        COLON: value # dotenv also reads KEY: value
        """
        XCTAssertEqual(spanTexts(config(.env), source), [
            .comment: ["# Twilio", "# indented", "# trailing", "# after quotes", "# dotenv also reads KEY: value"],
            .string: ["\"a#b # c\"", "'single # quoted'"],
        ])
    }

    func testEnvUnterminatedQuoteEndsAtLineEndWithCRLF() {
        XCTAssertEqual(spanTexts(config(.env), "A=\"open # x\r\n# next\r\n"), [
            .string: ["\"open # x"],
            .comment: ["# next"],
        ])
    }

    // MARK: - YAML

    func testYAMLComments() {
        let source = """
        # top
        twilio:
          sid: "AC#1" # quoted hash
          url: https://api.twilio.com/#x
          note: don't # apostrophe in plain text
          list: ['a#b', "c"]  # flow
          - 'it''s' #c
        """
        XCTAssertEqual(spanTexts(config(.yaml), source), [
            .comment: ["# top", "# quoted hash", "# apostrophe in plain text", "# flow", "#c"],
            .string: ["\"AC#1\"", "'a#b'", "\"c\"", "'it''s'"],
        ])
    }

    func testYAMLBlockScalarTextIsNotComment() {
        let source = """
        steps:
          - run: |  # the comment of the key line
              # a shell comment, but YAML text
              echo "$TOKEN"

              curl https://x
          - name: done # real
        """
        XCTAssertEqual(spanTexts(config(.yaml), source), [
            .comment: ["# the comment of the key line", "# real"],
            .string: ["# a shell comment, but YAML text", "echo \"$TOKEN\"", "curl https://x"],
        ])
    }

    // MARK: - Other formats

    func testJSONHasNoSpans() {
        XCTAssertEqual(spanTexts(config(.json), ##"{"a": "# not // a comment"}"##), [:])
    }

    func testPlistComments() {
        let source = "<plist><!-- keys --><key>TWILIO_SID</key><string>#x</string><!-- open"
        XCTAssertEqual(spanTexts(config(.plist), source), [.comment: ["<!-- keys -->", "<!-- open"]])
    }

    func testXcconfigCommentsStartAnywhere() {
        XCTAssertEqual(spanTexts(config(.xcconfig), "// top\nAPI_URL = https://api.twilio.com\nA = b # c / d"), [
            .comment: ["// top", "//api.twilio.com"],
        ])
    }

    func testPropertiesComments() {
        let source = "# hash\n! bang\nkey = value # not a comment\nmulti = a \\\n  # continued value\nx=y\\\\\n# real"
        XCTAssertEqual(spanTexts(config(.properties), source), [.comment: ["# hash", "! bang", "# real"]])
    }

    func testTOMLCommentsAndStrings() {
        let source = #"""
        # top
        title = "a # b" # trailing
        path = 'C:\dir\' # literal: no escapes
        text = """
        line "# one"
        """"
        lit = '''
        # two'''
        """#
        XCTAssertEqual(spanTexts(config(.toml), source), [
            .comment: ["# top", "# trailing", "# literal: no escapes"],
            .string: [#""a # b""#, #"'C:\dir\'"#, "\"\"\"\nline \"# one\"\n\"\"\"\"", "'''\n# two'''"],
        ])
    }

    func testINIComments() {
        XCTAssertEqual(spanTexts(config(.ini), "; semi\n# hash\n[s]\nurl = http://x;y # z\n  ;indented"), [
            .comment: ["; semi", "# hash", ";indented"],
        ])
    }

    // MARK: - Offsets and robustness

    func testMultibyteOffsets() {
        let source = "NAME=José ☎️ # comentário\n"
        let spans = tokenize(config(.env), source)
        XCTAssertEqual(spans.map(\.range), ["NAME=José ☎️ ".utf8.count..<"NAME=José ☎️ # comentário".utf8.count])
    }

    func testMalformedInputKeepsTheContract() {
        let source = """
        a: "x # ' \\" | 
          - |+2 #
        <!-- [s] ; ! k=v\\
        t = \"\"\"' # ''' // x
        """
        for format in ConfigTokenizer.ConfigFormat.allCases {
            assertRobust(config(format), on: source)
        }
    }
}
