import Dispatch
import Foundation

/// Runs a program to completion, feeding it input and collecting its output.
/// Input is written and error output read on their own threads, so a full pipe
/// on one side never stalls the other.
enum Subprocess {
    struct Result {
        let status: Int32
        let output: Data
        let errors: Data
    }

    /// Runs `arguments[0]` (looked up on PATH) with the rest as its arguments, in `directory`.
    static func run(_ arguments: [String], in directory: String, input: Data? = nil) throws -> Result {
        let process = Process()
        (process.executableURL, process.arguments) = launch(arguments)
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe(), errors = Pipe(), feed = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input == nil ? FileHandle.nullDevice : feed
        // Not `waitUntilExit()`: on Linux it polls its run loop every 50 ms, a third
        // of a `--staged` run's time; the termination handler fires at once.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()

        // Threads, not dispatch queues: git commands run at once (a history scan's) would
        // each hold a pool thread until their program ends, and so wait for each other.
        let collected = Background { errors.fileHandleForReading.readDataToEndOfFile() }
        let fed = input.map { input in
            Background {
                feed.fileHandleForWriting.write(input)
                try? feed.fileHandleForWriting.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        fed?.value
        exited.wait()
        // Returns at once (the process has ended), and drops the run-loop source that
        // Foundation's Process and the source keep each other alive with: without it
        // every git command leaked its Process, pipes and arguments (LeakSanitizer).
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: data, errors: collected.value)
    }

    /// The program and arguments that run `arguments`: its first found in PATH's absolute
    /// folders, started directly (an `env` in between costs one more program start per
    /// command), or else through `/usr/bin/env`, which searches as a shell would (a
    /// relative folder from the child's folder) and reports a missing one (exit status 127).
    static func launch(_ arguments: [String]) -> (URL, [String]) {
        let name = arguments.first ?? ""
        let folders = name.contains("/") ? [] : (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
        for folder in folders {
            guard folder.hasPrefix("/") else { break }
            let path = folder + "/" + name
            if FileManager.default.isExecutableFile(atPath: path) { return (URL(fileURLWithPath: path), Array(arguments.dropFirst())) }
        }
        return (URL(fileURLWithPath: "/usr/bin/env"), arguments)
    }
}
