import Matching

/// The TW004 finders, each a small reader of one file's `CodeModel`. They see
/// code and string literals only: comments never count.

/// Reads of public build-time variables that bundlers inline into shipped code:
/// `process.env.REACT_APP_TWILIO_AUTH_TOKEN`, `import.meta.env.VITE_TWILIO_API_SECRET`,
/// `process.env["NEXT_PUBLIC_TWILIO_ACCOUNT_SID"]`. The first read of each name is reported.
struct PublicVariableReads {
    let model: CodeModel

    static let prefixes = ["REACT_APP_", "NEXT_PUBLIC_", "VITE_", "EXPO_PUBLIC_", "GATSBY_", "VUE_APP_"]
    /// Files without such a name anywhere are not tokenized for this check.
    static let prefilter = try! PCRE2Matcher(#"(?:REACT_APP|NEXT_PUBLIC|VITE|EXPO_PUBLIC|GATSBY|VUE_APP)_TWILIO_"#)

    func credentialReads() -> [Range<Int>] {
        let file = model.file
        var seen = Set<String>()
        var result: [Range<Int>] = []
        for token in model.tokens where token.kind == .identifier || token.kind == .string {
            let range = token.kind == .string ? StringLiteral.inner(token.range, in: file) : token.range
            guard range.count > 12, let first = range.first.map({ file.bytes[$0] }), "RNVEG".utf8.contains(first) else { continue }
            let name = file.text(range)
            if Self.isPublicCredential(name), seen.insert(name).inserted { result.append(range) }
        }
        return result
    }

    /// `VITE_TWILIO_AUTH_TOKEN` yes; `VITE_TWILIO_PHONE_NUMBER` and `REACT_APP_TWILIO_TOKEN_URL` no.
    static func isPublicCredential(_ name: String) -> Bool {
        guard let prefix = prefixes.first(where: name.hasPrefix), name.dropFirst(prefix.count).hasPrefix("TWILIO_"),
              name.utf8.allSatisfy(ASCII.isIdentifier) else { return false }
        return CredentialName.isTwilioCredentialSetting(String(name.dropFirst(prefix.count)))
    }
}

/// Swift reads of a Twilio credential from the app's `Info.plist`, which ships
/// inside the app: `Bundle.main.object(forInfoDictionaryKey: "TWILIO_AUTH_TOKEN")`,
/// `Bundle.main.infoDictionary?["TwilioAccountSID"]`. Reported on the key.
struct BundleReads {
    let model: CodeModel

    func credentialReads() -> [Range<Int>] {
        var keys: [Range<Int>] = []
        for call in model.calls where call.callee == "object" || call.callee.hasSuffix(".object") {
            if let value = call.argument(named: "forInfoDictionaryKey"), let key = stringLiteral(exactly: value) { keys.append(key) }
        }
        for index in model.tokens.indices where model.token(index, is: "infoDictionary") {
            var next = index + 1
            if model.token(next, is: "?") || model.token(next, is: "!") { next += 1 }
            guard model.token(next, is: "["), next + 1 < model.tokens.count, model.tokens[next + 1].kind == .string,
                  model.token(next + 2, is: "]") else { continue }
            keys.append(StringLiteral.inner(model.tokens[next + 1].range, in: model.file))
        }
        return keys.filter { CredentialName.isTwilioCredentialSetting(model.file.text($0)) }
    }

    /// The inside of the string literal that is the whole of `value`, if it is one.
    private func stringLiteral(exactly value: Range<Int>) -> Range<Int>? {
        let index = model.tokenIndex(atOrAfter: value.lowerBound)
        guard index < model.tokens.count, model.tokens[index].kind == .string, model.tokens[index].range == value else { return nil }
        return StringLiteral.inner(value, in: model.file)
    }
}

/// REST clients built from the server `twilio` package in web code:
/// `twilio(sid, token)`, `new Twilio(sid, token)`, `new twilio.Twilio(…)`,
/// `require('twilio')(sid, token)`. A bare `twilio` import is reported when the
/// file builds no client itself: the server SDK has no use without credentials.
struct TwilioClientConstructions {
    let model: CodeModel
    private let found: [(use: CredentialUse, arguments: [Range<Int>])]
    private let imports: [ModuleImports.Module]

