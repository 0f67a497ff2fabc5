/// Finds a file's Twilio sends (see `TwilioSend`) among its Twilio calls: helper-library
/// REST calls `….messages|calls|verifications|verification_checks.create(to=…)` (JS/TS
/// `{ to }`) on a Twilio client, and HTTP requests that carry a `To` field (`"To": x`,
/// `{ To: x }`, `URLQueryItem(name: "To", …)`, `"To=\(x)&…"`) near a `…/Messages.json`,
/// `…/Messages` or `…/Calls.json` URL in the same function or bound to a module-level
/// name the function uses. `TwilioFacts` runs it once per file.
struct TwilioSends {
    let model: CodeModel
    private var file: SourceFile { model.file }

    /// Every send names its resource (`messages.create`, `verifications?.create`) or a
    /// Messages/Calls URL; a file with neither is skipped before its code model is built.
    /// Byte searches for the literals, not one regex alternation the JIT would try at
    /// every `m`, `c` and `v`.
    static func mayHoldSend(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if ByteSearch.firstOffset(of: "/Messages".utf8, in: bytes) != nil || ByteSearch.firstOffset(of: "/Calls".utf8, in: bytes) != nil {
            return true
        }
        var from = 0
        while let create = ByteSearch.firstOffset(of: "create".utf8, in: bytes, from: from) {
            from = create + 1
            // Backwards over `resource \s* ?? . \s*` in front of `create`.
            var cursor = create - 1
            while cursor >= 0, ASCII.isWhitespace(bytes[cursor]) { cursor -= 1 }
            guard cursor >= 0, bytes[cursor] == ASCII.dot else { continue }
            cursor -= 1
            if cursor >= 0, bytes[cursor] == UInt8(ascii: "?") { cursor -= 1 }
            // Python's `client.messages \` + newline + `.create(…)` too.
            while cursor >= 0, ASCII.isWhitespace(bytes[cursor]) || bytes[cursor] == UInt8(ascii: "\\") { cursor -= 1 }
            let end = cursor + 1
            while cursor >= 0, ASCII.isIdentifier(bytes[cursor]) { cursor -= 1 }
            if sendResources.contains(where: { $0.elementsEqual(bytes[(cursor + 1)..<end]) }) { return true }
        }
        return false
    }

    private static let sendResources = resources.keys.map { Array($0.utf8) }

    func find() -> [TwilioSend] {
        (libraryCalls() + restRequests()).sorted { $0.anchor.lowerBound < $1.anchor.lowerBound }
    }

    // MARK: - Helper library calls

    private static let resources: [String: TwilioSend.Kind] = [
        "messages": .message, "calls": .call, "verifications": .verification,
        "verification_checks": .verificationCheck, "verificationChecks": .verificationCheck,
    ]

    /// The helper-library calls among the file's REST calls that send: `create` on a
    /// messages, calls or Verify resource, with a `to`.
    private func libraryCalls() -> [TwilioSend] {
        TwilioCalls.rest(in: model).compactMap { rest in
            let call = rest.site
            guard rest.verb == "create" || rest.verb == "create_async", let resource = rest.resources.last,
                  let kind = Self.resources[resource],
                  let recipient = call.argument(named: "to") ?? recipientInPreparedOptions(of: call) ?? positionalRecipient(of: call)
            else { return nil }
            return TwilioSend(
                kind: kind, anchor: call.name, call: call.name, recipient: recipient,
                destination: isEmailChannel(call) ? .notAPhone
                    : isParticipantAddress(recipient, in: call) ? .inboundSender : destination(of: recipient, at: call.name.lowerBound),
                scope: judgedScope(of: call.name.lowerBound), isREST: false,
                isWhatsApp: model.text(call.argumentList).contains("whatsapp:"))
        }
    }

