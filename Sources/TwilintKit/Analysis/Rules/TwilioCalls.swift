import Matching

/// One call of the Twilio helper library's REST client:
/// `client.messages.create(…)`, `client.verify.v2.services(sid).verifications.create(…)`,
/// `twilio(sid, token).calls.create(…)`, `context.getTwilioClient().messages.create(…)`.
struct TwilioCall: Equatable, Sendable {
    var site: CallSite
    /// The resource path between the client and the verb, call parentheses dropped:
    /// `["messages"]`, `["verify", "v2", "services", "verifications"]`.
    var resources: [String]
    /// `create`, `fetch`, `update`, `delete`/`remove`, `list`, `stream`, `page` (Python `…_async` included).
    var verb: String
    /// Where the whole expression starts (the client, or `require` in `require('twilio')(…).messages.create`).
    var start: Int
}

/// Finds the Twilio REST calls of a file and its raw HTTP requests to `*.twilio.com`:
/// the calls whose outcome TW005, TW007, TW008 and TW010 judge. A call counts when its
/// receiver is a Twilio client — a name assigned from `Client(…)`, `twilio(…)`,
/// `require('twilio')(…)`, `new Twilio(…)`, `context.getTwilioClient()`, or, for the
/// usual resources only, a conventional name (`client`, `twilioClient`, `twilio_client`).
enum TwilioCalls {
    static let verbs: Set<String> = ["create", "fetch", "update", "delete", "remove", "list", "stream", "page"]

    /// Callables that return a REST client (by their dotted name, parentheses dropped).
    private static let constructors: Set<String> = [
        "Client", "twilio.rest.Client", "rest.Client", "TwilioRestClient", "twilio", "Twilio", "twilio.Twilio",
        "TwilioClient", "getTwilioClient", "context.getTwilioClient",
    ]

    /// First resources of the REST API, in the Python (snake_case) and Node (camelCase) spellings.
    private static let resources: Set<String> = [
        "messages", "calls", "verify", "lookups", "api", "conversations", "chat", "notify", "sync", "video",
        "serverless", "studio", "taskrouter", "messaging", "incoming_phone_numbers", "incomingPhoneNumbers",
        "available_phone_numbers", "availablePhoneNumbers", "recordings", "conferences", "queues", "usage",
        "accounts", "trunking", "proxy", "content", "numbers", "pricing", "intelligence", "flex_api", "flexApi",
        "insights", "events", "voice", "wireless", "supersim", "trusthub", "outgoing_caller_ids",
        "outgoingCallerIds", "applications", "addresses", "keys", "new_keys", "newKeys", "tokens",
        "transcriptions", "sip", "short_codes", "shortCodes", "monitor", "bulkexports", "routes",
    ]

    /// Whether `file` may hold a helper-library call or an HTTP request to a `*.twilio.com`
    /// URL: checked with byte scans before anything builds the file's code model.
    static func mayCallTwilio(_ file: SourceFile) -> Bool {
        guard file.language.isSource else { return false }
        return (file.language != .swift && mayCallREST(file)) || (file.contains(".twilio.com") && HTTPRequests.mayRequest(file))
    }

    /// The REST calls of the file behind `model`, found once per file.
    static func rest(in model: CodeModel) -> [TwilioCall] {
        model.file.memo("twilio-rest-calls") { find(in: model) }
    }

    /// HTTP requests (see `HTTPRequests`) to a `*.twilio.com` host. The URL counts when it is
    /// written in the call or reaches it through names assigned in the file
    /// (`url = f"https://api.twilio.com/…"`, `URLRequest(url: url)`).
    static func hostRequests(in model: CodeModel) -> [HTTPRequest] {
        model.file.memo("twilio-host-requests") {
            // A request counts only through a `.twilio.com` literal.
            guard model.file.contains(".twilio.com") else { return [] }
            let requests = HTTPRequests.of(model)
            guard !requests.isEmpty else { return [] }
            // Names are followed only in files that make HTTP requests at all.
            let names = twilioURLNames(in: model)
            return requests.filter {
                mentionsTwilioHost(model.tokenIndex(atOrAfter: $0.site.argumentList.lowerBound)..<model.tokenIndex(atOrAfter: $0.site.argumentList.upperBound), names: names, in: model)
            }
        }
    }

