import Dispatch
import Foundation

extension Subprocess {
    /// A program that is still running: its output is read as it comes (a history
    /// of any length never sits in memory whole) and its input, when asked for,
    /// stays open for a conversation (`git cat-file --batch`).
    final class Running: @unchecked Sendable {
        private let process = Process()
        private let output = Pipe(), errors = Pipe(), feed = Pipe()
        private let exited = DispatchSemaphore(value: 0)
        private let errorsRead = DispatchGroup()
        private let collected = ErrorTail()

        /// Starts `arguments[0]` (looked up on PATH) in `directory`; with `interactive`,
        /// standard input is a pipe that `write` feeds, else it is empty.
        init(_ arguments: [String], in directory: String, interactive: Bool = false) throws {
            (process.executableURL, process.arguments) = Subprocess.launch(arguments)
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            process.standardOutput = output
            process.standardError = errors
            process.standardInput = interactive ? feed : FileHandle.nullDevice
            let exited = self.exited
            process.terminationHandler = { _ in exited.signal() }
            try process.run()
            let handle = errors.fileHandleForReading, collected = self.collected, errorsRead = self.errorsRead
            // A thread of its own, not a dispatch queue's: it blocks for the program's whole
            // life, and a blocked pool thread delays every other queued task (such as
            // Subprocess.run's input writer) until the pool grows, about a second later.
            errorsRead.enter()
            Thread {
                while case let chunk = handle.availableData, !chunk.isEmpty { collected.append(chunk) }
                errorsRead.leave()
            }.start()
        }

        /// Reads up to `count` bytes of standard output into `buffer`; 0 at its end.
        func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            let descriptor = output.fileHandleForReading.fileDescriptor
            while true {
                let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
                if count >= 0 { return count }
                if errno != EINTR { return 0 }
            }
        }

        /// Reads exactly `count` bytes of standard output, or fewer when it ends.
        func read(exactly count: Int) -> [UInt8] {
            var bytes = [UInt8](repeating: 0, count: count)
            var filled = 0
            while filled < count {
                let got = bytes.withUnsafeMutableBytes { read(into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...])) }
                if got == 0 { break }
                filled += got
            }
            return filled == count ? bytes : Array(bytes[..<filled])
        }

        /// Reads standard output up to and including the next line break; nil at its end.
        func readLine() -> [UInt8]? {
            var line: [UInt8] = []
            var byte: UInt8 = 0
            while withUnsafeMutableBytes(of: &byte, { read(into: $0) }) == 1 {
                if byte == UInt8(ascii: "\n") { return line }
                line.append(byte)
            }
            return line.isEmpty ? nil : line
        }

        /// Writes to the program's standard input.
        func write(_ data: Data) {
            feed.fileHandleForWriting.write(data)
        }

        /// Closes standard input, waits for the program to end, and returns its exit
        /// status and the end of its error output.
        func finish() -> (status: Int32, errors: String) {
            try? feed.fileHandleForWriting.close()
            try? output.fileHandleForReading.close()
            exited.wait()
            errorsRead.wait()
            return (process.terminationStatus, String(decoding: collected.data, as: UTF8.self))
        }
    }

    /// The last 64 KiB of a program's error output: enough for its message, bounded
    /// however much it writes.
    private final class ErrorTail: @unchecked Sendable {
        private let lock = NSLock()
        private var bytes = Data()

        func append(_ chunk: Data) {
            lock.lock()
            bytes.append(chunk)
            if bytes.count > 1 << 16 { bytes = bytes.suffix(1 << 16) }
            lock.unlock()
        }

        var data: Data {
            lock.lock()
            defer { lock.unlock() }
            return bytes
        }
    }
}