    /// The `to` of options prepared before the call: `params = {"to": …}` or `dict(to=…)`
    /// then `create(**params)`; `const options = { to, … }` then `create(options)`. The
    /// last assignment before the call, in its function or at module level, counts.
    private func recipientInPreparedOptions(of call: CallSite) -> Range<Int>? {
        // `create(options)`, or `create(options, (err, message) => …)` with a Node-style callback.
        let callback = call.arguments.count == 2 && model.function(startingAt: model.tokens[model.tokenIndex(atOrAfter: call.arguments[1].value.lowerBound)].range.lowerBound) != nil
        guard call.arguments.count == 1 || callback else { return nil }
        var inside = model.tokenIndices(in: call.arguments[0].value)
        while inside.count > 1, model.token(inside.lowerBound, is: "*") { inside = (inside.lowerBound + 1)..<inside.upperBound }
        guard inside.count == 1, model.isIdentifier(inside.lowerBound) else { return nil }
        let name = model.text(ofToken: inside.lowerBound)
        guard let value = model.definitions.values(named: name, visibleFrom: call.name.lowerBound, in: model)
            .filter({ $0.upperBound <= call.name.lowerBound }).max(by: { $0.lowerBound < $1.lowerBound }) else { return nil }
        let tokens = model.tokenIndices(in: value)
        guard let first = tokens.first else { return nil }
        if model.token(first, is: "{"), model.partner[first] == tokens.upperBound - 1 {
            return CallFinder(model).objectKeys(open: first, close: model.partner[first]).first { $0.key == "to" }?.value
        }
        // `dict(to=phone, …)`
        if model.token(first, is: "dict"), let built = model.calls(in: value).first, built.name.lowerBound == model.tokens[first].range.lowerBound {
            return built.argument(named: "to")
        }
        return nil
    }

    /// Python's `create(to_number, from_=…, body=…)`: the helper library's first parameter is `to`.
    private func positionalRecipient(of call: CallSite) -> Range<Int>? {
        guard file.language == .python, let first = call.arguments.first, first.label == nil,
              call.arguments.dropFirst().contains(where: { $0.label != nil }) else { return nil }
        let inside = model.tokenIndices(in: first.value)
        guard let head = inside.first, !model.token(head, is: "*") else { return nil }
        return first.value
    }

    // MARK: - REST requests

    private func restRequests() -> [TwilioSend] {
        let boundURLs = moduleLevelURLNames()
        let urls = RangeCache<[(offset: Int, kind: TwilioSend.Kind)]>()
        var sends: [TwilioSend] = []
        for index in model.tokens.indices {
            guard let field = toField(at: index),
                  let kind = restKind(around: field.key.lowerBound, boundURLs: boundURLs, urls: urls),
                  let request = sendingRequest(around: field.key) else { continue }
            sends.append(TwilioSend(
                kind: kind, anchor: request.isLocal ? request.site.name : field.key, call: request.site.name, recipient: field.value,
                destination: field.isLiteral ? .fixed : destination(of: field.value, at: field.key.lowerBound),
                scope: judgedScope(of: field.key.lowerBound), isREST: true,
                isWhatsApp: model.text(field.value).contains("whatsapp:")))
        }
        return sends
    }

    /// The kind of Twilio resource a URL string names, if any.
    private func resourceKind(ofURLToken index: Int) -> TwilioSend.Kind? {
        let token = model.tokens[index]
        guard token.kind == .string, model.token(index, contains: "/messages") || model.token(index, contains: "/calls") else { return nil }
        let text = model.text(token.range)
        for (resource, kind) in [("/Messages", TwilioSend.Kind.message), ("/Calls", .call)] {
            guard let found = text.range(of: resource) else { continue }
            let rest = text[found.upperBound...]
            if rest.hasPrefix(".json") { return kind }
            // `/Messages` without `.json`: at the end of the literal, on a line that names the account path.
            if rest.isEmpty || rest.first.map({ "\"'`?".contains($0) || $0 == "\\" || $0 == "$" }) == true {
                let line = model.text(file.lineRange(containing: token.range.lowerBound))
                if line.contains("Accounts/") || line.contains("twilio.com") { return kind }
            }
        }
        return nil
    }

    /// Names bound, outside any function, to a Messages/Calls URL: `MESSAGES_URL = f"…/Messages.json"`,
    /// and Swift computed properties (`var messagesURI: URI {` + newline + `URI(string: "…/Messages.json") }`).
    private func moduleLevelURLNames() -> [String: TwilioSend.Kind] {
        var names: [String: TwilioSend.Kind] = [:]
        for index in model.tokens.indices where model.tokens[index].kind == .string {
            guard let kind = resourceKind(ofURLToken: index),
                  model.enclosingFunction(of: model.tokens[index].range.lowerBound) == nil else { continue }
            if let property = computedProperty(around: index) {
                names[property] = kind
                continue
            }
            let line = file.lineRange(containing: model.tokens[index].range.lowerBound)
            var cursor = model.tokenIndex(atOrAfter: line.lowerBound)
            while cursor < index {
                if model.isIdentifier(cursor), model.token(cursor + 1, is: "=") || model.token(cursor + 1, is: ":") {
                    names[model.text(ofToken: cursor)] = kind
                    break
                }
                cursor += 1
            }
        }
        return names
    }

