import Matching

/// Evidence that code checks or normalises a phone number to E.164 before
/// sending: an E.164 regex (`\+[1-9]\d{1,14}` and its variants, in any string or
/// regex literal), `phonenumbers`, libphonenumber-js / google-libphonenumber,
/// PhoneNumberKit, Twilio Lookup, a helper whose name says it validates or
/// normalises a phone (`validate_e164`, `isValidPhone`, `normalize_phone`,
/// `to_e164`), or a name bound to an E.164 regex or a same-file validating helper.
/// A `whatsapp:` prefix or a bare `+`/country code glued on is not validation.
struct PhoneValidation {
    let model: CodeModel
    private var file: SourceFile { model.file }

    init(_ model: CodeModel) { self.model = model }

    /// `\+[1-9]`, `\\+\\d`, `[+]?[0-9]`, `\+1\d{10}`: an escaped plus followed by a digit class.
    private static let e164Regex = try! PCRE2Matcher(#"(?:\\{1,2}\+|\[\+\])\??(?:\[1-9\]|\[0-9\]|\\{1,2}d|[1-9])"#)

    private static let libraryCalls: Set<String> = [
        "is_valid_number", "is_possible_number", "format_number", "parsePhoneNumber", "parsePhoneNumberFromString",
        "parsePhoneNumberWithError", "isValidPhoneNumber", "isPossiblePhoneNumber", "validatePhoneNumberLength",
        "isValidNumber", "parseAndKeepRawInput", "isValidNumberForRegion",
    ]
    private static let libraryNames = ["phonenumbers", "PhoneNumberKit", "phoneNumberKit", "PhoneNumberUtility", "phoneNumberUtility", "phoneUtil"]

    /// Whether the code in `range` validates a phone number.
    func validates(in range: Range<Int>) -> Bool {
        let names = validatingNames
        for index in model.tokenIndices(in: range) {
            let token = model.tokens[index]
            switch token.kind {
            case .string, .regex:
                if isE164Pattern(token.range) || model.text(token.range).contains("lookups.twilio.com") { return true }
            case .identifier:
                if names.contains(model.text(token.range)) { return true }
            default:
                break
            }
        }
        return model.calls(in: range).contains(where: isValidatingCall)
    }

    /// Whether `recipient` (e.g. `self.phone`) was validated by an earlier statement of the file:
    /// `self.phone = to_e164(raw)` or `validate_phone(self.phone)` before `offset`. A plain local
    /// name counts only when validated in `scope` or at module level: another function's
    /// `number` is another variable.
    func validatesVariable(_ recipient: String, before offset: Int, scope: Range<Int>) -> Bool {
        let wanted = Self.squeezed(recipient)
        guard !wanted.isEmpty, let places = validatedNames[wanted] else { return false }
        let earlier = places.prefix { $0.offset < offset }
        if wanted.contains(".") { return !earlier.isEmpty }
        return earlier.contains { $0.isModuleLevel || scope.contains($0.offset) }
    }

    /// Where each expression is validated (an argument of a validating call, or the name
    /// it is assigned to), by offset: built once per file, so every send asks a dictionary.
    private var validatedNames: [String: [(offset: Int, isModuleLevel: Bool)]] {
        file.memo("phone-validated-names") {
            var places: [String: [(offset: Int, isModuleLevel: Bool)]] = [:]
            for call in model.calls where isValidatingCall(call) {
                let place = (call.name.lowerBound, model.enclosingFunction(of: call.name.lowerBound) == nil)
                var names = Set(call.arguments.map { Self.squeezed(model.text($0.value)) })
                let line = file.lineRange(containing: call.extent.lowerBound)
                let head = model.text(line.lowerBound..<call.extent.lowerBound)
                if let equals = head.range(of: "=") {
                    names.insert(Self.squeezed(head[..<equals.lowerBound].split(separator: " ").last.map(String.init) ?? ""))
                }
                for name in names where !name.isEmpty { places[name, default: []].append(place) }
            }
            return places
        }
    }

    private static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// A call that validates or normalises a phone: a library API, Twilio Lookup, or a helper so named.
    func isValidatingCall(_ call: CallSite) -> Bool {
        let name = model.text(call.name)
        if Self.libraryCalls.contains(name) { return true }
        if Self.libraryNames.contains(where: call.callee.contains) { return true }
        if call.callee.contains("lookups"), call.callee.contains("phone_numbers") || call.callee.contains("phoneNumbers") { return true }
        return Self.isValidatorName(name)
    }

    /// `validate_e164`, `isValidPhone`, `normalize_phone`, `to_e164`, `formatE164`, `sanitizePhoneNumber`.
    static func isValidatorName(_ name: String) -> Bool {
        let lowered = name.lowercased().replacingOccurrences(of: "_", with: "")
        if lowered.contains("e164") { return true }
        let verbs = ["valid", "normali", "sanitiz", "sanitis", "canonical", "format", "clean", "parse", "check", "ensure"]
        if lowered.contains("phone") || lowered.contains("msisdn") { return verbs.contains(where: lowered.contains) }
        if lowered.contains("number") { return ["valid", "normali", "canonical"].contains(where: lowered.contains) }
        return false
    }

    private func isE164Pattern(_ range: Range<Int>) -> Bool {
        guard range.count >= 5, file.bytes[range].contains(UInt8(ascii: "+")) else { return false }
        return file.withBytes { bytes in
            (try? Self.e164Regex.matches(UnsafeBufferPointer(rebasing: bytes[range]))) ?? false
        }
    }

    /// Names that stand for validation wherever they are used: bound to an E.164 regex
    /// (`E164 = re.compile(r"^\+[1-9]\d{1,14}$")`) or naming a same-file function whose
    /// body validates (`def clean(n): return phonenumbers.format_number(…)`).
    private var validatingNames: Set<String> {
        file.memo("phone-validation-names") {
            var names = Set<String>()
            for index in model.tokens.indices where [.string, .regex].contains(model.tokens[index].kind) {
                guard isE164Pattern(model.tokens[index].range) else { continue }
                let line = file.lineRange(containing: model.tokens[index].range.lowerBound)
                var cursor = model.tokenIndex(atOrAfter: line.lowerBound)
                while cursor < index {
                    if model.isIdentifier(cursor), model.token(cursor + 1, is: "=") || model.token(cursor + 1, is: ":") {
                        names.insert(model.text(ofToken: cursor))
                        break
                    }
                    cursor += 1
                }
            }
            for function in model.functions {
                guard let name = function.name?.split(separator: ".").last.map(String.init), !names.contains(name) else { continue }
                let body = model.tokenIndices(in: function.body)
                let validates = body.contains { index in
                    let token = model.tokens[index]
                    return ([.string, .regex].contains(token.kind) && isE164Pattern(token.range))
                        || (token.kind == .identifier && names.contains(model.text(token.range)))
                } || model.calls(in: function.body).contains(where: isValidatingCall)
                if validates { names.insert(name) }
            }
            return names
        }
    }
}
