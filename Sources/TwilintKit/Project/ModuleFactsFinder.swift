import Foundation

/// Finds one file's `ModuleFacts` while it is scanned. Only Python and JS/TS files of a
/// project whose manifest depends on Twilio take part: elsewhere the per-file answer stands,
/// and the rest of a large tree (its dependencies, other projects) pays nothing.
struct ModuleFactsFinder {
    let lookup: ProjectLookup

    /// `findings`: for each analyzer name, the offsets of the file's findings it made. A test
    /// file's calls and routes do not count (tests call helpers bare on purpose).
    func facts(of file: SourceFile, findings: [String: Set<Int>]) -> ModuleFacts? {
        guard [.python, .javascript, .typescript].contains(file.language), lookup.dependsOnTwilio(from: Self.folder(of: file.path)) else { return nil }
        let location = FileLocation(path: file.path, lookup: lookup)
        var facts = ModuleFacts(identities: Self.identities(of: location))
        facts.questions = questions(in: file, findings: findings)
        facts.validatesDjangoViewsUnder = djangoValidationRoot(of: file, location: location)
        if file.language == .python, file.contains("def clean") || file.contains("def validate") {
            facts.validatingForms = validatingForms(in: CodeModel.of(file))
        }
        if file.language != .python, location.baseName == "index", file.contains("export *") {
            facts.reexports = ProjectImports(model: CodeModel.of(file), location: location, lookup: lookup).wholeReexports()
        }
        if ProjectImports.mayImport(file), !FileRole.isTest(file) {
            let model = CodeModel.of(file)
            let bindings = ProjectImports(model: model, location: location, lookup: lookup).bindings()
            if !bindings.isEmpty {
                facts.importedCalls = importedCalls(in: model, bindings: bindings)
                facts.mounts = mounts(in: model, bindings: bindings)
            }
        }
        return facts.isEmpty ? nil : facts
    }

    /// Whether the file at `path` may take part, by its folder alone (before it is read):
    /// its project's manifest depends on Twilio.
    static func mayTakePart(_ path: String, lookup: ProjectLookup = .shared) -> Bool {
        lookup.dependsOnTwilio(from: folder(of: path))
    }

    /// The absolute folder of `path`, by string alone: the gate runs for every file of a scan.
    private static let workingFolder = FileManager.default.currentDirectoryPath

    static func folder(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : workingFolder + "/" + path
        guard let slash = absolute.lastIndex(of: "/"), slash != absolute.startIndex else { return "/" }
        return FileLocation.standardized(String(absolute[..<slash]))
    }

    /// The path without its extension, and for an index module its folder.
    static func identities(of location: FileLocation) -> [String] {
        let path = location.absolutePath
        let stem = location.fileName.contains(".") ? String(path[..<path.lastIndex(of: ".")!]) : path
        let base = location.baseName
        if base == "index" || base == "__init__", let folder = location.folder { return [stem, folder] }
        return [stem]
    }

    // MARK: - Questions

    static let unhandledException = "unhandled-twilio-exception"
    static let unsignedWebhook = "unsigned-webhook"
    static let missingValidation = "missing-e164-validation"
    static let missingOptOutCheck = "send-without-opt-out-check"

    private func questions(in file: SourceFile, findings: [String: Set<Int>]) -> [ModuleFacts.Question] {
        var questions: [ModuleFacts.Question] = []
        if let offsets = findings[Self.unhandledException] {
            for open in TwilioErrorHandling.of(file).open where offsets.contains(open.call.lowerBound) {
                questions.append(.init(rule: Self.unhandledException, offset: open.call.lowerBound, helpers: open.helpers))
            }
        }
        if let offsets = findings[Self.unsignedWebhook] {
            // A controller routed in another file: the router says whether validation applies.
            for handler in WebhookHandlers.of(file) where offsets.contains(handler.function.anchor.lowerBound) {
                let offset = handler.function.anchor.lowerBound
                if handler.framework == .django {
                    questions.append(.init(rule: Self.unsignedWebhook, offset: offset, helpers: [ModuleFacts.djangoView]))
                } else if handler.framework == .controller, let name = handler.function.name?.split(separator: ".").last.map(String.init) {
                    questions.append(.init(rule: Self.unsignedWebhook, offset: offset, helpers: [name]))
                }
            }
        }
        for rule in [Self.missingValidation, Self.missingOptOutCheck] {
            guard let offsets = findings[rule] else { continue }
            for send in TwilioFacts.of(file).sends where offsets.contains(send.anchor.lowerBound) {
                if let helper = helperReceiving(send, in: file) {
                    questions.append(.init(rule: rule, offset: send.anchor.lowerBound, helpers: [helper]))
                }
            }
        }
        return questions
    }