    // MARK: - REST client calls

    /// What every REST call the finder can recognise needs in the file: a client
    /// construction or a conventional client name in front of a call. Files without
    /// any (most of a library, e.g. the Twilio SDK itself) skip the walk over all calls.
    /// Each pattern starts with one letter in either case, which the JIT skips to.
    private static let clientEvidence = [
        // `client.messages`, `Client(…)`, `twilioClient?.calls`, `getTwilioClient()`
        #"(?i)client\??[.(]"#,
        // `twilio(sid, token)`, `new Twilio(…)`, `require('twilio')(…)`
        #"(?i)twilio(?:['"]\))?\("#,
        // `twilio.messages.create(…)`, `twilioRest.calls.list()`
        "[Tt]wilio\\w*\\s*\\??\\.\\s*(?:" + resources.sorted().joined(separator: "|") + ")\\b",
    ].map { try! PCRE2Matcher($0) }

    private static func mayCallREST(_ file: SourceFile) -> Bool {
        clientEvidence.contains { (try? file.withBytes($0.matches)) ?? true }
    }

    private static func find(in model: CodeModel) -> [TwilioCall] {
        guard model.file.language.isSource, model.file.language != .swift, mayCallREST(model.file) else { return [] }
        let clients = clientNames(in: model)
        var found: [TwilioCall] = []
        for site in model.calls where isVerb(model.text(site.name)) {
            var parts = site.callee.split(separator: ".").map(String.init)
            guard parts.count >= 2, let verb = parts.last else { continue }
            parts.removeLast()
            // `require('twilio')(sid, token).messages.create(…)`: the chain starts after the constructor call.
            if let opener = requireTwilioCall(before: site, in: model) {
                found.append(TwilioCall(site: site, resources: parts.map(bare), verb: verb, start: model.tokens[opener].range.lowerBound))
                continue
            }
            for split in 1..<parts.count {
                let receiver = parts[..<split].joined(separator: ".")
                let path = parts[split...].map(bare)
                guard let kind = clientKind(receiver, clients: clients) else { continue }
                if kind == .conventional, !resources.contains(path[0]) { break }
                found.append(TwilioCall(site: site, resources: path, verb: verb, start: site.extent.lowerBound))
                break
            }
        }
        return found
    }

    private enum ClientKind { case constructed, conventional }

    private static func clientKind(_ receiver: String, clients: (twilio: Set<String>, foreign: Set<String>)) -> ClientKind? {
        if clients.twilio.contains(receiver) { return .constructed }
        if clients.foreign.contains(receiver) { return nil }
        if receiver.hasSuffix("()") {
            let function = String(receiver.dropLast(2))
            let last = function.split(separator: ".").last.map(String.init) ?? function
            if constructors.contains(function) || constructors.contains(last) { return .constructed }
            let lowered = last.lowercased()
            return lowered.contains("twilio") && lowered.contains("client") ? .constructed : nil
        }
        guard !receiver.contains("()") else { return nil }
        return isConventional(receiver.split(separator: ".").last.map(String.init) ?? receiver) ? .conventional : nil
    }

    /// `client`, `twilioClient`, `twilio_client`, `twilio`: names that by convention hold Twilio's client.
    private static func isConventional(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "client" || lowered.contains("twilio")
    }

    private static func isVerb(_ name: String) -> Bool {
        verbs.contains(name) || (name.hasSuffix("_async") && verbs.contains(String(name.dropLast(6))))
    }