    private static let constructors: Set<String> = ["twilio", "Twilio", "twilio.Twilio"]

    init(model: CodeModel) {
        self.model = model
        let web = [.javascript, .typescript, .html].contains(model.file.language)
        imports = web ? ModuleImports.of(model).filter { $0.name == "twilio" } : []
        var found: [(use: CredentialUse, arguments: [Range<Int>])] = []
        for call in web ? model.calls : [] {
            if Self.constructors.contains(call.callee), !imports.isEmpty || call.arguments.count >= 2 {
                found.append((CredentialUse(anchor: call.name, extent: call.extent), call.arguments.map(\.value)))
            } else if call.callee == "require", call.arguments.count == 1,
                      ModuleImports.literal(model.text(call.arguments[0].value)) == "twilio" {
                // `require('twilio')(sid, token)`: the second pair of parentheses builds the client.
                let open = model.tokenIndex(atOrAfter: call.extent.upperBound)
                guard model.token(open, is: "("), model.partner[open] > open else { continue }
                let close = model.partner[open]
                let arguments = CallFinder(model).segments(from: open + 1, to: close).map {
                    model.tokens[$0.lowerBound].range.lowerBound..<model.tokens[$0.upperBound - 1].range.upperBound
                }
                found.append((CredentialUse(anchor: call.name, extent: call.extent.lowerBound..<model.tokens[close].range.upperBound), arguments))
            }
        }
        self.found = found
    }

    /// Where clients are built, or else where the server SDK is imported.
    func constructions() -> [CredentialUse] {
        if !found.isEmpty { return found.map(\.use) }
        return imports.map { CredentialUse(anchor: $0.literal, extent: $0.literal) }
    }

    /// Offsets of string literals given as a constructor's auth token (its second argument).
    func credentialArguments() -> Set<Int> {
        Set(found.compactMap { $0.arguments.count >= 2 ? $0.arguments[1].lowerBound : nil })
    }
}

/// Hardcoded credentials in string literals: Account and API Key SIDs (`AC`/`SK` +
/// 32 hex), and 32-character tokens or key secrets where the code says what they
/// are — under a secret's name, as a client's token argument, as the password of
/// Basic auth (`"AC…:token"`, `` `${sid}:token` ``), or beside a real Account SID.
/// Placeholders, hash-named values and template references are left out, as in
/// TW001/TW002. Each credential is reported once per file, at its first literal.
struct HardcodedCredentials {
    let model: CodeModel
    /// Offsets of string literals whose position makes them a password.
    let credentialArguments: Set<Int>

    func ranges() -> [Range<Int>] {
        let file = model.file
        let positional = credentialArguments.union(xhrPasswords())
        let mentionsHost = MentionsTwilioHost().mayHold(in: file)
        var seen = Set<String>()
        var result: [Range<Int>] = []
        for (index, token) in model.tokens.enumerated() where token.kind == .string {
            let inner = StringLiteral.inner(token.range, in: file)
            guard inner.count >= 32 else { continue }
            for run in StringLiteral.alphanumericRuns(in: inner, of: file) where run.count == 32 || run.count == 34 {
                let exposed = run.count == 34
                    ? isSID(run)
                    : isToken(run, inner: inner, literal: index, positional: positional, mentionsHost: mentionsHost)
                if exposed, seen.insert(file.text(run)).inserted { result.append(run) }
            }
        }
        return result
    }

    private func isSID(_ run: Range<Int>) -> Bool {
        let bytes = model.file.bytes
        let prefix = (bytes[run.lowerBound], bytes[run.lowerBound + 1])
        guard prefix == (UInt8(ascii: "A"), UInt8(ascii: "C")) || prefix == (UInt8(ascii: "S"), UInt8(ascii: "K")),
              bytes[(run.lowerBound + 2)..<run.upperBound].allSatisfy(Self.isHex) else { return false }
        return !PlaceholderSID().excludes(run, in: model.file) && !TemplatePlaceholder().excludes(run, in: model.file)
    }

