import ArgumentParser
import Foundation
import TwilintKit

/// Runs the command and returns the exit status. Every value of the run (the parsed
/// command, an error and what it holds) is released before the process exits, so
/// that LeakSanitizer finds nothing left behind.
func runTwilint() -> Int32 {
    do {
        var command = try Twilint.parseAsRoot()
        var status = ExitCode.success
        do {
            try command.run()
        } catch let exit as ExitCode {
            status = exit
        }
        try OutputFile.closeStandardOutput()
        return status.rawValue
    } catch let exit as ExitCode {
        return exit.rawValue
    } catch let error as TwilintError {
        Terminal.standardError("twilint: error: \(error)")
        return ExitStatus.failure.rawValue
    } catch {
        // ArgumentParser exits 64 on usage errors; twilint's documented code for them is 2.
        let code = Twilint.exitCode(for: error)
        if code == .success {
            print(Twilint.fullMessage(for: error))
            return ExitStatus.clean.rawValue
        }
        Terminal.standardError(Twilint.fullMessage(for: error))
        return ExitStatus.failure.rawValue
    }
}

// Over a file-size limit (ulimit -f), a write then fails with EFBIG and is reported
// like a full disk, instead of the signal killing twilint with no message.
signal(SIGXFSZ, SIG_IGN)
Foundation.exit(runTwilint())