    /// The Swift computed property whose body holds token `index`: `var name: Type { … }`.
    private func computedProperty(around index: Int) -> String? {
        guard file.language == .swift else { return nil }
        // Back to the brace that opens the innermost block around the token (a few tokens at most).
        var cursor = index - 1
        while cursor >= 0, index - cursor < 64 {
            if model.token(cursor, is: "{"), model.partner[cursor] > index { break }
            if model.partner[cursor] >= 0, model.partner[cursor] < cursor { cursor = model.partner[cursor] }
            cursor -= 1
        }
        guard cursor > 2, model.token(cursor, is: "{") else { return nil }
        // `var name: Type {`, the type a dotted or optional name.
        var type = cursor - 1
        while type > 0, model.isIdentifier(type) || model.token(type, is: ".") || model.token(type, is: "?") { type -= 1 }
        guard model.token(type, is: ":"), model.isIdentifier(type - 1), model.token(type - 2, is: "var") else { return nil }
        return model.text(ofToken: type - 1)
    }

    /// The resource a `To` field is sent to: a URL in the innermost enclosing function that
    /// has one (or a module-level URL name it uses); for module-level code, a URL in the file.
    private func restKind(around offset: Int, boundURLs: [String: TwilioSend.Kind],
                          urls: RangeCache<[(offset: Int, kind: TwilioSend.Kind)]>) -> TwilioSend.Kind? {
        let enclosing = model.enclosingFunctions(of: offset)
        let ranges = enclosing.isEmpty ? [0..<file.bytes.count] : enclosing.map(\.extent)
        for range in ranges {
            // The URLs of a function are found once, however many fields it holds.
            let found = urls.value(for: range) { urlTokens(in: range, boundURLs: boundURLs) }
            guard !found.isEmpty else { continue }
            let next = found.partitioningIndex { $0.offset >= offset }
            let candidates = [next - 1, next].filter { found.indices.contains($0) }
            return candidates.min { abs(found[$0].offset - offset) < abs(found[$1].offset - offset) }.map { found[$0].kind }
        }
        return nil
    }

    /// The Messages/Calls URLs in `range`, by offset: URL literals and uses of module-level URL names.
    private func urlTokens(in range: Range<Int>, boundURLs: [String: TwilioSend.Kind]) -> [(offset: Int, kind: TwilioSend.Kind)] {
        model.tokenIndices(in: range).compactMap { index in
            let token = model.tokens[index]
            let kind = token.kind == .string ? resourceKind(ofURLToken: index)
                : token.kind == .identifier && !boundURLs.isEmpty ? boundURLs[model.text(token.range)] : nil
            return kind.map { (token.range.lowerBound, $0) }
        }
    }

    private struct Field {
        var key: Range<Int>
        var value: Range<Int>
        var isLiteral = false
    }

    /// A `To` field at token `index`: `"To": x`, `To: x`, `dict(To=x)`, `data["To"] = x`, `("To", x)`,
    /// `append("To", x)`, `URLQueryItem(name: "To", value: x)`, or `"To=…"` in a form body.
    private func toField(at index: Int) -> Field? {
        let token = model.tokens[index]
        switch token.kind {
        case .string:
            // Both forms hold `To`; most strings do not, and are passed over without a String.
            guard model.token(index, contains: "to") else { return nil }
            let text = model.text(token.range)
            guard CallFinder.unquoted(text) == "To" else { return formField(at: index, text: text) }
            if model.token(index + 1, is: ":") {
                return field(key: index, valueFrom: index + 2)
            }
            if model.token(index - 1, is: "["), model.token(index + 1, is: "]"), model.token(index + 2, is: "=") {
                return field(key: index, valueFrom: index + 3, sameLineOnly: true)  // `data["To"] = to`
            }
            if model.token(index + 1, is: ",") {
                var start = index + 2
                if model.isIdentifier(start), model.token(start + 1, is: ":") { start += 2 }  // `value: x`
                return field(key: index, valueFrom: start)
            }
            return nil
        case .identifier where model.token(index, is: "To"):
            if model.token(index - 1, is: ".") || model.token(index - 1, is: "let") || model.token(index - 1, is: "var")
                || model.token(index - 1, is: "case") { return nil }
            if model.token(index + 1, is: ":"), file.language != .python {
                return field(key: index, valueFrom: index + 2)
            }
            if model.token(index + 1, is: "="), file.language == .python, model.token(index - 1, is: "(") || model.token(index - 1, is: ",") {
                return field(key: index, valueFrom: index + 2)
            }
            return nil
        default:
            return nil
        }
    }

