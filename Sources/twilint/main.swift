import ArgumentParser
import Foundation
import TwilintKit

// Over a file-size limit (ulimit -f), a write then fails with EFBIG and is reported
// like a full disk, instead of the signal killing twilint with no message.
signal(SIGXFSZ, SIG_IGN)
// ArgumentParser exits 64 on usage errors; twilint's documented code for them is 2.
do {
    var command = try Twilint.parseAsRoot()
    var status = ExitCode.success
    do {
        try command.run()
    } catch let exit as ExitCode {
        status = exit
    }
    try OutputFile.closeStandardOutput()
    Foundation.exit(status.rawValue)
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as TwilintError {
    Terminal.standardError("twilint: error: \(error)")
    Foundation.exit(ExitStatus.failure.rawValue)
} catch {
    let code = Twilint.exitCode(for: error)
    if code == .success {
        print(Twilint.fullMessage(for: error))
        Foundation.exit(0)
    }
    Terminal.standardError(Twilint.fullMessage(for: error))
    Foundation.exit(ExitStatus.failure.rawValue)
}
