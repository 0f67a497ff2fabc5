import Foundation

/// Runs a `LanguageServer` over standard input and output: reads with `read(2)`
/// into the framing decoder, writes each framed message whole under a lock.
public enum StandardStreams {
    public static func serve(options: LanguageServer.Options) -> Never {
        let lock = NSLock()
        let server = LanguageServer(options: options, output: { data in
            lock.lock(); defer { lock.unlock() }
            FileHandle.standardOutput.write(data)
        }, log: { line in
            FileHandle.standardError.write(Data((line + "\n").utf8))
        })
        var framing = MessageFraming()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            framing.append(buffer[..<count])
            while let next = framing.next() {
                switch next {
                case .success(let body): server.receive(body)
                case .failure(let problem): server.receiveBadHeader(problem.description)
                }
            }
        }
        server.endOfInput()
        // `endOfInput` exits from the queue; this thread only waits for it.
        while true { sleep(60) }
    }
}