    /// The module-level helper whose parameter a send's number is, when nothing in the file calls it.
    private func helperReceiving(_ send: TwilioSend, in file: SourceFile) -> String? {
        let model = CodeModel.of(file)
        guard let scope = send.scope, let name = scope.name?.split(separator: ".").last.map(String.init),
              model.enclosingFunction(of: scope.extent.lowerBound) == nil else { return nil }
        let recipient = model.text(send.recipient)
        guard scope.parameters.contains(where: { recipient == $0 || recipient.hasPrefix($0 + ".") || recipient.hasPrefix($0 + "[") }),
              model.calls(to: [name, "self.\(name)", "this.\(name)"]).allSatisfy({ scope.extent.contains($0.name.lowerBound) })
        else { return nil }
        return name
    }

    /// For a Django settings module (`settings.py`, or a module of a `settings/` package) whose
    /// `MIDDLEWARE` lists a class named as a Twilio signature validator
    /// (`"sms.middleware.TwilioSignatureMiddleware"`), the project folder above the settings package.
    private func djangoValidationRoot(of file: SourceFile, location: FileLocation) -> String? {
        guard file.language == .python, file.contains("MIDDLEWARE"), let folder = location.folder else { return nil }
        let inPackage = (folder as NSString).lastPathComponent == "settings"
        guard location.fileName == "settings.py" || inPackage else { return nil }
        let model = CodeModel.of(file)
        guard let start = model.tokens.indices.first(where: { model.token($0, is: "MIDDLEWARE") && model.token($0 + 1, is: "=") }),
              model.partner[start + 2] > start + 2 else { return nil }
        let listed = (start + 3)..<model.partner[start + 2]
        guard listed.contains(where: { model.tokens[$0].kind == .string
            && WebhookValidation.namesValidator(String(CallFinder.unquoted(model.text(ofToken: $0)).split(separator: ".").last ?? "")) })
        else { return nil }
        let package = inPackage ? (folder as NSString).deletingLastPathComponent : folder
        return (package as NSString).deletingLastPathComponent
    }

    // MARK: - Uses of imported helpers

    /// The calls of imported helpers, `helper(…)` or `module.helper(…)`, each judged.
    private func importedCalls(in model: CodeModel, bindings: [String: ProjectImports.Binding]) -> [ModuleFacts.ImportedCall] {
        var targets: [(module: String, name: String)] = []
        var sites: [CallSite] = []
        for call in model.calls {
            guard let target = target(of: call.callee, bindings: bindings) else { continue }
            targets.append(target)
            sites.append(call)
        }
        guard !sites.isEmpty else { return [] }
        let handled = TwilioErrorHandling.handling(of: sites, in: model)
        let validation = PhoneValidation(model)
        // Calls share their functions: each is judged once.
        let validated = RangeCache<Bool>()
        let checksOptOut = SendWithoutOptOutCheck.checksOptOut(model)
        return sites.indices.map { index in
            let function = model.enclosingFunctions(of: sites[index].name.lowerBound).first { $0.name != nil }
            let scope = function?.extent ?? 0..<model.file.bytes.count
            return ModuleFacts.ImportedCall(
                module: targets[index].module, name: targets[index].name, errors: handled[index],
                validatesNumber: validated.value(for: scope) { validation.validates(in: scope) }, checksOptOut: checksOptOut,
                validatedForms: function.map { formsAskedIsValid(in: $0, model: model) } ?? [])
        }
    }

