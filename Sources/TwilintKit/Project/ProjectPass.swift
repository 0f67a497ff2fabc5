/// The project pass: after every file was scanned on its own, links them through their
/// imports and answers the findings that depend on other files. One pass over small
/// values; a question without an answer (no caller or router in the scanned files, an
/// import it cannot resolve) keeps its per-file finding.
///
/// - TW007: a call whose error leaves its file through module-level helpers is handled
///   when every call of each helper in other files handles the error (and there is one), or
///   passes it on through helpers of its own whose calls do, in turn.
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
        let index = Index(modules)
        var answered = Set<FindingKey>()
        for module in asking {
            for question in module.facts.questions where question.helpers.allSatisfy({ index.answers(question.rule, helper: $0, of: module.facts) }) {
                answered.insert(FindingKey(path: module.path, rule: question.rule, offset: question.offset))
            }
        }
        return answered
    }

    /// The uses of every module's exports, found once.
    private struct Index {
        /// Calls of each export, with the identities of the calling module.
        var calls: [Export: [(call: ModuleFacts.ImportedCall, caller: [String])]] = [:]
        var mounts: [Export: [Bool]] = [:]
        var djangoRoots: [String] = []
        var validatingForms = Set<String>()
        /// `export * from './sms'` in an index: a name imported from the index is the module's.
        var reexporters: [String: [String]] = [:]

        init(_ modules: [(path: String, facts: ModuleFacts)]) {
            for (_, facts) in modules {
                for call in facts.importedCalls { calls[Export(module: call.module, name: call.name), default: []].append((call, facts.identities)) }
                for mount in facts.mounts { mounts[Export(module: mount.module, name: mount.name), default: []].append(mount.validated) }
                if let root = facts.validatesDjangoViewsUnder { djangoRoots.append(root + "/") }
                validatingForms.formUnion(facts.validatingForms)
                for reexported in facts.reexports { reexporters[reexported, default: []] += facts.identities }
            }
        }

        func answers(_ rule: String, helper: String, of module: ModuleFacts) -> Bool {
            if helper == ModuleFacts.djangoView {
                return djangoRoots.contains { root in module.identities.first?.hasPrefix(root) == true }
            }
            let exports = self.exports(named: helper, of: module.identities)
            if rule == ModuleFactsFinder.unsignedWebhook {
                let found = exports.flatMap { mounts[$0] ?? [] }
                return !found.isEmpty && found.allSatisfy { $0 }
            }
            if rule == ModuleFactsFinder.unhandledException {
                var visiting = Set<Export>()
                return handled(exports, visiting: &visiting)
            }
            let found = exports.flatMap { calls[$0] ?? [] }
            return !found.isEmpty && found.allSatisfy { use in
                use.call.answers(rule)
                    || (rule == ModuleFactsFinder.missingValidation && !use.call.validatedForms.isDisjoint(with: validatingForms))
            }
        }

        /// Whether every call of `exports` handles the error, or passes it on through helpers of
        /// its own module whose calls do, in turn (a cycle, or more than a few levels, does not).
        private func handled(_ exports: [Export], visiting: inout Set<Export>) -> Bool {
            let found = exports.flatMap { calls[$0] ?? [] }
            guard !found.isEmpty, visiting.count < 8 else { return false }
            visiting.formUnion(exports)
            defer { visiting.subtract(exports) }
            return found.allSatisfy { use in
                switch use.call.errors {
                case .handled: return true
                case .unhandled: return false
                case .passedOn(let helpers):
                    return helpers.allSatisfy { helper in
                        let next = self.exports(named: helper, of: use.caller)
                        return visiting.isDisjoint(with: next) && handled(next, visiting: &visiting)
                    }
                }
            }
        }

        private func exports(named name: String, of identities: [String]) -> [Export] {
            (identities + identities.flatMap { reexporters[$0] ?? [] }).map { Export(module: $0, name: name) }
        }
    }

    /// A module's export, by the module's identity and the exported name.
    private struct Export: Hashable {
        var module: String
        var name: String
    }
}
