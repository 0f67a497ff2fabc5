import ArgumentParser
import TwilintServer

/// `twilint server`: the language server, over standard input and output.
struct Server: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.")

    @Option(name: .customLong("rules-dir"), help: "Add the custom rule files (*.yml) of this folder to every configuration (repeatable).")
    var rulesDirectories: [String] = []

    func run() throws {
        var options = LanguageServer.Options()
        options.rulesDirectories = rulesDirectories
        StandardStreams.serve(options: options)
    }
}
