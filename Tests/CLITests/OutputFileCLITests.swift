import Foundation
import XCTest

/// Where `--output` and standard output write, and what a failed write does:
/// a regular file is replaced whole or left as it was, anything else is written
/// into in place, and every failure is exit code 2 with one line naming the target.
final class OutputFileCLITests: CLITestCase {
    private let finding = "app.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n"

    override func setUpWithError() throws {
        try super.setUpWithError()
        try write("app.py", "sid = '\(Self.sid)'\n")
    }

    private func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    /// Names in the test folder other than the ones the test made (a temporary file left behind).
    private func leftovers(besides names: Set<String>) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !names.contains($0) }
    }

    /// Runs `script` with `sh`, the twilint binary as `$1`, for a redirection or a `ulimit`.
    private func runShell(_ script: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", Self.binary.path]
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                   stderr: String(decoding: stderr, as: UTF8.self))
    }

    func testAnExistingFileIsReplacedAndKeepsItsMode() throws {
        try write("report.txt", "old report\n")
        chmod(path("report.txt"), 0o640)
        let run = try twilint(["--format", "gcc", "-o", "report.txt", "app.py"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "")
        XCTAssertEqual(try read("report.txt"), finding)
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path("report.txt"))[.posixPermissions] as? Int)
        XCTAssertEqual(mode, 0o640)
        XCTAssertEqual(try leftovers(besides: ["app.py", "report.txt"]), [])
    }

    func testASymlinkStaysALinkAndItsTargetTakesTheReport() throws {
        try write("reports/latest.txt", "old\n")
        try FileManager.default.createSymbolicLink(atPath: path("report.txt"), withDestinationPath: "reports/latest.txt")
        let run = try twilint(["--format", "gcc", "-o", "report.txt", "app.py"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: path("report.txt")), "reports/latest.txt")
        XCTAssertEqual(try read("reports/latest.txt"), finding)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path("reports")), ["latest.txt"])
    }

    func testAFIFOsReaderGetsTheReport() throws {
        XCTAssertEqual(mkfifo(path("report.pipe"), 0o644), 0)
        let received = Received()
        let reader = Thread {
            // Not FileManager, which does not read FIFOs.
            let descriptor = open(self.path("report.pipe"), O_RDONLY)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while descriptor >= 0 {
                let count = Foundation.read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received.data.append(contentsOf: buffer[..<count])
            }
            close(descriptor)
            received.done.signal()
        }
        reader.start()
        let run = try twilint(["--format", "gcc", "-o", "report.pipe", "app.py"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(received.done.wait(timeout: .now() + 10), .success)
        XCTAssertEqual(String(decoding: received.data, as: UTF8.self), finding)
        var info = stat()
        XCTAssertEqual(lstat(path("report.pipe"), &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still a FIFO")
    }

    func testAFullDeviceIsAnErrorAndStaysADevice() throws {
        let run = try twilint(["--format", "gcc", "-o", "/dev/full", "app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr,
            "twilint: error: /dev/full: cannot be written: No space left on device (the disk is full; free some space or write elsewhere)\n")
        var info = stat()
        XCTAssertEqual(stat("/dev/full", &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFCHR, "the device node is not replaced")
    }

    /// A file-size limit (`ulimit -f`) fails the write like a full disk: the old
    /// report stays whole and no temporary file is left.
    func testAFailedWriteLeavesTheOldFileAndNoPartialFile() throws {
        let many = (0..<300).map { "sid\($0) = '\(Self.sid)'\n" }.joined()
        try write("many.py", many)
        try write("report.txt", "old report\n")
        let run = try runShell("ulimit -f 1; exec \"$1\" --format gcc -o report.txt many.py")
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stderr, "twilint: error: report.txt: cannot be written: File too large; the file was left as it was\n")
        XCTAssertEqual(try read("report.txt"), "old report\n")
        XCTAssertEqual(try leftovers(besides: ["app.py", "many.py", "report.txt"]), [])
    }

    func testAMissingFolderIsAnError() throws {
        let run = try twilint(["-o", "out/report.sarif", "--format", "sarif", "app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr,
            "twilint: error: out/report.sarif: cannot be written: the folder out does not exist; create it first or name another file\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("out")))
        let underFile = try twilint(["-o", "app.py/report.txt", "app.py"])
        XCTAssertEqual(underFile.status, 2)
        XCTAssertEqual(underFile.stderr, "twilint: error: app.py/report.txt: cannot be written: app.py is not a folder; name a file in a folder\n")
        let folder = try twilint(["-o", ".", "app.py"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertEqual(folder.stderr, "twilint: error: .: cannot be written: it is a folder; name a file to write\n")
    }

    func testAReadOnlyFolderIsAnError() throws {
        guard getuid() != 0 else { throw XCTSkip("root writes into read-only folders") }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("locked"), withIntermediateDirectories: true)
        chmod(path("locked"), 0o555)
        defer { chmod(path("locked"), 0o755) }
        let run = try twilint(["-o", "locked/report.txt", "app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "twilint: error: locked/report.txt: cannot be written: Permission denied (choose a path you may write to)\n")
    }

    func testAFailedWriteToStandardOutputIsAnError() throws {
        for format in ["text", "json", "sarif", "gcc"] {
            let run = try runShell("exec \"$1\" --format \(format) app.py > /dev/full")
            XCTAssertEqual(run.status, 2, "\(format): \(run.stderr)")
            XCTAssertEqual(run.stderr, "twilint: error: standard output: cannot be written: No space left on device "
                + "(the disk is full; free some space or write elsewhere); the report is incomplete\n", format)
        }
        let both = try runShell("exec \"$1\" app.py > /dev/full 2> /dev/full")
        XCTAssertEqual(both.status, 2, "no trap when the error message cannot be written either")
        let rules = try runShell("exec \"$1\" rules > /dev/full")
        XCTAssertEqual(rules.status, 2)
        XCTAssertTrue(rules.stderr.hasPrefix("twilint: error: standard output: cannot be written: No space left on device"), rules.stderr)
    }

    func testWriteBaselineIntoAMissingFolderIsAnError() throws {
        let run = try twilint(["--write-baseline", "gone/baseline.txt", "app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "twilint: error: gone/baseline.txt: cannot be written: the folder \(path("gone")) does not exist; "
            + "create it first or name another file\n")
    }

    /// Set by the reader thread before it signals.
    private final class Received: @unchecked Sendable {
        var data = Data()
        let done = DispatchSemaphore(value: 0)
    }
}