    /// `"To=\(to)&Body=…"`, `f"To={to}&…"`, `` `To=${to}&…` ``, `"To=" + encodeURIComponent(to)`, `"To=+1555…&…"`.
    private func formField(at index: Int, text: String) -> Field? {
        guard model.token(index, contains: "to="), let found = text.range(of: "To=") else { return nil }
        let before = text[..<found.lowerBound].last
        guard before == nil || "&?\"'`".contains(before!) else { return nil }
        let start = model.tokens[index].range.lowerBound
        let keyStart = start + text.utf8.distance(from: text.utf8.startIndex, to: found.lowerBound.samePosition(in: text.utf8)!)
        let key = keyStart..<(keyStart + 2)
        let rest = text[found.upperBound...]
        let inline = rest.prefix { $0 != "&" && $0 != "\"" && $0 != "'" && $0 != "`" && $0 != "\\" && $0 != "{" && $0 != "$" }
        if !inline.isEmpty {
            let valueStart = keyStart + 3
            return Field(key: key, value: valueStart..<(valueStart + inline.utf8.count), isLiteral: true)
        }
        // The value is the interpolated code that follows, or the operand of `+`.
        var next = index + 1
        if model.token(next, is: "+") { next += 1 }
        guard next < model.tokens.count, model.tokens[next].kind != .string else { return nil }
        var end = next
        while end < model.tokens.count, model.tokens[end].kind != .string, !model.token(end, is: "+"),
              !model.token(end, is: ","), !model.token(end, is: ";") {
            if model.partner[end] > end { end = model.partner[end] }
            if model.partner[end] >= 0, model.partner[end] < next { break }  // an unmatched closer
            end += 1
        }
        guard end > next else { return nil }
        var first = next, last = end - 1
        // Unwrap the interpolation itself (`\(to)`, `${to}`, `{to}`) when it is part of the tokens.
        while first < last, model.token(first, is: "\\") || model.token(first, is: "$") { first += 1 }
        if model.partner[first] == last, last > first + 1 {
            first += 1
            last -= 1
        }
        while last > first, model.partner[last] >= 0, model.partner[last] < first { last -= 1 }
        return Field(key: key, value: model.tokens[first].range.lowerBound..<model.tokens[last].range.upperBound)
    }

    /// A field whose value runs from token `valueFrom` to the next top-level `,`/`;` or closing bracket
    /// (or, for a subscript assignment, to the end of the line).
    private func field(key: Int, valueFrom start: Int, sameLineOnly: Bool = false) -> Field? {
        guard start < model.tokens.count else { return nil }
        var end = start
        while end < model.tokens.count {
            if model.token(end, is: ",") || model.token(end, is: ";") { break }
            if model.partner[end] > end {
                end = model.partner[end] + 1
                continue
            }
            if model.partner[end] >= 0 { break }  // the closer of the enclosing literal or call
            if sameLineOnly, file.line(of: model.tokens[end].range.lowerBound) != file.line(of: model.tokens[start].range.lowerBound) { break }
            end += 1
        }
        guard end > start else { return nil }
        return Field(key: model.tokens[key].range, value: model.tokens[start].range.lowerBound..<model.tokens[end - 1].range.upperBound)
    }

