@testable import TwilintKit
import XCTest

final class ConfigurationLoaderTests: XCTestCase {
    private let file = "/repo/.twilint.yml"

    private func parse(_ yaml: String) throws -> Configuration {
        try ConfigurationLoader.parse(yaml, file: file)
    }

    private func assertError(_ yaml: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(yaml), file: file, line: line) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
    }

    func testEverySettingIsRead() throws {
        let configuration = try parse("""
            select: [TW001, hardcoded-auth-token]
            ignore: [TW006]
            severity:
              TW002: warning
            fail-on: error
            exclude: ["docs/", "*.min.js"]
            per-file-ignores:
              "tests/**": [TW001]
            rules-dir: rules
            redact: false
            max-file-size: 1024
            """)
        XCTAssertEqual(configuration.select.map(\.value), ["TW001", "hardcoded-auth-token"])
        XCTAssertEqual(configuration.select[1].key, "select[1]")
        XCTAssertEqual(configuration.select[1].line, 1)
        XCTAssertEqual(configuration.ignore.map(\.value), ["TW006"])
        XCTAssertEqual(configuration.severity.map(\.rule.value), ["TW002"])
        XCTAssertEqual(configuration.severity.map(\.severity), [.warning])
        XCTAssertEqual(configuration.failOn, .error)
        XCTAssertEqual(configuration.exclude, ["docs/", "*.min.js"])
        XCTAssertEqual(configuration.perFileIgnores.map(\.pattern), ["tests/**"])
        XCTAssertEqual(configuration.perFileIgnores.first?.rules.first?.line, 8)
        XCTAssertEqual(configuration.rulesDirectories, ["/repo/rules"])
        XCTAssertEqual(configuration.redact, false)
        XCTAssertEqual(configuration.maxFileSize, 1024)
        XCTAssertEqual(configuration.directory, "/repo")
    }

    func testAnEmptyFileOrEmptyValuesLeaveEverythingUnset() throws {
        let empty = try parse("# nothing yet\n")
        XCTAssertTrue(empty.select.isEmpty)
        XCTAssertNil(empty.failOn)
        let blank = try parse("select:\nfail-on:\n")
        XCTAssertTrue(blank.select.isEmpty)
        XCTAssertNil(blank.failOn)
    }

    func testTheStarterConfigurationParsesToTheDefaults() throws {
        let starter = try parse(StarterConfiguration.text)
        XCTAssertTrue(starter.select.isEmpty && starter.ignore.isEmpty && starter.exclude.isEmpty)
        XCTAssertEqual(starter.failOn, .warning)
        XCTAssertEqual(starter.redact, true)
        XCTAssertEqual(starter.maxFileSize, LintOptions().maxFileSize)
    }

    func testUnknownKeysNameTheFileLineAndKey() {
        assertError("select: [TW001]\nexlude: [docs/]\n",
                    "/repo/.twilint.yml:2: invalid configuration at key 'exlude': unknown key; expected one of "
                        + ConfigurationLoader.keys.joined(separator: ", "))
    }

    func testBadValuesNameTheFileLineAndKey() {
        assertError("fail-on: sometimes\n",
                    "/repo/.twilint.yml:1: invalid configuration at key 'fail-on': expected one of error, warning, info, never")
        assertError("severity:\n  TW001: loud\n",
                    "/repo/.twilint.yml:2: invalid configuration at key 'severity.TW001': expected one of info, warning, error")
        assertError("\nselect: TW001\n",
                    "/repo/.twilint.yml:2: invalid configuration at key 'select': expected a list of rule ids or names, such as [TW001, hardcoded-auth-token]")
        assertError("redact: maybe\n", "/repo/.twilint.yml:1: invalid configuration at key 'redact': expected true or false")
        assertError("max-file-size: -5\n",
                    "/repo/.twilint.yml:1: invalid configuration at key 'max-file-size': expected a whole number of bytes above 0")
        assertError("exclude: [docs/, [nested]]\n",
                    "/repo/.twilint.yml:1: invalid configuration at key 'exclude[1]': expected a non-empty string")
        assertError("- select\n", "/repo/.twilint.yml:1: invalid configuration: expected a mapping of settings such as select, exclude or severity")
    }

    func testSyntaxErrorsAndDuplicateKeysNameTheLine() {
        XCTAssertThrowsError(try parse("select: [TW001\nignore: []\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/repo/.twilint.yml:2: invalid configuration: not valid YAML (while parsing a flow sequence"), "\(error)")
        }
        assertError("ignore: []\nselect: []\nignore: [TW001]\n",
                    "/repo/.twilint.yml:1: invalid configuration at key 'ignore': the key is set twice; keep one of them")
    }
}
