/// TW006: a phone-number string literal used as a destination or sender
/// (`to`/`from_`/`from`/`caller_id`/`callerId`, a `To`/`From` form field), dialled
/// through TwiML (`dial`/`Dial`/`Number`, `<Dial>`/`<Number>` in a TwiML string),
/// assigned to a phone-like name or given as the fallback of one
/// (`os.environ.get("SUPPORT_PHONE", "+1…")`), or held in a list or map that is
/// assigned to such a name or dialled. Comments, docstrings, prose that quotes a
/// number as a format example, regex literals, config files and tests are left alone,
/// and so is Twilio's public WhatsApp sandbox number, the same for every account.
struct HardcodedPhoneNumber: Analyzer {
    let name = "hardcoded-phone-number"

    func findings(in file: SourceFile) -> [Range<Int>] {
        guard file.language.isSource, file.withBytes(PhoneNumberText.mayContainPhoneNumber) else { return [] }
        let model = CodeModel.of(file)
        let reader = Reader(model: model)
        var found: [Range<Int>] = []
        for index in model.tokens.indices where model.tokens[index].kind == .string {
            let content = reader.content(of: model.tokens[index].range)
            // Every phone number has 8 or more digits: count them before making a String.
            guard content.count >= 8, model.bytes[content].lazy.filter({ ASCII.isDigit($0) }).count >= 8 else { continue }
            let text = model.text(content)
            if PhoneNumberText.isPhoneNumber(text) {
                if reader.isPhoneUse(index), !PhoneNumberText.isTwilioPlatformNumber(text) { found.append(content) }
            } else if text.contains("<Dial") || text.contains("<Number") || text.contains("=") {
                found += PhoneNumberText.embeddedNumbers(in: text).map { ($0.lowerBound + content.lowerBound)..<($0.upperBound + content.lowerBound) }
            }
        }
        return found
    }

    /// Reads the code around one literal.
    private struct Reader {
        let model: CodeModel
        var file: SourceFile { model.file }

        private static let twimlCalls: Set<String> = ["dial", "Dial", "number", "Number"]
        private static let environmentGetters: Set<String> = ["get", "getenv", "env", "setdefault", "config"]

        /// The literal's text without prefixes (`r`, `f`, `#`) and quotes.
        func content(of range: Range<Int>) -> Range<Int> {
            var lower = range.lowerBound, upper = range.upperBound
            let bytes = file.bytes
            while lower < upper, "rRbBuUfF".utf8.contains(bytes[lower]), lower + 1 < upper, "\"'rRbBuUfF".utf8.contains(bytes[lower + 1]) { lower += 1 }
            while lower < upper, "\"'`#".utf8.contains(bytes[lower]) { lower += 1 }
            while upper > lower, "\"'`#".utf8.contains(bytes[upper - 1]) { upper -= 1 }
            return lower..<upper
        }

        func isPhoneUse(_ index: Int) -> Bool {
            let previous = index - 1
            guard previous >= 0 else { return false }
            if model.token(previous, is: "=") || model.token(previous, is: ":") || model.token(previous, is: ":=") {
                if let name = name(before: previous) {
                    if PhoneNumberText.isPhoneName(name) { return true }
                    if name == "default" || name == "value", let call = enclosingCall(of: index),
                       let key = keyName(of: call), PhoneNumberText.isPhoneName(key) { return true }
                }
            }
            if model.token(previous, is: "||") || model.token(previous, is: "??") || model.token(previous, is: "or") {
                if let key = fallbackKey(before: previous), PhoneNumberText.isPhoneName(key) { return true }
                if let target = assignmentTarget(onLineOf: index), PhoneNumberText.isPhoneName(target) { return true }
            }
            if model.token(previous, is: "(") || model.token(previous, is: ","), let call = enclosingCall(of: index) {
                let callName = model.text(call.name)
                if Self.twimlCalls.contains(callName) { return true }
                if Self.environmentGetters.contains(callName), call.arguments.count >= 2,
                   call.arguments[1].value.lowerBound == model.tokens[index].range.lowerBound,
                   let key = keyName(of: call), PhoneNumberText.isPhoneName(key) { return true }
            }
            return isInPhoneCollection(index)
        }