    private static func bare(_ part: String) -> String {
        part.hasSuffix("()") || part.hasSuffix("[]") ? String(part.dropLast(2)) : part
    }

    /// Names assigned a REST client in the file (`client = Client(…)`, `self.client = Client(…)`,
    /// `const client = require('twilio')(…)`, `const tw = new twilio.Twilio(…)`,
    /// `const c = context.getTwilioClient()`), and names assigned any other constructed object
    /// (`client = anthropic.Anthropic()`), which a conventional name then does not make Twilio's.
    static func clientNames(in model: CodeModel) -> (twilio: Set<String>, foreign: Set<String>) {
        let pythonImportsClient = model.file.language != .python || model.file.contains("twilio.rest")
        var twilio: Set<String> = []
        var foreign: Set<String> = []
        for index in model.tokens.indices where model.token(index, is: "=") {
            guard let name = assignedName(before: index, in: model) else { continue }
            var cursor = index + 1
            var constructed = false
            while model.token(cursor, is: "new") || model.token(cursor, is: "await") {
                constructed = constructed || model.token(cursor, is: "new")
                cursor += 1
            }
            if model.token(cursor, is: "require"), model.token(cursor + 1, is: "("), model.tokens.indices.contains(cursor + 2),
               model.tokens[cursor + 2].kind == .string, CallFinder.unquoted(model.text(ofToken: cursor + 2)) == "twilio",
               model.token(cursor + 3, is: ")"), model.token(cursor + 4, is: "(") {
                twilio.insert(name)
                continue
            }
            var parts: [String] = []
            while model.isIdentifier(cursor) {
                parts.append(model.text(ofToken: cursor))
                guard model.token(cursor + 1, is: "."), model.isIdentifier(cursor + 2) else { break }
                cursor += 2
            }
            guard !parts.isEmpty, model.token(cursor + 1, is: "(") else { continue }
            let callee = parts.joined(separator: ".")
            if (constructors.contains(callee) && (callee != "Client" || pythonImportsClient)) || parts[parts.count - 1] == "getTwilioClient" {
                twilio.insert(name)
            } else if parts.count > 1, !isVerb(parts[parts.count - 1]),
                      twilio.contains(parts[0]) || (isConventional(parts[0]) && !foreign.contains(parts[0]) && resources.contains(parts[1])) {
                // A resource context taken from a client: `verify = client.verify.v2.services(SID)`.
                twilio.insert(name)
            } else if constructed || parts[parts.count - 1].first?.isUppercase == true {
                // Another SDK's client (`anthropic.Anthropic()`, `new OpenAI()`); a factory function
                // (`get_client()`) may well return Twilio's, so it proves nothing.
                foreign.insert(name)
            }
        }
        return (twilio, foreign.subtracting(twilio))
    }

    /// The dotted name left of the `=` at token `equals`: `client`, `self.client`, `this.client`,
    /// and `client` in TS/Python `client: Twilio = …`.
    private static func assignedName(before equals: Int, in model: CodeModel) -> String? {
        var last = equals - 1
        // A type annotation: `client: Twilio =`, `client: twilio.Twilio =`.
        var cursor = last
        while cursor > 0, model.isIdentifier(cursor) || model.token(cursor, is: ".") { cursor -= 1 }
        if model.token(cursor, is: ":"), cursor < last, model.isIdentifier(cursor - 1) { last = cursor - 1 }
        guard model.isIdentifier(last) else { return nil }
        var parts = [model.text(ofToken: last)]
        var first = last
        while model.token(first - 1, is: "."), model.isIdentifier(first - 2) {
            first -= 2
            parts.insert(model.text(ofToken: first), at: 0)
        }
        return parts.joined(separator: ".")
    }

