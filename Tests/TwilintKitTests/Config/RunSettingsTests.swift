@testable import TwilintKit
import XCTest

final class RunSettingsTests: XCTestCase {
    private func resolve(_ yaml: String, _ commandLine: RunSettings.CommandLine = .init()) throws -> RunSettings {
        try RunSettings.resolve(ConfigurationLoader.parse(yaml, file: "/repo/.twilint.yml"), commandLine: commandLine,
                                workingDirectory: "/repo")
    }

    func testTheFileSelectsIgnoresAndRaisesOrLowersSeverities() throws {
        let settings = try resolve("select: [TW001, hardcoded-auth-token]\nseverity: {hardcoded-twilio-sid: warning}\nfail-on: never\n")
        XCTAssertEqual(settings.rules.map(\.rule.id), ["TW001", "TW002"])
        XCTAssertEqual(settings.rules.map(\.rule.severity), [.warning, .error])
        XCTAssertEqual(settings.failOn, .never)
        XCTAssertEqual(try resolve("ignore: [TW001]\n").rules.contains { $0.rule.id == "TW001" }, false)
    }

    func testTheCommandLineWins() throws {
        var commandLine = RunSettings.CommandLine()
        commandLine.select = ["TW002"]
        commandLine.failOn = .info
        commandLine.redact = false
        commandLine.maxFileSize = 10
        let settings = try resolve("select: [TW001]\nfail-on: never\nredact: true\nmax-file-size: 99\n", commandLine)
        XCTAssertEqual(settings.rules.map(\.rule.id), ["TW002"])
        XCTAssertEqual(settings.failOn, .info)
        XCTAssertFalse(settings.options.redact)
        XCTAssertEqual(settings.options.maxFileSize, 10)
    }

    func testCommandLineIgnoresAddToTheFilesIgnores() throws {
        var commandLine = RunSettings.CommandLine()
        commandLine.ignore = ["TW002"]
        let ids = try resolve("ignore: [TW001]\n", commandLine).rules.map(\.rule.id)
        XCTAssertFalse(ids.contains("TW001") || ids.contains("TW002"))
    }

    func testAnUnknownRuleInTheFileNamesTheLineAndKey() {
        XCTAssertThrowsError(try resolve("severity:\n  TW001: info\n  TW999: error\n")) { error in
            XCTAssertEqual("\(error)", "/repo/.twilint.yml:3: invalid configuration at key 'severity.TW999': "
                + "no rule is called 'TW999'; run 'twilint rules' to list the ids and names")
        }
        XCTAssertThrowsError(try resolve("per-file-ignores:\n  \"tests/**\": [TW001, nope]\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("/repo/.twilint.yml:2: invalid configuration at key 'per-file-ignores.tests/**[1]'"), "\(error)")
        }
    }

    func testGlobsAreRelativeToTheConfigurationFile() throws {
        let settings = try resolve("exclude: [\"generated/\"]\nper-file-ignores: {\"tests/**\": [TW001]}\n")
        XCTAssertEqual(settings.options.exclude?.matches("/repo/generated/app.py"), true)
        XCTAssertEqual(settings.options.exclude?.matches("/other/generated/app.py"), false)
        XCTAssertEqual(settings.options.perFileIgnores.first?.patterns.matches("/repo/tests/unit/test_app.py"), true)
        XCTAssertEqual(settings.options.perFileIgnores.first?.rules, ["TW001"])
    }
}
