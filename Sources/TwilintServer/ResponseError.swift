/// A JSON-RPC error answer, with the codes JSON-RPC and LSP define.
public struct ResponseError: Error, Equatable, Sendable {
    public var code: Int
    public var message: String

    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let serverNotInitialized = -32002
    public static let requestCancelled = -32800

    public init(_ code: Int, _ message: String) {
        self.code = code
        self.message = message
    }

    var json: JSON { ["code": JSON(code), "message": JSON(message)] }
}
