import Foundation
import TwilintKit

/// Writes to the standard streams and asks whether they are terminals.
enum Terminal {
    enum Stream { case standardOutput, standardError }

    static func isTerminal(_ stream: Stream) -> Bool {
        isatty(stream == .standardOutput ? STDOUT_FILENO : STDERR_FILENO) == 1
    }

    /// Throws when the text cannot be written (a full disk, a closed pipe's reader gone).
    static func standardOutput(_ text: String) throws {
        try OutputFile.writeStandardOutput(text)
    }

    /// A failure is ignored: standard error is where it would be reported.
    static func standardError(_ text: String, newline: Bool = true) {
        OutputFile.writeStandardError(newline ? text + "\n" : text)
    }

    /// Writes without adding a line break (a progress line redrawn in place).
    @Sendable static func standardErrorFragment(_ text: String) {
        standardError(text, newline: false)
    }
}