    /// The request that sends a `To` field: the innermost HTTP request around the field
    /// (`requests.post(…, data={…})`, `fetch(url, { body: new URLSearchParams({…}) })`, Vapor
    /// `client.post(uri) { … }`), else the first one after it in the same function
    /// (`URLSession.shared.data(for: request)`, `urlopen(req)`); for a function that only
    /// builds the request (`func messageRequest(to:) -> URLRequest`), a request elsewhere in the
    /// file that sends what it builds.
    private func sendingRequest(around key: Range<Int>) -> (site: CallSite, isLocal: Bool)? {
        // The file's requests and their names, found once: this runs for every `To` field.
        let requests = file.memo("twilio-sends-request-sites") { HTTPRequests.of(model).map(\.site) }
        // Only requests inside the judged function: a route registration `app.post('/send', …)`
        // holds the field too, but it is not the request.
        let function = judgedScope(of: key.lowerBound)
        let scope = function?.extent ?? 0..<file.bytes.count
        let around = model.calls(holding: key.lowerBound).filter { scope.contains($0.extent.lowerBound) }
        let names = file.memo("twilio-sends-request-names") { Set(requests.map(\.name.lowerBound)) }
        if let request = around.first(where: { names.contains($0.name.lowerBound) }) { return (request, true) }
        let next = requests.partitioningIndex { $0.name.lowerBound > key.lowerBound }
        if next < requests.count, requests[next].name.lowerBound < scope.upperBound { return (requests[next], true) }
        guard let builder = function?.name?.split(separator: ".").last.map(String.init) else { return nil }
        return requests.first { sends(built: builder, $0) }.map { ($0, false) }
    }

    /// Whether `request` sends what a call of the function `builder` returns: it is an
    /// argument (`data(for: messageRequest(to: n))`), or a name assigned from it in the
    /// request's function (`let request = messageRequest(to: n)` … `data(for: request)`).
    private func sends(built builder: String, _ request: CallSite) -> Bool {
        let arguments = model.tokenIndices(in: request.argumentList)
        if arguments.contains(where: { model.token($0, is: builder) }) { return true }
        return arguments.contains { index in
            guard model.isIdentifier(index) else { return false }
            return model.definitions.values(named: model.text(ofToken: index), visibleFrom: request.name.lowerBound, in: model)
                .contains { value in model.tokenIndices(in: value).contains { model.token($0, is: builder) } }
        }
    }

    // MARK: - Scopes and destinations

    /// The function that judges code at `offset`: the innermost named function or route
    /// handler (`WebhookHandlers`' routes, the one definition every rule reads), widened
    /// through anonymous callbacks; nil for module-level code.
    func judgedScope(of offset: Int) -> FunctionScope? {
        model.enclosingFunctions(of: offset).first { $0.name != nil || routeHandlers.contains($0.anchor.lowerBound) }
    }

    private var routeHandlers: Set<Int> {
        file.memo("twilio-sends-route-handlers") { Set(WebhookHandlers.routes(in: file).map(\.anchor.lowerBound)) }
    }

    private static let environmentReads = [
        "os.environ", "os.getenv", "environ.get", "environ[", "getenv(", "process.env", "Deno.env",
        "ProcessInfo.processInfo.environment", "Environment.get", "settings.",
    ]

    /// What the destination expression at `range` is (see `TwilioSend.Destination`).
    private func destination(of range: Range<Int>, at offset: Int) -> TwilioSend.Destination {
        let inside = model.tokenIndices(in: range)
        guard !inside.isEmpty else { return .runTime }
        if model.tokens[inside.lowerBound].kind == .string {
            if inside.count == 1 { return .fixed }
            // `'client:' + identity`, `` `client:${identity}` ``, `f"sip:{user}@…"`.
            let head = CallFinder.unquoted(model.text(ofToken: inside.lowerBound)).lowercased()
            if ["client:", "sip:"].contains(where: head.hasPrefix) { return .notAPhone }
        }
        let text = model.text(range)
        if Self.environmentReads.contains(where: text.hasPrefix) { return .fixed }
        if readsInboundSender(inside) { return .inboundSender }
        guard inside.count == 1, model.isIdentifier(inside.lowerBound) else { return .runTime }
        let name = text
        if model.enclosingFunctions(of: offset).contains(where: { $0.parameters.contains(name) }) { return .runTime }
        return boundNames[name] ?? .runTime
    }

