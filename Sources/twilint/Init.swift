import ArgumentParser
import Foundation
import TwilintKit

/// `twilint init`: a commented starter `.twilint.yml` in the current folder.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a commented starter .twilint.yml in the current folder.")

    @Flag(help: "Overwrite an existing .twilint.yml.")
    var force = false

    func run() throws {
        let path = ConfigurationLoader.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            throw TwilintError.unwritable(path: path, reason: "it already exists; edit it, or pass --force to replace it")
        }
        try OutputFile.write(StarterConfiguration.text, to: path)
        try Terminal.standardOutput("Wrote \(path): every setting with its default, commented. twilint uses it from now on.\n")
    }
}
