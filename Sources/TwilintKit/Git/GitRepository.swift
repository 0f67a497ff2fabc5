import Foundation

/// A git working tree, driven through the `git` command (no library needed).
/// Commands run in the user's working directory, so pathspecs mean what they
/// would mean to git there, and paths git prints are made absolute against `root`.
public struct GitRepository: Sendable {
    /// The absolute path of the working tree's top folder.
    public let root: String
    /// The folder git commands run in.
    public let workingDirectory: String

    /// The repository that holds the absolute folder `workingDirectory`; `purpose`
    /// says what needs it, for the message when there is none.
    public init(containing workingDirectory: String, purpose: String = "--staged and --diff need a git repository") throws {
        let top = try Self.git(["rev-parse", "--show-toplevel"], in: workingDirectory, purpose: purpose)
        root = String(decoding: top, as: UTF8.self).trimmingCharacters(in: .newlines)
        self.workingDirectory = workingDirectory
    }

    init(root: String, workingDirectory: String) {
        self.root = root
        self.workingDirectory = workingDirectory
    }

    /// Runs git with `arguments` in the working directory and returns its standard output.
    func git(_ arguments: [String], input: Data? = nil, purpose: String) throws -> Data {
        try Self.git(arguments, in: workingDirectory, input: input, purpose: purpose)
    }

    /// Runs git with `arguments` and returns its standard output, or throws with
    /// git's own message and `purpose` (what the user asked for that needs git).
    static func git(_ arguments: [String], in directory: String, input: Data? = nil, purpose: String) throws -> Data {
        let shown = "git " + arguments.prefix(3).joined(separator: " ")
        let result = try run(arguments, in: directory, input: input, shown: shown, purpose: purpose)
        guard result.status == 0 else { throw failure(result, shown: shown, purpose: purpose) }
        return result.output
    }

    /// Runs git with `arguments`; throws when git cannot be started, whatever its exit status.
    static func run(_ arguments: [String], in directory: String, input: Data? = nil, shown: String, purpose: String) throws -> Subprocess.Result {
        do {
            return try Subprocess.run(command(arguments), in: directory, input: input)
        } catch {
            throw TwilintError.git(command: shown, problem: "git could not be started (\(error)); \(purpose)")
        }
    }

    /// The error for a git command that failed: git's own first line of complaint and `purpose`.
    static func failure(_ result: Subprocess.Result, shown: String, purpose: String) -> TwilintError {
        if result.status == 127 { return .git(command: shown, problem: "git is not installed or not on PATH; \(purpose)") }
        let message = String(decoding: result.errors, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first.map(String.init) ?? "exit status \(result.status)"
        return .git(command: shown, problem: "\(message); \(purpose)")
    }

    /// The command line for git with `arguments`: plain, script-stable output
    /// whatever the user's git configuration says.
    static func command(_ arguments: [String]) -> [String] {
        ["git", "-c", "core.quotePath=false", "-c", "color.ui=false", "-c", "log.showSignature=false"] + arguments
    }

    /// The absolute path of `path`, which git printed relative to the top folder.
    func absolute(_ path: String) -> String {
        Paths.absolute(path, in: root)
    }
}
