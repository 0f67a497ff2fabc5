/// Finds a file's Twilio sends (see `TwilioSend`): helper-library calls
/// `….messages|calls|verifications|verification_checks.create(to=…)` (JS/TS `{ to }`),
/// and hand-built REST requests — a `To` field (`"To": x`, `{ To: x }`,
/// `URLQueryItem(name: "To", …)`, `"To=\(x)&…"`) near a `…/Messages.json`,
/// `…/Messages` or `…/Calls.json` URL in the same function or bound to a
/// module-level name the function uses.
struct TwilioSends {
    let model: CodeModel
    private var file: SourceFile { model.file }

    /// The sends of `file`, found once.
    static func of(_ file: SourceFile) -> [TwilioSend] {
        file.memo("twilio-sends") {
            guard file.withBytes(mayHoldSend) else { return [] }
            return TwilioSends(model: CodeModel.of(file)).find()
        }
    }

    /// Every send names its resource (`messages.create`, `verifications?.create`) or a
    /// Messages/Calls URL; a file with neither is skipped before its code model is built.
    /// Byte searches for the literals, not one regex alternation the JIT would try at
    /// every `m`, `c` and `v`.
    private static func mayHoldSend(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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

    private func libraryCalls() -> [TwilioSend] {
        model.calls.compactMap { call in
            let method = model.text(call.name)
            guard method == "create" || method == "create_async" else { return nil }
            let parts = call.callee.split(separator: ".")
            guard parts.count >= 2 else { return nil }
            var resource = String(parts[parts.count - 2])
            if resource.hasSuffix("()") || resource.hasSuffix("[]") { resource.removeLast(2) }
            guard let kind = Self.resources[resource], let recipient = call.argument(named: "to") else { return nil }
            return TwilioSend(
                kind: kind, anchor: call.name, recipient: recipient,
                recipientIsFixed: isFixed(recipient, at: call.name.lowerBound),
                scope: judgedScope(of: call.name.lowerBound), isREST: false)
        }
    }

    // MARK: - REST requests

    private func restRequests() -> [TwilioSend] {
        let boundURLs = moduleLevelURLNames()
        var urls: [Range<Int>: [(offset: Int, kind: TwilioSend.Kind)]] = [:]
        var sends: [TwilioSend] = []
        for index in model.tokens.indices {
            guard let field = toField(at: index),
                  let kind = restKind(around: field.key.lowerBound, boundURLs: boundURLs, urls: &urls) else { continue }
            sends.append(TwilioSend(
                kind: kind, anchor: sendingCall(around: field.key) ?? field.key, recipient: field.value,
                recipientIsFixed: field.isLiteral || isFixed(field.value, at: field.key.lowerBound),
                scope: judgedScope(of: field.key.lowerBound), isREST: true))
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

    /// Names bound, outside any function, to a Messages/Calls URL: `MESSAGES_URL = f"…/Messages.json"`.
    private func moduleLevelURLNames() -> [String: TwilioSend.Kind] {
        var names: [String: TwilioSend.Kind] = [:]
        for index in model.tokens.indices where model.tokens[index].kind == .string {
            guard let kind = resourceKind(ofURLToken: index),
                  model.enclosingFunction(of: model.tokens[index].range.lowerBound) == nil else { continue }
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

    /// The resource a `To` field is sent to: a URL in the innermost enclosing function that
    /// has one (or a module-level URL name it uses); for module-level code, a URL in the file.
    private func restKind(around offset: Int, boundURLs: [String: TwilioSend.Kind], urls: inout [Range<Int>: [(offset: Int, kind: TwilioSend.Kind)]]) -> TwilioSend.Kind? {
        let enclosing = model.enclosingFunctions(of: offset)
        let ranges = enclosing.isEmpty ? [0..<file.bytes.count] : enclosing.map(\.extent)
        for range in ranges {
            // The URLs of a function are found once, however many fields it holds.
            if urls[range] == nil { urls[range] = urlTokens(in: range, boundURLs: boundURLs) }
            let found = urls[range]!
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

    private static let httpCalls: Set<String> = ["post", "fetch", "request", "urlopen", "axios", "dataTask", "data", "upload", "uploadTask"]
    private static let sessionCalls: Set<String> = ["dataTask", "data", "upload", "uploadTask"]

    /// The call that sends the request: the innermost HTTP call around the field (`requests.post(…, data={…})`,
    /// `fetch(url, { body: new URLSearchParams({…}) })`, Vapor `client.post(uri) { … }`), else the first one
    /// after it in the same function (`URLSession.shared.data(for: request)`, `urlopen(req)`).
    private func sendingCall(around key: Range<Int>) -> Range<Int>? {
        // Only calls inside the judged function: a route registration `app.post('/send', …)` holds
        // the field too, but it is not the request.
        let scope = judgedScope(of: key.lowerBound)?.extent ?? 0..<file.bytes.count
        if let around = model.calls(holding: key.lowerBound).first(where: { scope.contains($0.extent.lowerBound) && isHTTPCall($0) }) {
            return around.name
        }
        let calls = httpCalls
        let next = calls.partitioningIndex { $0.lowerBound > key.lowerBound }
        return next < calls.count && calls[next].lowerBound < scope.upperBound ? calls[next] : nil
    }

    /// The names of the file's HTTP calls, in source order.
    private var httpCalls: [Range<Int>] {
        file.memo("twilio-sends-http-calls") { model.calls.filter(isHTTPCall).map(\.name) }
    }

    private func isHTTPCall(_ call: CallSite) -> Bool {
        let name = model.text(call.name)
        guard Self.httpCalls.contains(name) else { return false }
        if Self.sessionCalls.contains(name) {
            // URLSession's `data(for:)`, `dataTask(with:)`, `upload(for:from:)`, not `text.data(using:)`.
            return ["for", "with"].contains(call.arguments.first?.label ?? "")
        }
        return true
    }

    // MARK: - Scopes and destinations

    /// The function that judges code at `offset`: the innermost named function or route
    /// handler, widened through anonymous callbacks; nil for module-level code.
    func judgedScope(of offset: Int) -> FunctionScope? {
        model.enclosingFunctions(of: offset).first { $0.name != nil || isRouteHandler($0) }
    }

    /// An anonymous function passed to a call whose first argument is a route string:
    /// `app.post('/sms', (req, res) => …)`, Vapor `app.post("sms") { req in … }`.
    private func isRouteHandler(_ scope: FunctionScope) -> Bool {
        let call = model.calls(holding: scope.anchor.lowerBound).first { call in
            call.argumentList.contains(scope.anchor.lowerBound) || (call.trailingClosure?.contains(scope.anchor.lowerBound) ?? false)
        }
        guard let first = call?.arguments.first else { return false }
        let inside = model.tokenIndices(in: first.value)
        return inside.count == 1 && model.tokens[inside.lowerBound].kind == .string
    }

    private static let environmentReads = [
        "os.environ", "os.getenv", "environ.get", "environ[", "getenv(", "process.env", "Deno.env",
        "ProcessInfo.processInfo.environment", "Environment.get", "settings.",
    ]

    /// Whether a destination is fixed: one string literal, a direct environment read, or a
    /// name that every assignment in the file binds to one of those.
    private func isFixed(_ range: Range<Int>, at offset: Int) -> Bool {
        let inside = model.tokenIndices(in: range)
        if inside.count == 1, model.tokens[inside.lowerBound].kind == .string { return true }
        let text = model.text(range)
        if Self.environmentReads.contains(where: text.hasPrefix) { return true }
        guard inside.count == 1, model.isIdentifier(inside.lowerBound) else { return false }
        let name = text
        if model.enclosingFunctions(of: offset).contains(where: { $0.parameters.contains(name) }) { return false }
        return fixedNames.contains(name)
    }

    /// The names every assignment in the file binds to one string literal or a direct
    /// environment read (`to = "+1…"`, `let to: String = ProcessInfo…`), found in one pass.
    private var fixedNames: Set<String> {
        file.memo("twilio-sends-fixed-names") {
            var fixed = Set<String>(), unfixed = Set<String>()
            for index in model.tokens.indices where model.tokens[index].kind == .identifier && !model.token(index - 1, is: ".") {
                var assign = index + 1
                if model.token(assign, is: ":"), model.isIdentifier(assign + 1) { assign += 2 }  // `let to: String = …`
                guard model.token(assign, is: "=") else { continue }
                let name = model.text(ofToken: index)
                if isFixedValue(at: assign + 1) { fixed.insert(name) } else { unfixed.insert(name) }
            }
            return fixed.subtracting(unfixed)
        }
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
