import Matching

/// TW004: Twilio credentials in code that ships to users. In a client-side file
/// (`ClientSide`): a hardcoded SID, auth token or key secret, a REST client built
/// from the server `twilio` package, or Basic auth on a request to a
/// `*.twilio.com` REST host. In any Swift file: a credential read from the app's
/// `Info.plist`. In any file: a credential read from a public build-time variable
/// (`REACT_APP_TWILIO_AUTH_TOKEN`, `import.meta.env.VITE_TWILIO_API_SECRET`).
/// One finding per credential: a construction or Basic auth whose credentials
/// are already reported (as literals or public-variable reads) is not reported again.
struct ClientSideCredentialsAnalyzer: Analyzer {
    let name = "client-side-credentials"

    /// An Account or API Key SID (looked for only where the secret rules' shared gate saw a
    /// credential-shaped run): with a mention of Twilio, the rule file's `names-twilio-or-sid` gate.
    static let holdsSID = try! PCRE2Matcher(#"(?<![A-Za-z0-9])(?:AC|SK)[0-9a-fA-F]{32}(?![A-Za-z0-9])"#)
    /// Functions Next.js runs only on the server, even in a page file.
    private static let serverOnlyFunctions: Set<String> = ["getServerSideProps", "getStaticProps", "getStaticPaths"]

    func findings(in file: SourceFile) -> [Range<Int>] {
        guard file.language.isSource || file.language == .html, !file.path.hasSuffix(".d.ts") else { return [] }
        // Python is never client-side: only a public variable read can be found there.
        let publicVariables = contains(PublicVariableReads.prefilter, file)
        guard file.language != .python || publicVariables else { return [] }
        let model = CodeModel.of(file)
        var found = publicVariables ? PublicVariableReads(model: model).credentialReads() : []
        if file.language == .swift { found += BundleReads(model: model).credentialReads() }
        if file.language != .python, ClientSide.of(file).isClientSide {
            found += clientFindings(model, reading: found).filter { !inServerOnlyFunction($0, model) }
        }
        var seen = Set<Int>()
        return found.sorted { $0.lowerBound < $1.lowerBound }.filter { seen.insert($0.lowerBound).inserted }
    }

    private func contains(_ matcher: PCRE2Matcher, _ file: SourceFile) -> Bool {
        (try? file.withBytes(matcher.matches)) == true
    }

    /// Hardcoded secrets, then constructions and Basic auth whose credentials are not
    /// already reported (as those literals, or as the credential reads in `reads`).
    private func clientFindings(_ model: CodeModel, reading reads: [Range<Int>]) -> [Range<Int>] {
        let clients = TwilioClientConstructions(model: model)
        let secrets = HardcodedCredentials(model: model, credentialArguments: clients.credentialArguments()).ranges()
        let file = model.file
        let reported = secrets + reads
        let reportedLines = Set(reported.map { file.line(of: $0.lowerBound) })
        func covered(_ extent: Range<Int>, at anchor: Range<Int>) -> Bool {
            reportedLines.contains(file.line(of: anchor.lowerBound)) || reported.contains { extent.contains($0.lowerBound) }
        }
        let constructions = clients.constructions().filter { !covered($0.extent, at: $0.anchor) }.map(\.anchor)
        let basicAuth = BasicAuthRequests(model: model).evidence().filter { !covered($0.extent, at: $0.anchor) }.map(\.anchor)
        return secrets + constructions + basicAuth
    }

    private func inServerOnlyFunction(_ range: Range<Int>, _ model: CodeModel) -> Bool {
        guard model.file.language == .javascript || model.file.language == .typescript else { return false }
        return model.enclosingFunctions(of: range.lowerBound).contains { scope in
            scope.name.map(Self.serverOnlyFunctions.contains) == true
        }
    }
}

/// A place to report (`anchor`) and the code it stands for (`extent`).
struct CredentialUse {
    var anchor: Range<Int>
    var extent: Range<Int>
}

/// Helpers over string tokens shared by the TW004 finders.
enum StringLiteral {
    /// The text between the quotes of a string token (a piece between two
    /// interpolations has no quotes of its own).
    static func inner(_ range: Range<Int>, in file: SourceFile) -> Range<Int> {
        let bytes = file.bytes
        var start = range.lowerBound, end = range.upperBound
        let prefixes = Set("rbufRBUF#".utf8), quotes = Set("\"'`#".utf8)
        var scan = start
        while scan < end, prefixes.contains(bytes[scan]) { scan += 1 }
        if scan < end, quotes.contains(bytes[scan]) {
            start = scan
            while start < end, quotes.contains(bytes[start]) { start += 1 }
        }
        while end > start, quotes.contains(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// Maximal runs of ASCII letters and digits inside `range`.
    static func alphanumericRuns(in range: Range<Int>, of file: SourceFile) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for index in range {
            if isAlphanumeric(file.bytes[index]) {
                if start == nil { start = index }
            } else if let first = start {
                runs.append(first..<index)
                start = nil
            }
        }
        if let first = start { runs.append(first..<range.upperBound) }
        return runs
    }

    /// Lower-cased letters and digits of a name: `TWILIO_AUTH_TOKEN` → `twilioauthtoken`.
    static func normalized(_ name: String) -> String {
        String(decoding: name.lowercased().utf8.filter(isAlphanumeric), as: UTF8.self)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool { ASCII.isLetter(byte) || ASCII.isDigit(byte) }
}

/// Credential names in keys and Info.plist entries, judged on their normalized form.
enum CredentialName {
    /// Names that end in one of these words name where a credential comes from, not the credential.
    private static let locationWords = ["url", "uri", "endpoint", "path", "host", "domain", "route"]

    /// `AUTH_TOKEN`, `authToken`, `TWILIO_API_SECRET`, `twilio_token`, `apiKeySecret`: the names TW002 knows.
    static func isSecretName(_ name: String) -> Bool {
        let key = StringLiteral.normalized(name)
        return key.contains("authtoken") || key.contains("twiliotoken") || key.contains("apisecret")
            || key.contains("apikeysecret") || key.contains("keysecret")
    }

    /// A Twilio credential setting: a secret name, or a name that mentions Twilio and a SID, token, secret or key.
    static func isTwilioCredentialSetting(_ name: String) -> Bool {
        let key = StringLiteral.normalized(name)
        if locationWords.contains(where: key.hasSuffix) { return false }
        if isSecretName(name) { return true }
        return key.contains("twilio") && ["sid", "token", "secret", "key"].contains(where: key.contains)
    }
}
