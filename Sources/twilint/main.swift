import ArgumentParser
import Foundation
import TwilintKit

// ArgumentParser exits 64 on usage errors; twilint's documented code for them is 2.
// Over a file-size limit (ulimit -f), a write then fails with EFBIG and is reported
// like a full disk, instead of the signal killing twilint with no message.
signal(SIGXFSZ, SIG_IGN)
do {
    var command = try Twilint.parseAsRoot()
    try command.run()
} catch let exit as ExitCode {
    Foundation.exit(exit.rawValue)
} catch let error as TwilintError {
    FileHandle.standardError.write(Data("twilint: error: \(error)\n".utf8))
    Foundation.exit(ExitStatus.failure.rawValue)
} catch {
    let code = Twilint.exitCode(for: error)
    if code == .success {
        print(Twilint.fullMessage(for: error))
        Foundation.exit(0)
    }
    FileHandle.standardError.write(Data((Twilint.fullMessage(for: error) + "\n").utf8))
    Foundation.exit(ExitStatus.failure.rawValue)
}
