/// The project pass: after every file was scanned on its own, links them through their
/// imports and answers the findings that depend on other files. One pass over small
/// values; a question without an answer (no caller or router in the scanned files, an
/// import it cannot resolve) keeps its per-file finding.
///
/// - TW007: a call whose error leaves its file through module-level helpers is handled
///   when every call of each helper in other files handles the error (and there is one).
/// - TW005, TW010: a send to a parameter of a module-level helper no code in its file calls
///   is validated (has its opt-out check) when every caller elsewhere validates the number in
///   its function (checks opt-out in its file); for TW005, a caller that asks `is_valid()` of a
///   form whose class (by name, anywhere in the project) checks a phone number counts too.
/// - TW003: a Django view is validated when its project's settings list a signature-validating
///   middleware in `MIDDLEWARE`.
/// - TW003: a controller is validated when every route that mounts it applies signature
///   validation (and one does).
struct ProjectPass {
    let modules: [(path: String, facts: ModuleFacts)]

    /// The findings the other files answer: they are dropped from the report.
    func answeredFindings() -> Set<FindingKey> {
        let asking = modules.filter { !$0.facts.questions.isEmpty }
        guard !asking.isEmpty else { return [] }
        var calls: [Export: [ModuleFacts.ImportedCall]] = [:]
        var mounts: [Export: [Bool]] = [:]
        for module in modules {
            for call in module.facts.importedCalls { calls[Export(module: call.module, name: call.name), default: []].append(call) }
            for mount in module.facts.mounts { mounts[Export(module: mount.module, name: mount.name), default: []].append(mount.validated) }
        }
        let djangoRoots = modules.compactMap { $0.facts.validatesDjangoViewsUnder }.map { $0 + "/" }
        let validatingForms = modules.reduce(into: Set<String>()) { $0.formUnion($1.facts.validatingForms) }
        // `export * from './sms'` in an index: a name imported from the index is the module's.
        var reexporters: [String: [String]] = [:]
        for module in modules {
            for reexported in module.facts.reexports { reexporters[reexported, default: []] += module.facts.identities }
        }
        var answered = Set<FindingKey>()
        for module in asking {
            for question in module.facts.questions {
                let yes = question.helpers.allSatisfy { helper in
                    if helper == ModuleFacts.djangoView {
                        return djangoRoots.contains { root in module.facts.identities.first?.hasPrefix(root) == true }
                    }
                    let identities = module.facts.identities + module.facts.identities.flatMap { reexporters[$0] ?? [] }
                    let exports = identities.map { Export(module: $0, name: helper) }
                    let found = question.rule == ModuleFactsFinder.unsignedWebhook
                        ? exports.flatMap { mounts[$0] ?? [] }
                        : exports.flatMap { calls[$0] ?? [] }.map { call in
                            call.answers(question.rule)
                                || (question.rule == ModuleFactsFinder.missingValidation && !call.validatedForms.isDisjoint(with: validatingForms))
                        }
                    return !found.isEmpty && found.allSatisfy { $0 }
                }
                if yes { answered.insert(FindingKey(path: module.path, rule: question.rule, offset: question.offset)) }
            }
        }
        return answered
    }

    /// A module's export, by the module's identity and the exported name.
    private struct Export: Hashable {
        var module: String
        var name: String
    }
}
