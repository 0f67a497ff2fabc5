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

    static func standardError(_ text: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((newline ? text + "\n" : text).utf8))
    }

    /// Writes without adding a line break (a progress line redrawn in place).
    @Sendable static func standardErrorFragment(_ text: String) {
        standardError(text, newline: false)
    }
}