    /// For a call whose chain starts right after `require('twilio')(…).`, the index of the `require` token.
    private static func requireTwilioCall(before site: CallSite, in model: CodeModel) -> Int? {
        let first = model.tokenIndex(atOrAfter: site.extent.lowerBound)
        guard model.token(first - 1, is: "."), model.token(first - 2, is: ")") else { return nil }
        let open = model.partner[first - 2]
        guard open >= 4, model.token(open - 1, is: ")"), model.partner[open - 1] == open - 3,
              model.tokens[open - 2].kind == .string, CallFinder.unquoted(model.text(ofToken: open - 2)) == "twilio",
              model.token(open - 4, is: "require") else { return nil }
        return open - 4
    }

    // MARK: - Requests to a Twilio host

    /// Whether the tokens mention a `*.twilio.com` URL: a literal, or a name that holds one there.
    private static func mentionsTwilioHost(_ range: Range<Int>, names: HostNames, in model: CodeModel) -> Bool {
        range.contains { index in
            let token = model.tokens[index]
            return token.kind == .string ? isTwilioURL(model.text(ofToken: index))
                : token.kind == .identifier && names.holds(model.text(ofToken: index), at: token.range.lowerBound)
        }
    }

    private static func isTwilioURL(_ literal: String) -> Bool {
        literal.contains(".twilio.com")
    }

    /// Names that hold a Twilio URL, or a request built from one, each with the code where it is
    /// in scope: the function that assigns it, or everywhere for file- and type-level names,
    /// functions and computed properties (`var messagesURI: URI { URI(string: "https://api.twilio.com/…") }`).
    struct HostNames {
        /// For each name, where it holds one: a function's body, or nil for everywhere.
        private var scopes: [String: [Range<Int>?]] = [:]

        func holds(_ name: String, at offset: Int) -> Bool {
            scopes[name]?.contains { $0?.contains(offset) ?? true } ?? false
        }

        fileprivate mutating func add(_ name: String, scope: Range<Int>?) {
            scopes[name, default: []].append(scope)
        }
    }

    /// Follows the names through assignments in any order (`base = "https://api.twilio.com"`,
    /// `url = base + path`, `request = URLRequest(url: url)`).
    static func twilioURLNames(in model: CodeModel) -> HostNames {
        var candidates: [(name: String, value: Range<Int>, scope: Range<Int>?)] = []
        for index in model.tokens.indices where model.token(index, is: "=") {
            guard let name = assignedName(before: index, in: model)?.split(separator: ".").last.map(String.init) else { continue }
            let scope = model.enclosingFunction(of: model.tokens[index].range.lowerBound)?.body
            candidates.append((name, (index + 1)..<model.statementEnd(from: index + 1), scope))
        }
        for function in model.functions {
            guard let name = function.name?.split(separator: ".").last.map(String.init) else { continue }
            let body = model.tokenIndex(atOrAfter: function.body.lowerBound)..<model.tokenIndex(atOrAfter: function.body.upperBound)
            candidates.append((name, body, nil))
        }
        if model.file.language == .swift {
            // Computed properties: `var name: Type {` … `}`.
            for index in model.tokens.indices where model.token(index, is: "var") && model.isIdentifier(index + 1) && model.token(index + 2, is: ":") {
                var cursor = index + 3
                while cursor < model.tokens.count, cursor < index + 12, model.isIdentifier(cursor) || model.token(cursor, is: ".") || model.token(cursor, is: "?") { cursor += 1 }
                guard model.token(cursor, is: "{"), model.partner[cursor] > cursor else { continue }
                candidates.append((model.text(ofToken: index + 1), (cursor + 1)..<model.partner[cursor], nil))
            }
        }
        var names = HostNames()
        var found = Set<Int>()
        for _ in 0..<4 {
            let before = found.count
            for (position, candidate) in candidates.enumerated() where !found.contains(position) && mentionsTwilioHost(candidate.value, names: names, in: model) {
                found.insert(position)
                names.add(candidate.name, scope: candidate.scope)
            }
            if found.count == before { break }
        }
        return names
    }
}
