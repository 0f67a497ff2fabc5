/// TW005: a send to a destination that is neither fixed by the code (a literal,
/// configuration) nor checked for E.164 form in the function that sends it, and
/// not validated earlier in the file under the same name.
struct MissingE164Validation: Analyzer {
    let name = "missing-e164-validation"

    func findings(in file: SourceFile) -> [Range<Int>] {
        guard file.language.isSource else { return [] }
        let sends = TwilioFacts.of(file).sends.filter { $0.kind != .verificationCheck && $0.destination == .runTime }
        guard !sends.isEmpty else { return [] }
        let model = CodeModel.of(file)
        let validation = PhoneValidation(model)
        // Sends share their functions: each function is judged once.
        let validated = RangeCache<Bool>()
        return sends.filter { send in
            let scope = send.judgedRange(in: file)
            return !validated.value(for: scope) { validation.validates(in: scope) }
                && !validation.validatesVariable(model.text(send.recipient), before: send.anchor.lowerBound, scope: scope)
        }.map(\.anchor)
    }
}
