import Foundation

/// JSON-RPC's base protocol: each message is a header block (`Content-Length: N`,
/// optionally `Content-Type`, lines ended by CRLF, then an empty line) and N bytes
/// of JSON. The decoder takes bytes as they arrive and hands back whole bodies.
public struct MessageFraming {
    /// A header block the decoder could not use; it is skipped, and the stream goes on.
    public struct BadHeader: Error, Equatable, CustomStringConvertible {
        public var header: String
        public var description: String { "a message header without a valid Content-Length was skipped: \(header.debugDescription)" }
    }

    private var buffer: [UInt8] = []
    private static let separator = Array("\r\n\r\n".utf8)
    /// A body larger than this is refused rather than buffered (an editor never sends one).
    static let maximumLength = 256 << 20

    public init() {}

    /// Adds bytes read from the stream.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 { buffer.append(contentsOf: bytes) }

    /// The next whole message body, a header error, or nil when more bytes are needed.
    public mutating func next() -> Result<Data, BadHeader>? {
        guard let end = buffer.firstRange(of: Self.separator) else { return nil }
        let header = String(decoding: buffer[..<end.lowerBound], as: UTF8.self)
        let length = header.components(separatedBy: "\r\n").compactMap { line -> Int? in
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" else { return nil }
            return Int(parts[1].trimmingCharacters(in: .whitespaces))
        }.first
        guard let length, length >= 0, length <= Self.maximumLength else {
            buffer.removeSubrange(..<end.upperBound)
            return .failure(BadHeader(header: header))
        }
        guard buffer.count - end.upperBound >= length else { return nil }
        let body = Data(buffer[end.upperBound..<end.upperBound + length])
        buffer.removeSubrange(..<(end.upperBound + length))
        return .success(body)
    }

    /// One message, framed for writing.
    public static func frame(_ body: String) -> Data {
        let bytes = Array(body.utf8)
        return Data("Content-Length: \(bytes.count)\r\n\r\n".utf8) + Data(bytes)
    }
}