    /// What a callee or handler reference names through the file's imports: `send` bound by
    /// `import { send }`, `sms.send` with `sms` a whole module, `app.utils.send` after `import app.utils`.
    /// A folder's index that re-exports its modules (`import * as controllers from './controllers'`,
    /// then `controllers.sms.reply`) names `controllers/sms`'s `reply`, when that module exists.
    func target(of reference: String, bindings: [String: ProjectImports.Binding]) -> (module: String, name: String)? {
        if let binding = bindings[reference], binding.name != ProjectImports.wholeModule { return (binding.module, binding.name) }
        guard let dot = reference.lastIndex(of: ".") else { return nil }
        let owner = String(reference[..<dot]), member = String(reference[reference.index(after: dot)...])
        guard !member.contains("(") else { return nil }
        if let binding = bindings[owner], binding.name == ProjectImports.wholeModule { return (binding.module, member) }
        let parts = owner.split(separator: ".")
        guard parts.count == 2, let binding = bindings[String(parts[0])], binding.name == ProjectImports.wholeModule,
              lookup.scriptModuleExists(binding.module + "/" + parts[1]) else { return nil }
        return (binding.module + "/" + parts[1], member)
    }

    // MARK: - Forms that validate phone numbers

    /// Classes with a `clean…`/`validate…` method that checks a phone number's form
    /// (`phonenumbers.is_valid_number`, an E.164 regex): Django forms, DRF serializers.
    private func validatingForms(in model: CodeModel) -> Set<String> {
        let validation = PhoneValidation(model)
        var forms = Set<String>()
        for function in model.functions {
            guard let name = function.name?.split(separator: ".").last, name.hasPrefix("clean") || name.hasPrefix("validate"),
                  function.parameters.first == "self", validation.validates(in: function.extent),
                  let owner = enclosingClass(of: function, in: model) else { continue }
            forms.insert(owner)
        }
        return forms
    }

    /// The Python class a method is defined in: the nearest `class Name` above it, indented less.
    private func enclosingClass(of function: FunctionScope, in model: CodeModel) -> String? {
        let indentation = model.indentation(ofLineAt: function.anchor.lowerBound)
        var index = model.tokenIndex(atOrAfter: function.extent.lowerBound) - 1
        while index > 0 {
            if model.token(index, is: "class"), model.startsLine(index), model.isIdentifier(index + 1) {
                return model.indentation(ofLineAt: model.tokens[index].range.lowerBound) < indentation ? model.text(ofToken: index + 1) : nil
            }
            index -= 1
        }
        return nil
    }

    /// `form = VerificationForm(request.POST)` … `if form.is_valid():` in `function`: the class names.
    private func formsAskedIsValid(in function: FunctionScope, model: CodeModel) -> Set<String> {
        var forms = Set<String>()
        for call in model.calls(in: function.body) where call.callee.hasSuffix(".is_valid") {
            let owner = String(call.callee.dropLast(".is_valid".count))
            for value in model.definitions.values(named: owner, visibleFrom: call.name.lowerBound, in: model) {
                let first = model.tokenIndex(atOrAfter: value.lowerBound)
                if first < model.tokens.count, model.isIdentifier(first), model.token(first + 1, is: "(") { forms.insert(model.text(ofToken: first)) }
            }
        }
        return forms
    }

    // MARK: - Routes that mount imported handlers

    private static let routeMethods: Set<String> = ["get", "post", "put", "patch", "delete", "all"]

    /// `router.post('/sms', twilio.webhook(), sms.reply)`: the handler (the last argument) and
    /// whether a middleware before it, or the file's app-wide middleware, validates signatures.
    private func mounts(in model: CodeModel, bindings: [String: ProjectImports.Binding]) -> [ModuleFacts.Mount] {
        guard model.file.language != .python else { return [] }
        var validation: WebhookValidation?
        var appWide: Bool?
        var mounts: [ModuleFacts.Mount] = []
        for call in model.calls where call.arguments.count >= 2 {
            let parts = call.callee.split(separator: ".")
            guard parts.count >= 2, let last = parts.last, Self.routeMethods.contains(String(last)),
                  let handler = call.arguments.last, let target = target(of: model.text(handler.value), bindings: bindings)
            else { continue }
            let checker = validation ?? WebhookValidation(model)
            validation = checker
            let wide = appWide ?? checker.appliesFileWide()
            appWide = wide
            let validated = wide || call.arguments.dropFirst().dropLast().contains { checker.validates($0.value) }
            mounts.append(.init(module: target.module, name: target.name, validated: validated))
        }
        return mounts
    }
}
