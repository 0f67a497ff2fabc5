/// The HTTP client libraries twilint knows, per language: the one list every
/// heuristic that asks "does this code make an HTTP request?" reads.
enum HTTPLibrary: Equatable, Sendable {
    case requests, httpx, aiohttp, urllib
    case fetch, axios, got
    case urlSession, alamofire, asyncHTTPClient, vaporClient

    /// The library fails by itself (raises, rejects) on a 4xx/5xx answer, so its caller
    /// handles a Twilio error as an exception; the others answer with the status, which the
    /// caller must read.
    var failsOnErrorStatus: Bool {
        switch self {
        case .urllib, .axios, .got: return true
        case .requests, .httpx, .aiohttp, .fetch, .urlSession, .alamofire, .asyncHTTPClient, .vaporClient: return false
        }
    }
}

/// One HTTP request a file makes: the call and the library that makes it.
struct HTTPRequest: Equatable, Sendable {
    var site: CallSite
    var library: HTTPLibrary
}

/// Finds a file's HTTP requests: Python `requests`/`httpx`/`aiohttp` (module calls and
/// sessions or clients bound to a name, `with … as http` included) and `urllib.request.urlopen`;
/// JS/TS `fetch`, `axios` (and `axios.create()` instances), `got`; Swift `URLSession`
/// `data(for:)`/`dataTask(with:)`/`upload(for:from:)`, Alamofire `AF.request`/`AF.upload`,
/// AsyncHTTPClient `execute`, Vapor `client.post`.
enum HTTPRequests {
    /// The requests of the file behind `model`, in source order, found once.
    static func of(_ model: CodeModel) -> [HTTPRequest] {
        model.file.memo("http-requests") {
            guard mayRequest(model.file) else { return [] }
            let sessions = sessionNames(in: model)
            return model.calls.compactMap { site in library(of: site, sessions: sessions, in: model).map { HTTPRequest(site: site, library: $0) } }
        }
    }

    /// Literals every request this finder recognises contains, per language: checked before any call is looked at.
    static func mayRequest(_ file: SourceFile) -> Bool {
        switch file.language {
        case .python: return ["requests", "httpx", "aiohttp", "urlopen"].contains(where: file.contains)
        case .javascript, .typescript: return ["fetch", "axios", "got"].contains(where: file.contains)
        case .swift: return ["data(", "dataTask(", "upload", "bytes(", "execute(", "client.", "request("].contains(where: file.contains)
        case .html, .config, .text: return false
        }
    }

    /// The request methods of the Python and JS libraries and their sessions.
    private static let verbs: Set<String> = ["get", "post", "put", "patch", "delete", "request"]

    private static func library(of site: CallSite, sessions: [String: HTTPLibrary], in model: CodeModel) -> HTTPLibrary? {
        let name = model.text(site.name)
        let callee = site.callee
        let receiver = callee.split(separator: ".").dropLast().joined(separator: ".")
        switch model.file.language {
        case .python:
            if name == "urlopen" { return callee == "urlopen" || callee.hasSuffix("request.urlopen") ? .urllib : nil }
            guard verbs.contains(name) else { return nil }
            if receiver == "requests" { return .requests }
            if receiver == "httpx" { return .httpx }
            return sessions[receiver]
        case .javascript, .typescript:
            if ["fetch", "globalThis.fetch", "window.fetch"].contains(callee) { return .fetch }
            if callee == "axios" || (receiver == "axios" && verbs.contains(name)) { return .axios }
            if callee == "got" || (receiver == "got" && verbs.contains(name)) { return .got }
            if verbs.contains(name), let library = sessions[receiver] { return library }
            return nil
        case .swift:
            switch name {
            case "data", "upload", "bytes":
                let label = site.arguments.first?.label
                return label == "for" || label == "from" ? .urlSession : nil
            case "dataTask", "uploadTask":
                return site.arguments.first?.label == "with" ? .urlSession : nil
            case "request" where ["AF", "Alamofire", "Session.default", "AF.session"].contains(receiver):
                return .alamofire
            case "upload" where receiver == "AF":
                return .alamofire
            case "execute":
                return .asyncHTTPClient
            case "post", "get", "put", "send":
                return receiver == "client" || receiver.hasSuffix(".client") ? .vaporClient : nil
            default:
                return nil
            }
        case .html, .config, .text:
            return nil
        }
    }

    /// Constructors of a session or client whose methods make requests.
    private static let sessionConstructors: [String: HTTPLibrary] = [
        "requests.Session": .requests, "requests.session": .requests, "httpx.Client": .httpx, "httpx.AsyncClient": .httpx,
        "aiohttp.ClientSession": .aiohttp, "axios.create": .axios, "got.extend": .got,
    ]

    /// Names bound to a session or client: `session = requests.Session()`, `self.http = httpx.Client()`,
    /// `async with httpx.AsyncClient() as http:`, `const api = axios.create({…})`.
    private static func sessionNames(in model: CodeModel) -> [String: HTTPLibrary] {
        var names: [String: HTTPLibrary] = [:]
        for site in model.calls {
            guard let library = sessionConstructors[site.callee] else { continue }
            let first = model.tokenIndex(atOrAfter: site.extent.lowerBound)
            let after = model.tokenIndex(atOrAfter: site.extent.upperBound)
            if model.token(after, is: "as"), model.isIdentifier(after + 1) {
                names[model.text(ofToken: after + 1)] = library
                continue
            }
            var equals = first - 1
            if model.token(equals, is: "await") || model.token(equals, is: "new") { equals -= 1 }
            guard model.token(equals, is: "="), model.isIdentifier(equals - 1) else { continue }
            var start = equals - 1
            while model.token(start - 1, is: "."), model.isIdentifier(start - 2) { start -= 2 }
            names[model.text(model.tokens[start].range.lowerBound..<model.tokens[equals - 1].range.upperBound)] = library
        }
        return names
    }
}
