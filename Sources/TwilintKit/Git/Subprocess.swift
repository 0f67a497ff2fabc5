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
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
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

        let group = DispatchGroup()
        let collected = ErrorOutput()
        DispatchQueue.global().async(group: group) {
            collected.data = errors.fileHandleForReading.readDataToEndOfFile()
        }
        if let input {
            DispatchQueue.global().async(group: group) {
                feed.fileHandleForWriting.write(input)
                try? feed.fileHandleForWriting.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        exited.wait()
        // Returns at once (the process has ended), and drops the run-loop source that
        // Foundation's Process and the source keep each other alive with: without it
        // every git command leaked its Process, pipes and arguments (LeakSanitizer).
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: data, errors: collected.data)
    }

    /// Written by one thread, read after it finished (the dispatch group orders the two).
    private final class ErrorOutput: @unchecked Sendable {
        var data = Data()
    }
}