    private func isToken(_ run: Range<Int>, inner: Range<Int>, literal index: Int, positional: Set<Int>, mentionsHost: Bool) -> Bool {
        let file = model.file
        guard file.bytes[run].contains(where: ASCII.isDigit) else { return false }
        let excused: [any MatchExclusion] = [PlaceholderSecret(), HashNamedValue(), TemplatePlaceholder()]
        if excused.contains(where: { $0.excludes(run, in: file) }) { return false }
        // The password half of Basic auth: after `AC…:`, or after an interpolated or concatenated SID.
        if run.lowerBound > inner.lowerBound, file.bytes[run.lowerBound - 1] == ASCII.colon {
            let colon = run.lowerBound - 1
            if colon == inner.lowerBound { return true }
            if colon - inner.lowerBound >= 34, isSID((colon - 34)..<colon) { return true }
        }
        guard run == inner else { return false }
        if positional.contains(model.tokens[index].range.lowerBound) { return true }
        if let name = keyName(beforeLiteral: index) {
            if CredentialName.isSecretName(name) { return true }
            if mentionsHost, StringLiteral.normalized(name).hasSuffix("password") { return true }
        }
        let lowercaseHex = file.bytes[run].allSatisfy { ASCII.isDigit($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) }
        return lowercaseHex && NearAccountSID().holds(for: run, in: file)
    }

    /// The name a literal is assigned to or keyed by: `authToken = "…"`, `auth_token: "…"`,
    /// `"authToken": "…"`, `let authToken: String = "…"`, `config["authToken"] = "…"`,
    /// `process.env.TWILIO_AUTH_TOKEN || "…"`.
    private func keyName(beforeLiteral index: Int) -> String? {
        let operatorIndex = index - 1
        guard ["=", ":", "??", "||"].contains(where: { model.token(operatorIndex, is: $0) }) else { return nil }
        var nameIndex = operatorIndex - 1
        if model.token(operatorIndex, is: "="), model.isIdentifier(nameIndex), model.token(nameIndex - 1, is: ":"), model.isIdentifier(nameIndex - 2) {
            nameIndex -= 2
        }
        if model.token(nameIndex, is: "]") { nameIndex -= 1 }
        guard nameIndex >= 0, nameIndex < model.tokens.count else { return nil }
        switch model.tokens[nameIndex].kind {
        case .identifier: return model.text(ofToken: nameIndex)
        case .string: return ModuleImports.literal(model.text(ofToken: nameIndex))
        default: return nil
        }
    }

    /// `xhr.open(method, url, async, user, password)`: the password literal.
    private func xhrPasswords() -> Set<Int> {
        Set(model.calls.filter { $0.callee.hasSuffix(".open") && $0.arguments.count >= 5 }.map { $0.arguments[4].value.lowerBound })
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte | 0x20)
    }
}

/// Basic auth on requests to a `*.twilio.com` REST host, when both the host and
/// the Basic auth are visible in the file (whatever the credential values):
/// an `Authorization: Basic …` header (`fetch`, XHR, `URLRequest`), an axios
/// `auth: { username, password }` option, `xhr.open(…, user, password)`,
/// `URLCredential(user:password:)` or Alamofire's `authenticate(username:password:)`,
/// and `https://user:password@api.twilio.com` URLs.
struct BasicAuthRequests {
    let model: CodeModel

    /// Hosts under twilio.com that are not the REST API (docs, console, SDK downloads).
    static let nonAPIHosts: Set<String> = ["www", "console", "sdk", "status", "support", "help", "media-cdn"]

    func evidence() -> [CredentialUse] {
        guard hasRESTHost() else { return [] }
        return basicHeaders() + authOptions() + credentialCalls() + userInfoURLs()
    }

    /// A string literal names a REST host: `api.twilio.com`, `verify.twilio.com`, …
    func hasRESTHost() -> Bool {
        let file = model.file
        return model.tokens.contains { token in
            guard token.kind == .string else { return false }
            return twilioHosts(in: token.range).contains { !Self.nonAPIHosts.contains(file.text($0.label).lowercased()) }
        }
    }

