import ArgumentParser
import Foundation
import TwilintKit

/// Runs the command and returns the exit status. Every value of the run (the parsed
/// command, an error and what it holds) is released before the process exits, so
/// that LeakSanitizer finds nothing left behind.
func runTwilint() -> Int32 {
    do {
        var command = try Twilint.parseAsRoot()
        try command.run()
        return ExitStatus.clean.rawValue
    } catch let exit as ExitCode {
        return exit.rawValue
    } catch let error as TwilintError {
        FileHandle.standardError.write(Data("twilint: error: \(error)\n".utf8))
        return ExitStatus.failure.rawValue
    } catch {
        // ArgumentParser exits 64 on usage errors; twilint's documented code for them is 2.
        let code = Twilint.exitCode(for: error)
        if code == .success {
            print(Twilint.fullMessage(for: error))
            return ExitStatus.clean.rawValue
        }
        FileHandle.standardError.write(Data((Twilint.fullMessage(for: error) + "\n").utf8))
        return ExitStatus.failure.rawValue
    }
}

Foundation.exit(runTwilint())
