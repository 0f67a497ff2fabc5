import ArgumentParser
import Foundation
import TwilintKit

/// `twilint explain-file PATH`: what twilint believes about a file and why —
/// its language, whether it is Twilio code, whether it is a minified bundle,
/// whether it ships to users, whether it is a test, and the Twilio facts the behaviour rules read
/// (REST calls, HTTP requests, sends and their destinations, route handlers) — so a surprising
/// finding (or silence) can be traced.
struct ExplainFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain-file",
        abstract: "Show how twilint classifies a file: language, Twilio context, minified, client-side, test.")

    @Argument(help: "The file to explain.")
    var path: String

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try FileReader.read(path, limit: 64 << 20)
        } catch FileReader.Failure.tooLarge(let size) {
            throw TwilintError.unreadable(path: path, reason: "\(size) bytes is too large to explain")
        } catch FileReader.Failure.notRegular(let kind) {
            throw TwilintError.unreadable(path: path, reason: "it is \(kind), not a regular file; name a regular file")
        } catch let failure as FileReader.Failure {
            throw TwilintError.unreadable(path: path, reason: "\(failure.reason); check the path and its permissions")
        }
        guard let language = LanguageDetector.language(forPath: path, firstBytes: bytes) else {
            try Terminal.standardOutput("\(path)\n  language:       none (a package lock file, never scanned)\n")
            return
        }
        let file = SourceFile(path: path, language: language, bytes: bytes)
        // The facts memoised on the file (the code model) point back at it: a cycle to break.
        defer { file.forgetDerivedValues() }
        let clientSide = ClientSide.of(file)
        let lines = [
            path,
            "  language:       \(language.rawValue)",
            "  twilio context: \(twilioContext(of: file))",
            "  minified:       \(HandWritten().mayHold(in: file) ? "no" : "yes (the behaviour rules TW003–TW010 skip it)")",
            "  client-side:    \(clientSide.isClientSide ? "yes" : "no") (\(clientSide.reason))",
            "  test file:      \(FileRole.isTest(file) ? "yes" : "no")",
        ] + FactsDescription.lines(for: file)
        try Terminal.standardOutput(lines.joined(separator: "\n") + "\n")
    }

    /// `yes (line 3: import twilio from 'twilio';)` or `no`. The evidence line is the
    /// shortest prefix of the file that the `twilio-context` condition accepts, so the
    /// answer comes from the condition itself rather than a copy of its patterns.
    private func twilioContext(of file: SourceFile) -> String {
        let condition = TwilioContext()
        guard condition.mayHold(in: file) else { return "no (no Twilio import, host, TwiML, TWILIO_* name or webhook parameter in code)" }
        var low = 1, high = file.lineCount
        while low < high {
            let middle = (low + high) / 2
            let prefix = file.lineRange(number: middle).upperBound
            let partial = SourceFile(path: file.path, language: file.language, bytes: Array(file.bytes[..<prefix]))
            if condition.mayHold(in: partial) { high = middle } else { low = middle + 1 }
            partial.forgetDerivedValues()
        }
        let evidence = file.text(file.lineRange(number: low)).trimmingCharacters(in: .whitespaces)
        return "yes (line \(low): \(evidence.count > 100 ? String(evidence.prefix(100)) + "…" : evidence))"
    }
}