    /// `host.twilio.com` occurrences in `range`: the first label and where the `.twilio.com` ends.
    private func twilioHosts(in range: Range<Int>) -> [(label: Range<Int>, end: Int)] {
        let bytes = model.file.bytes
        let suffix = Array(".twilio.com".utf8)
        var result: [(label: Range<Int>, end: Int)] = []
        var index = range.lowerBound
        while index + suffix.count <= range.upperBound {
            guard suffix.indices.allSatisfy({ ASCII.lowercased(bytes[index + $0]) == suffix[$0] }) else {
                index += 1
                continue
            }
            var start = index
            while start > range.lowerBound, StringLiteral.isAlphanumeric(bytes[start - 1]) || bytes[start - 1] == ASCII.minus || bytes[start - 1] == ASCII.dot {
                start -= 1
            }
            if start < index {
                let label = start..<(bytes[start..<index].firstIndex(of: ASCII.dot) ?? index)
                result.append((label, index + suffix.count))
            }
            index += suffix.count
        }
        return result
    }

    /// `'Basic ' + btoa(…)`, `` `Basic ${auth}` ``, `"Basic \(encoded)"` on a line (or the one after
    /// a line) that speaks of `Authorization`, `btoa` or base64.
    private func basicHeaders() -> [CredentialUse] {
        let file = model.file
        var result: [CredentialUse] = []
        for token in model.tokens where token.kind == .string {
            let inner = StringLiteral.inner(token.range, in: file)
            guard inner.count >= 5, file.text(inner.lowerBound..<(inner.lowerBound + 5)) == "Basic",
                  inner.count == 5 || file.bytes[inner.lowerBound + 5] == ASCII.space else { continue }
            let line = file.line(of: token.range.lowerBound)
            let context = file.text(file.lineRange(number: max(1, line - 1)).lowerBound..<file.lineRange(number: line).upperBound).lowercased()
            guard ["authorization", "btoa", "base64"].contains(where: context.contains) else { continue }
            result.append(CredentialUse(anchor: inner.lowerBound..<(inner.lowerBound + 5), extent: token.range))
        }
        return result
    }

    /// axios `auth: { username: sid, password: token }`.
    private func authOptions() -> [CredentialUse] {
        var result: [CredentialUse] = []
        for index in model.tokens.indices where model.token(index + 1, is: ":") && model.token(index + 2, is: "{") {
            let key = model.tokens[index]
            guard model.token(index, is: "auth") || (key.kind == .string && ModuleImports.literal(model.text(key.range)) == "auth"),
                  model.partner[index + 2] > index + 2 else { continue }
            let close = model.partner[index + 2]
            let keys = CallFinder(model).objectKeys(open: index + 2, close: close).map(\.key)
            guard keys.contains("username") || keys.contains("password") else { continue }
            result.append(CredentialUse(anchor: model.tokens[index].range,
                                        extent: model.tokens[index].range.lowerBound..<model.tokens[close].range.upperBound))
        }
        return result
    }

    /// `xhr.open(method, url, async, user[, password])`, `URLCredential(user:password:)`,
    /// `.authenticate(username:password:)`, `.authorization(username:password:)`.
    private func credentialCalls() -> [CredentialUse] {
        model.calls.filter { call in
            let labels = Set(call.arguments.compactMap(\.label))
            if labels.contains("password"), labels.contains("user") || labels.contains("username") { return true }
            return call.callee.hasSuffix(".open") && call.arguments.count >= 4 && model.file.language != .swift
        }.map { CredentialUse(anchor: $0.name, extent: $0.extent) }
    }

    /// `https://user:password@api.twilio.com/…` (the user and password may be interpolated).
    private func userInfoURLs() -> [CredentialUse] {
        let file = model.file
        var result: [CredentialUse] = []
        for token in model.tokens where token.kind == .string {
            for host in twilioHosts(in: token.range) where host.label.lowerBound > token.range.lowerBound
                && file.bytes[host.label.lowerBound - 1] == UInt8(ascii: "@") {
                let at = host.label.lowerBound - 1
                let line = file.lineRange(containing: at)
                let before = file.bytes[line.lowerBound..<at]
                guard let scheme = Self.lastIndex(of: Array("://".utf8), in: before) else { continue }
                let userInfo = (scheme + 3)..<at
                let text = file.bytes[userInfo]
                guard text.contains(ASCII.colon), !text.contains(where: { $0 == ASCII.slash || ASCII.isWhitespace($0) }) else { continue }
                result.append(CredentialUse(anchor: userInfo, extent: token.range.lowerBound..<host.end))
            }
        }
        return result
    }

    private static func lastIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.endIndex - needle.count
        while index >= haystack.startIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index -= 1
        }
        return nil
    }
}
