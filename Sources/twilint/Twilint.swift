import ArgumentParser
import TwilintKit

struct Twilint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "twilint",
        abstract: "A fast, precise linter for code that uses Twilio.",
        discussion: """
            Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, \
            2 usage, configuration, rule-file or I/O error.
            """,
        version: TwilintVersion.current,
        subcommands: [Check.self, Init.self, Rules.self, Explain.self, ExplainFile.self, Server.self],
        defaultSubcommand: Check.self)
}
