import Foundation
import XCTest

/// Inputs that are not plain source files — FIFOs, sockets, devices, loops, paths
/// that cannot be read, odd encodings, huge or special configuration files: each
/// is skipped or refused with a message, and every other file's findings are
/// still reported.
final class BadInputCLITests: CLITestCase {
    /// The finding `app.py` (a SID on line 1) gives in gcc format.
    private let appFinding = "app.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]"

    private func writeApp() throws {
        try write("app.py", "sid = '\(Self.sid)'\n")
    }

    private func path(_ name: String) -> String { root.appendingPathComponent(name).path }

    private func makeFIFO(_ name: String) throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(name).deletingLastPathComponent(),
                                                withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(path(name), 0o644), 0, "mkfifo \(name)")
    }

    /// A listening Unix socket at `name`; the returned descriptor keeps it open.
    private func makeSocket(_ name: String) throws -> Int32 {
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path(name).utf8CString)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: bytes.prefix(raw.count - 1).map { UInt8(bitPattern: $0) })
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0, "bind \(name)")
        return descriptor
    }

    // MARK: - Special files

    func testFIFOSocketAndDevicesNamedOnTheCommandLineAreSkippedWithAWarning() throws {
        try writeApp()
        try makeFIFO("pipe.py")
        let socket = try makeSocket("app.sock")
        defer { close(socket) }
        let run = try twilint(["--format", "gcc", "pipe.py", "app.sock", "/dev/zero", "/dev/urandom", "app.py"])
        XCTAssertEqual(run.status, 1, "a skipped special file is no error; the SID still fails the run: \(run.stderr)")
        XCTAssertEqual(run.stdout, appFinding + "\n")
        for (name, kind) in [("pipe.py", "a FIFO"), ("app.sock", "a socket"), ("/dev/zero", "a device"), ("/dev/urandom", "a device")] {
            XCTAssertTrue(run.stderr.contains("twilint: warning: \(name): skipped: it is \(kind), not a regular file, so it is never read\n"),
                          run.stderr)
        }
    }

    func testFIFOAndSocketMetInAWalkAreSkippedWithANote() throws {
        try writeApp()
        try makeFIFO("src/pipe.py")
        let socket = try makeSocket("src/app.sock")
        defer { close(socket) }
        let quiet = try twilint(["--format", "gcc", "."])
        XCTAssertEqual(quiet.status, 1)
        XCTAssertEqual(quiet.stdout, appFinding + "\n")
        XCTAssertEqual(quiet.stderr, "", "a walk meets sockets often; the note waits for --verbose")
        let verbose = try twilint(["--format", "gcc", "--verbose", "."])
        XCTAssertEqual(verbose.status, 1)
        XCTAssertEqual(verbose.stdout, appFinding + "\n")
        XCTAssertTrue(verbose.stderr.contains("twilint: note: src/pipe.py: skipped: it is a FIFO, not a regular file, so it is never read"),
                      verbose.stderr)
        XCTAssertTrue(verbose.stderr.contains("twilint: note: src/app.sock: skipped: it is a socket, not a regular file"), verbose.stderr)
    }

    func testAFIFOGitignoreIsSkippedWithAWarningAndTheWalkGoesOn() throws {
        try writeApp()
        try makeFIFO("src/.gitignore")
        try write("src/keys.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["--format", "gcc", "."])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, appFinding + "\n" + appFinding.replacingOccurrences(of: "app.py", with: "src/keys.py") + "\n")
        XCTAssertTrue(run.stderr.contains("twilint: warning: src/.gitignore: ignored: it is a FIFO, not a regular file, "
            + "so its patterns do not apply; make it a regular file of at most 1 MiB"), run.stderr)
    }

    /// The `.gitignore` files of the folders above a scanned one, up to the repository root, are read too.
    func testAFIFOGitignoreAboveTheScannedFolderIsSkippedWithAWarning() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try makeFIFO(".gitignore")
        try write("src/keys.py", "sid = '\(Self.sid)'\n")
        let run = try twilint(["--format", "gcc", "src"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, appFinding.replacingOccurrences(of: "app.py", with: "src/keys.py") + "\n")
        XCTAssertEqual(run.stderr, "twilint: warning: \(path(".gitignore")): ignored: it is a FIFO, not a regular file, "
            + "so its patterns do not apply; make it a regular file of at most 1 MiB\n")
    }

    func testExplainFileOnAFIFOOrADeviceIsAnError() throws {
        try makeFIFO("pipe.py")
        let fifo = try twilint(["explain-file", "pipe.py"])
        XCTAssertEqual(fifo.status, 2)
        XCTAssertEqual(fifo.stderr, "twilint: error: pipe.py: cannot be read: it is a FIFO, not a regular file; name a regular file\n")
        let device = try twilint(["explain-file", "/dev/zero"])
        XCTAssertEqual(device.status, 2)
        XCTAssertTrue(device.stderr.contains("/dev/zero: cannot be read: it is a device, not a regular file"), device.stderr)
        let missing = try twilint(["explain-file", "gone.py"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stderr, "twilint: error: gone.py: cannot be read: No such file or directory; check the path and its permissions\n")
    }

    func testConfigurationThatIsAFIFOOrAFolderIsAnError() throws {
        try writeApp()
        try makeFIFO("pipe.yml")
        let fifo = try twilint(["--config", "pipe.yml", "app.py"])
        XCTAssertEqual(fifo.status, 2)
        XCTAssertEqual(fifo.stderr, "twilint: error: \(path("pipe.yml")): cannot be read: it is a FIFO, not a regular file; name a YAML file\n")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("config.yml"), withIntermediateDirectories: true)
        let folder = try twilint(["--config", "config.yml", "app.py"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertEqual(folder.stderr, "twilint: error: \(path("config.yml")): cannot be read: it is a folder, not a regular file; name a YAML file\n")
    }

    func testFoundConfigurationThatIsAFIFOIsAnError() throws {
        try writeApp()
        try makeFIFO(".twilint.yml")
        let run = try twilint(["app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.contains(".twilint.yml: cannot be read: it is a FIFO, not a regular file"), run.stderr)
    }

    func testRuleFileThatIsAFolderOrAFIFOIsAnError() throws {
        try writeApp()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("rules/ACME1.yml"), withIntermediateDirectories: true)
        let folder = try twilint(["--rules-dir", "rules", "app.py"])
        XCTAssertEqual(folder.status, 2)
        XCTAssertEqual(folder.stderr, "twilint: error: \(path("rules/ACME1.yml")): cannot be read: it is a folder, not a regular file; name a YAML file\n")
        try FileManager.default.removeItem(at: root.appendingPathComponent("rules/ACME1.yml"))
        try makeFIFO("rules/ACME2.yml")
        let fifo = try twilint(["--rules-dir", "rules", "app.py"])
        XCTAssertEqual(fifo.status, 2)
        XCTAssertTrue(fifo.stderr.contains("rules/ACME2.yml: cannot be read: it is a FIFO, not a regular file"), fifo.stderr)
    }

    // MARK: - Paths that cannot be read

    /// Root reads files whatever their mode, so the test uses a path no one can
    /// read: one that goes through a regular file.
    func testAPathThatCannotBeReadIsAnErrorAndTheOtherFilesAreStillReported() throws {
        try writeApp()
        let run = try twilint(["--format", "gcc", "app.py/inner.py", "app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stdout, appFinding + "\n")
        XCTAssertEqual(run.stderr, "twilint: error: app.py/inner.py: no such file or folder (Not a directory)\n")
    }

    func testAMissingPathSaysNothingWasScanned() throws {
        let run = try twilint(["missing.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "twilint: error: missing.py: no such file or folder (No such file or directory)\n")
        XCTAssertEqual(run.stdout, "Nothing was scanned; 1 error reading files or running rules (see above).\n")
    }

    func testADirectorySymlinkLoopIsSkippedWithAWarningWhenFollowing() throws {
        try writeApp()
        try write("src/keys.py", "sid = '\(Self.sid)'\n")
        try FileManager.default.createSymbolicLink(atPath: path("src/loop"), withDestinationPath: path("src"))
        let run = try twilint(["--format", "gcc", "--follow", "."])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, appFinding + "\n" + appFinding.replacingOccurrences(of: "app.py", with: "src/keys.py") + "\n")
        XCTAssertEqual(run.stderr, "twilint: warning: src/loop: symbolic link loop; folder skipped\n")
    }

    // MARK: - Contents

    func testInvalidUTF8IsScannedAsBytes() throws {
        XCTAssertTrue(FileManager.default.createFile(atPath: path("legacy.py"),
                                           contents: Data("sid = '".utf8) + Data([0xE9, 0xFF]) + Data("'\nkey = '\(Self.sid)'\n".utf8)))
        let run = try twilint(["--format", "gcc", "--verbose", "legacy.py"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, "legacy.py:2:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
        XCTAssertEqual(run.stderr, "twilint: note: legacy.py: not valid UTF-8; scanned as bytes\n")
    }

    func testANulByteAfterTheFirst8KiBDoesNotMakeAFileBinary() throws {
        let padding = String(repeating: "# padding\n", count: 900)
        XCTAssertTrue(FileManager.default.createFile(atPath: path("late.py"),
                                           contents: Data(padding.utf8) + Data([0]) + Data("\nsid = '\(Self.sid)'\n".utf8)))
        let run = try twilint(["--format", "gcc", "late.py"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "late.py:902:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
    }

    func testUTF16AndUTF32WithAByteOrderMarkAreDecodedAndScanned() throws {
        let text = "x = 'é'\nsid = '\(Self.sid)'\n"
        let encodings: [(String, [UInt8], String.Encoding)] = [
            ("le16.py", [0xFF, 0xFE], .utf16LittleEndian), ("be16.py", [0xFE, 0xFF], .utf16BigEndian),
            ("le32.py", [0xFF, 0xFE, 0, 0], .utf32LittleEndian), ("be32.py", [0, 0, 0xFE, 0xFF], .utf32BigEndian),
        ]
        for (name, mark, encoding) in encodings {
            XCTAssertTrue(try FileManager.default.createFile(atPath: path(name), contents: Data(mark) + XCTUnwrap(text.data(using: encoding))))
        }
        try writeApp()
        let run = try twilint(["--format", "gcc", "--verbose", "."])
        XCTAssertEqual(run.status, 1)
        let expected = ["app.py:1:8"] + ["be16.py", "be32.py", "le16.py", "le32.py"].map { "\($0):2:8" }
        XCTAssertEqual(run.stdout.split(separator: "\n").map { String($0.prefix { $0 != " " }.dropLast()) }, expected, run.stdout)
        for (name, label) in [("le16.py", "UTF-16LE"), ("be16.py", "UTF-16BE"), ("le32.py", "UTF-32LE"), ("be32.py", "UTF-32BE")] {
            XCTAssertTrue(run.stderr.contains("twilint: note: \(name): \(label) text (it starts with a byte-order mark); scanned decoded to UTF-8"),
                          run.stderr)
        }
        let json = try twilint(["--format", "json", "le16.py"])
        XCTAssertTrue(json.stdout.contains("\"snippet\" : \"sid = 'AC3f…5e'\""), "the snippet is the decoded line: \(json.stdout)")
    }

    func testMediaFilesThatPassTheNulTestAreSkippedAsBinary() throws {
        let secret = Data("sid = '\(Self.sid)'\n".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: path("clip.y4m"), contents: Data("YUV4MPEG2 W2 H2 F25:1\nFRAME\n".utf8) + secret))
        XCTAssertTrue(FileManager.default.createFile(atPath: path("favicon.ico"), contents: secret))
        XCTAssertTrue(FileManager.default.createFile(atPath: path("frames.raw"), contents: Data("YUV4MPEG2 W2 H2 F25:1\nFRAME\n".utf8) + secret))
        XCTAssertTrue(FileManager.default.createFile(atPath: path("movie.dat"), contents: Data([0, 0, 0, 0x18]) + Data("ftypmp42".utf8) + secret))
        try writeApp()
        let run = try twilint(["--format", "json", "."])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("\"binary\" : 4"), run.stdout)
        XCTAssertEqual(run.stdout.components(separatedBy: "\"path\" : ").count - 1, 1, "only app.py: \(run.stdout)")
        XCTAssertTrue(run.stdout.contains("\"path\" : \"app.py\""), run.stdout)
    }

    /// A sparse file: 100 MB on paper, a few kB on disk, so the test stays fast.
    func testAFileOverTheDefaultSizeLimitIsSkippedWithAWarning() throws {
        try writeApp()
        XCTAssertTrue(FileManager.default.createFile(atPath: path("dump.sql"), contents: Data("sid = '\(Self.sid)'\n".utf8)))
        XCTAssertEqual(truncate(path("dump.sql"), 100_000_000), 0)
        let run = try twilint(["--format", "gcc", "."])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stdout, appFinding + "\n")
        XCTAssertEqual(run.stderr,
            "twilint: warning: dump.sql: skipped: 100000000 bytes is over the 67108864-byte limit (raise it with --max-file-size)\n")
    }

    // MARK: - Configuration files out of bounds

    func testAConfigurationOver1MiBIsRefused() throws {
        try writeApp()
        let text = "exclude:\n" + String(repeating: "  - \"generated/a-very-long-folder-name/\"\n", count: 250_000)
        try write(".twilint.yml", text)
        let run = try twilint(["app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        XCTAssertEqual(run.stderr, "twilint: error: \(path(".twilint.yml")): invalid configuration: the file is \(text.utf8.count) bytes, "
            + "over the 1048576-byte (1 MiB) limit for configuration and rule files\n")
    }

    func testDeeplyNestedYAMLIsRefused() throws {
        try writeApp()
        try write(".twilint.yml", "select: " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "\n")
        let config = try twilint(["app.py"])
        XCTAssertEqual(config.status, 2)
        XCTAssertTrue(config.stderr.hasPrefix("twilint: error: \(path(".twilint.yml")):1: invalid configuration: not valid YAML ("), config.stderr)
        XCTAssertTrue(config.stderr.contains("collections are nested more than 1000 levels deep; flatten the file"), config.stderr)
        try write("rules/ACME1.yml", "id: ACME1\nexamples: " + String(repeating: "{a: ", count: 3000) + "1" + String(repeating: "}", count: 3000) + "\n")
        let rule = try twilint(["--no-config", "--rules-dir", "rules", "app.py"])
        XCTAssertEqual(rule.status, 2)
        XCTAssertTrue(rule.stderr.hasPrefix("twilint: error: \(path("rules/ACME1.yml")):2: invalid rule file: not valid YAML: "
            + "collections are nested more than 1000 levels deep; flatten the file"), rule.stderr)
    }

    func testARegexThatDoesNotCompileIsReportedAtItsLine() throws {
        try writeApp()
        try write("rules/ACME1.yml", Self.internalHostRule.replacingOccurrences(of: "internal\\.acme\\.test", with: "internal(("))
        let run = try twilint(["--rules-dir", "rules", "app.py"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "twilint: error: \(path("rules/ACME1.yml")):7: invalid rule file at key 'patterns[0].regex': "
            + "the regex does not compile: missing closing parenthesis at offset 10\n")
    }

    /// A custom rule that backtracks catastrophically stops on the file that sets it
    /// off; the built-in rules' findings there, and the other files', are all reported.
    func testACustomRuleThatHitsAPCRE2LimitNamesTheFileAndRuleAndTheScanGoesOn() throws {
        try write("rules/ACME9.yml", Self.internalHostRule.replacingOccurrences(of: "internal\\.acme\\.test", with: "(a+)+$")
            .replacingOccurrences(of: "scope: string", with: "scope: any")
            .replacingOccurrences(of: "['u = \"internal.acme.test\"']", with: "['a']")
            .replacingOccurrences(of: "['# internal.acme.test']", with: "['b']")
            .replacingOccurrences(of: "ACME1", with: "ACME9"))
        try writeApp()
        try write("slow.py", "sid = '\(Self.sid)'\n" + String(repeating: "a", count: 5000) + "!\n")
        let run = try twilint(["--rules-dir", "rules", "--format", "gcc", "."])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stdout, appFinding + "\n" + appFinding.replacingOccurrences(of: "app.py", with: "slow.py") + "\n")
        XCTAssertEqual(run.stderr, "twilint: error: slow.py: ACME9 stopped: a pattern of \(path("rules/ACME9.yml")) hit PCRE2's "
            + "backtracking limit (match, depth or heap), so this file's ACME9 findings may be incomplete; simplify the pattern\n")
    }

    // MARK: - Options

    func testJobsMayBeJoinedToTheShortOption() throws {
        try writeApp()
        for arguments in [["-j1"], ["-j", "1"], ["--jobs=2"]] {
            let run = try twilint(arguments + ["--format", "gcc", "app.py"])
            XCTAssertEqual(run.status, 1, "\(arguments): \(run.stderr)")
            XCTAssertEqual(run.stdout, appFinding + "\n")
        }
        let zero = try twilint(["-j0", "app.py"])
        XCTAssertEqual(zero.status, 2)
        XCTAssertTrue(zero.stderr.contains("--jobs must be at least 1"), zero.stderr)
    }
}