    /// A read of the webhook's `From`: `request.form["From"]`, `request.values.get("From")`,
    /// `req.body.From`, `event.From`, `event["From"]`.
    private func readsInboundSender(_ tokens: Range<Int>) -> Bool {
        guard tokens.count >= 3, let last = tokens.last.map({ model.token($0, is: "]") || model.token($0, is: ")") ? $0 - 1 : $0 }),
              last > tokens.lowerBound else { return false }
        let key = model.tokens[last].kind == .string ? CallFinder.unquoted(model.text(ofToken: last)) : model.text(ofToken: last)
        guard key == "From" else { return false }
        return model.token(last - 1, is: ".") || model.token(last - 1, is: "[") || model.token(last - 1, is: "(")
    }

    /// A Conversations participant's address read back from Twilio: `to: p.messagingBinding.address`,
    /// or `to: p.address` sent `from: p.proxyAddress` (the binding's two ends). Twilio holds it in E.164.
    private func isParticipantAddress(_ recipient: Range<Int>, in call: CallSite) -> Bool {
        let text = model.text(recipient)
        if text.contains("messagingBinding") || text.contains("messaging_binding") { return true }
        guard text.hasSuffix(".address"), let from = call.argument(named: "from") ?? call.argument(named: "from_") else { return false }
        let sender = model.text(from)
        return sender.hasSuffix(".proxyAddress") || sender.hasSuffix(".proxy_address")
    }

    /// Verify's `channel="email"` / `channel: 'email'`: the destination is an address.
    private func isEmailChannel(_ call: CallSite) -> Bool {
        guard let channel = call.argument(named: "channel") else { return false }
        let inside = model.tokenIndices(in: channel)
        return inside.count == 1 && model.tokens[inside.lowerBound].kind == .string
            && CallFinder.unquoted(model.text(ofToken: inside.lowerBound)).lowercased() == "email"
    }

    /// The names every assignment in the file binds to the same kind of fixed value:
    /// one string literal or a direct environment read (`to = "+1…"`, `let to: String =
    /// ProcessInfo…`), the webhook's `From` (`sender = request.form["From"]`), or a client
    /// identity (`to = 'client:' + agent_id`). Found in one pass.
    private var boundNames: [String: TwilioSend.Destination] {
        file.memo("twilio-sends-bound-names") {
            var bound: [String: TwilioSend.Destination] = [:]
            var unbound = Set<String>()
            for index in model.tokens.indices where model.tokens[index].kind == .identifier && !model.token(index - 1, is: ".") {
                var assign = index + 1
                if model.token(assign, is: ":"), model.isIdentifier(assign + 1) { assign += 2 }  // `let to: String = …`
                guard model.token(assign, is: "=") else { continue }
                let name = model.text(ofToken: index)
                let value: TwilioSend.Destination? = isFixedValue(at: assign + 1) ? .fixed
                    : readsInboundSender((assign + 1)..<model.statementEnd(from: assign + 1)) ? .inboundSender
                    : isClientIdentity(at: assign + 1) ? .notAPhone : nil
                if let value, bound[name] == nil || bound[name] == value { bound[name] = value } else { unbound.insert(name) }
            }
            return bound.filter { !unbound.contains($0.key) }
        }
    }

    /// `'client:' + agent_id`, `f"sip:{user}@…"`: a Voice client identity or SIP address, no phone number.
    private func isClientIdentity(at value: Int) -> Bool {
        guard value < model.tokens.count, model.tokens[value].kind == .string else { return false }
        let head = CallFinder.unquoted(model.text(ofToken: value)).lowercased()
        return ["client:", "sip:"].contains(where: head.hasPrefix)
    }

    /// Whether the value that starts at token `value` is one literal alone on its line or statement, or an environment read.
    private func isFixedValue(at value: Int) -> Bool {
        guard value < model.tokens.count else { return false }
        let valueLine = model.line(ofToken: value)
        let singleLiteral = model.tokens[value].kind == .string
            && (value + 1 >= model.tokens.count || model.token(value + 1, is: ";") || model.line(ofToken: value + 1) != valueLine)
        if singleLiteral { return true }
        let lineEnd = file.lineRange(containing: model.tokens[value].range.lowerBound).upperBound
        let rest = model.text(model.tokens[value].range.lowerBound..<lineEnd)
        return Self.environmentReads.contains(where: rest.hasPrefix)
    }
}