        /// The variable, key or label a value is given to: `phone =`, `"From":`, `to=`, `let number: String =`.
        private func name(before operatorIndex: Int) -> String? {
            let before = operatorIndex - 1
            guard before >= 0 else { return nil }
            let token = model.tokens[before]
            if token.kind == .string { return CallFinder.unquoted(model.text(token.range)) }
            if token.kind == .identifier, !model.token(before - 1, is: ":") || !model.token(operatorIndex, is: "=") {
                return model.text(token.range)
            }
            // A type annotation sits between the name and `=`: walk back on the line to `name:`.
            let line = file.line(of: model.tokens[operatorIndex].range.lowerBound)
            var cursor = before
            while cursor > 0, file.line(of: model.tokens[cursor].range.lowerBound) == line {
                if model.partner[cursor] >= 0, model.partner[cursor] < cursor {
                    cursor = model.partner[cursor] - 1  // skip `[String: String]`, `Optional<T>` is not bracketed
                    continue
                }
                if model.token(cursor, is: ":"), model.isIdentifier(cursor - 1) { return model.text(ofToken: cursor - 1) }
                cursor -= 1
            }
            return token.kind == .identifier ? model.text(token.range) : nil
        }

        /// The environment key a fallback belongs to: `process.env.TWILIO_NUMBER ||`,
        /// `environment["TWILIO_NUMBER"] ??`, `Environment.get("TWILIO_NUMBER") ??`, `os.getenv("X") or`.
        private func fallbackKey(before operatorIndex: Int) -> String? {
            let before = operatorIndex - 1
            if model.isIdentifier(before) { return model.text(ofToken: before) }
            guard before >= 0, model.partner[before] >= 0, model.partner[before] < before else { return nil }
            let inside = (model.partner[before] + 1)..<before
            return inside.first { model.tokens[$0].kind == .string }.map { CallFinder.unquoted(model.text(ofToken: $0)) }
        }

        /// `SUPPORT = …` or `let support = …` on the literal's line: the name before the first `=`.
        private func assignmentTarget(onLineOf index: Int) -> String? {
            let line = file.lineRange(containing: model.tokens[index].range.lowerBound)
            var cursor = model.tokenIndex(atOrAfter: line.lowerBound)
            while cursor < index {
                if model.token(cursor, is: "=") { return name(before: cursor) }
                cursor += 1
            }
            return nil
        }

        private func enclosingCall(of index: Int) -> CallSite? {
            model.innermostCall(withArgumentsHolding: model.tokens[index].range.lowerBound)
        }

        /// The key a call reads or names: its first string argument (`get("SUPPORT_PHONE", …)`,
        /// `URLQueryItem(name: "From", …)`).
        private func keyName(of call: CallSite) -> String? {
            let first = call.arguments.first { argument in
                let start = model.tokenIndex(atOrAfter: argument.value.lowerBound)
                return start < model.tokens.count && model.tokens[start].kind == .string
                    && model.tokens[start].range.upperBound == argument.value.upperBound
            }
            return first.map { CallFinder.unquoted(model.text($0.value)) }
        }

        /// A literal inside a list or map (`ON_CALL = ["+1…", …]`, `DEPARTMENTS = {"1": "+1…"}`)
        /// bound to a phone-like name, or to a name that the file dials or sends to.
        private func isInPhoneCollection(_ index: Int) -> Bool {
            guard let opener = enclosingOpener(of: index), model.token(opener, is: "[") || model.token(opener, is: "{")
                    || (model.token(opener, is: "(") && !model.isIdentifier(opener - 1)) else { return false }
            // `NAME = [...]`, `let name: [String: String] = [...]`, or a key of an outer literal.
            let binding = opener - 1
            guard binding >= 0, model.token(binding, is: "=") || model.token(binding, is: ":"),
                  let name = name(before: binding) else { return false }
            if PhoneNumberText.isPhoneName(name) { return true }
            return isDialledOrSentTo(name)
        }

        /// The unmatched opening bracket before token `index`.
        private func enclosingOpener(of index: Int) -> Int? {
            var cursor = index - 1
            while cursor >= 0 {
                let partner = model.partner[cursor]
                if partner > cursor { return cursor }
                if partner >= 0, partner < cursor { cursor = partner }
                cursor -= 1
            }
            return nil
        }

        /// Whether `name` appears in what a TwiML dial or a send's `to`/`from` is given.
        private func isDialledOrSentTo(_ name: String) -> Bool {
            file.memo("dialled-names") { dialledNames() }.contains(name)
        }

        private func dialledNames() -> Set<String> {
            var names = Set<String>()
            for call in model.calls {
                var values: [Range<Int>] = []
                if Self.twimlCalls.contains(model.text(call.name)) { values = call.arguments.map(\.value) }
                for label in ["to", "from_", "from", "caller_id", "callerId", "To", "From"] {
                    if let value = call.argument(named: label) { values.append(value) }
                }
                for value in values {
                    let start = model.tokenIndex(atOrAfter: value.lowerBound)
                    var cursor = start
                    while cursor < model.tokens.count, model.tokens[cursor].range.upperBound <= value.upperBound {
                        if model.isIdentifier(cursor) { names.insert(model.text(ofToken: cursor)) }
                        cursor += 1
                    }
                }
            }
            return names
        }
    }
}
