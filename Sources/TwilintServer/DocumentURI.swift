import Foundation

/// `file://` URIs and the paths they name.
enum DocumentURI {
    /// The path of a `file:` URI (percent-decoded), or nil for other schemes.
    static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    static func uri(of path: String) -> String { URL(fileURLWithPath: path).absoluteString }
}
