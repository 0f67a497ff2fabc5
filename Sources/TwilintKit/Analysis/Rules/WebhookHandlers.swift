import Matching

/// Finds the HTTP route handlers of a file that may receive Twilio webhooks
/// (see `WebhookHandler.Framework` for the forms), with what they read and
/// whether signature validation applies to them. Judged per file: middleware
/// applied in another module is invisible, except validators whose name says
/// so (`validate_twilio_request()`, `TwilioUtil.passesAuth(req)`).
struct WebhookHandlers {
    let model: CodeModel
    let validation: WebhookValidation

    /// The Twilio webhook parameters (spec TW003), case-sensitive as Twilio sends them.
    static let parameterNames: Set<String> = [
        "From", "To", "Body", "MessageSid", "SmsSid", "SmsMessageSid", "CallSid", "CallStatus", "MessageStatus",
        "SmsStatus", "Digits", "SpeechResult", "RecordingUrl", "RecordingSid", "TranscriptionText", "NumMedia",
        "MediaUrl0", "AccountSid", "OptOutType",
    ]
    private static let routeMethods: Set<String> = ["get", "post", "put", "patch", "delete", "all", "on"]

    init(_ model: CodeModel) {
        self.model = model
        validation = WebhookValidation(model)
    }

    /// The handlers of `file`, found once; none in test files (tests call handlers, they do not serve them).
    static func of(_ file: SourceFile) -> [WebhookHandler] {
        file.memo("webhook-handlers") { () -> [WebhookHandler] in
            guard file.language.isSource, mayServeRoutes(file), !FileRole.isTest(file) else { return [] }
            return WebhookHandlers(CodeModel.of(file)).handlers()
        }
    }

    /// Every route handler of `file`, whether or not Twilio calls it (test files included):
    /// the functions the sending rules judge a send in.
    static func routes(in file: SourceFile) -> [FunctionScope] {
        file.memo("route-handlers") { () -> [FunctionScope] in
            guard file.language.isSource, mayServeRoutes(file) else { return [] }
            return WebhookHandlers(CodeModel.of(file)).candidates().map(\.0)
        }
    }

    /// Python route handlers need a route decorator or registration, Django, or a serverless signature; a
    /// module without any (most of a library, e.g. the Twilio SDK itself) is skipped
    /// before its code model is built. Each check starts from a literal the JIT or
    /// `memchr` can skip to (`@`, `event`), not from every line or word.
    private static let pythonRouteDecorator = try! PCRE2Matcher(#"@[\w.]+\.(?:route|get|post|put|patch|delete|api_route|websocket|http)\b"#)
    private static let pythonServerlessSignature = try! PCRE2Matcher(#"\bdef\s+\w+\s*\(\s*event\s*,\s*context\b"#)
    private static let pythonRouteModules = ["django", "functions_framework", "azure.functions"]

    private static func mayServeRoutes(_ file: SourceFile) -> Bool {
        guard file.language == .python else { return true }
        func matches(_ pattern: PCRE2Matcher) -> Bool { (try? file.withBytes(pattern.matches)) ?? true }
        return pythonRouteModules.contains(where: file.contains) || matches(pythonRouteDecorator)
            || file.contains(".route(") || file.contains("add_url_rule")  // call-style registration
            || (file.contains("event") && file.contains("context") && matches(pythonServerlessSignature))
    }

    private func candidates() -> [(FunctionScope, WebhookHandler.Framework, Bool)] {
        switch model.file.language {
        case .python: return pythonCandidates()
        case .swift: return swiftCandidates()
        default: return scriptCandidates()
        }
    }

    func handlers() -> [WebhookHandler] {
        let candidates = candidates()
        let appWide = validation.appliesFileWide()
        var seen = Set<Int>()
        var result: [WebhookHandler] = []
        for (function, framework, routeValidated) in candidates where seen.insert(function.anchor.lowerBound).inserted {
            let handler = WebhookHandler(
                function: function, framework: framework, parameters: parameters(readBy: function),
                answersWithTwiML: answersWithTwiML(function),
                isValidated: routeValidated || appWide || validation.validates(function.body))
            // Controllers and serverless functions are handlers only when they read Twilio's parameters.
            if [.controller, .serverless].contains(framework), handler.parameters.isEmpty { continue }
            result.append(handler)
        }
        return result
    }

    // MARK: - Python

    private func pythonCandidates() -> [(FunctionScope, WebhookHandler.Framework, Bool)] {
        let usesDjango = model.file.contains("django")
        let azure = model.file.contains("azure.functions")
        var result: [(FunctionScope, WebhookHandler.Framework, Bool)] = []
        for function in model.functions where function.kind == .function {
            let decorators = function.decorators.map(model.text)
            // Decorators and a FastAPI `Depends(...)` in the parameter list apply to the route.
            let header = function.extent.lowerBound..<function.body.lowerBound
            let parameters = function.parameters
            // Validation is judged only for functions that are handlers: most functions are not.
            if decorators.contains(where: Self.isPythonRouteDecorator) {
                result.append((function, .pythonRoute, validation.validates(header)))
            } else if decorators.contains(where: { $0.contains("functions_framework.http") })
                        || (parameters.count >= 2 && parameters[0] == "event" && parameters[1] == "context")
                        || (azure && parameters.first == "req") {
                result.append((function, .serverless, validation.validates(header)))
            } else if usesDjango, parameters.first == "request" || parameters.prefix(2) == ["self", "request"],
                      isMethodOfClass(function) || model.enclosingFunction(of: function.extent.lowerBound) == nil {
                result.append((function, .django, validation.validates(header)))
            }
        }
        return result + pythonCallRegistrations()
    }

    /// Flask's call-style registrations: `app.route("/sms", methods=["POST"])(sms_reply)` and
    /// `app.add_url_rule("/sms", view_func=sms_reply)`, with a same-file view function.
    private func pythonCallRegistrations() -> [(FunctionScope, WebhookHandler.Framework, Bool)] {
        var result: [(FunctionScope, WebhookHandler.Framework, Bool)] = []
        for call in model.calls {
            let parts = call.callee.split(separator: ".")
            guard parts.count >= 2, let last = parts.last.map(String.init) else { continue }
            var view: Range<Int>?
            if last == "add_url_rule" {
                view = call.argument(named: "view_func")
            } else if Self.isPythonRouteDecorator("@" + call.callee + "(") {
                // The decorator applied by hand: `(name)` right after the route call.
                let close = model.tokenIndex(atOrAfter: call.argumentList.upperBound)
                if model.token(close + 1, is: "("), model.partner[close + 1] == close + 3, model.isIdentifier(close + 2) {
                    view = model.tokens[close + 2].range
                }
            }
            if let view, let handler = function(given: view), handler.kind == .function {
                // Validation in the registration's arguments or on the view itself (a decorator).
                let header = handler.extent.lowerBound..<handler.body.lowerBound
                let validated = call.arguments.contains { validation.validates($0.value) } || validation.validates(header)
                result.append((handler, .pythonRoute, validated))
            }
        }
        return result
    }

    /// `@app.route(…)`, `@bp.post(…)`, `@router.api_route(…)`, Azure `@app.route(route=…)`.
    private static func isPythonRouteDecorator(_ text: String) -> Bool {
        guard let open = text.firstIndex(of: "(") else { return false }
        let chain = text[text.index(after: text.startIndex)..<open].split(separator: ".")
        guard chain.count >= 2, let last = chain.last else { return false }
        return ["route", "get", "post", "put", "patch", "delete", "api_route", "websocket"].contains(String(last))
    }

    /// A `def` directly inside a class body (Django class-based views).
    private func isMethodOfClass(_ function: FunctionScope) -> Bool {
        function.parameters.first == "self" && model.indentation(ofLineAt: function.anchor.lowerBound) > 0
    }

    // MARK: - JavaScript and TypeScript

    private func scriptCandidates() -> [(FunctionScope, WebhookHandler.Framework, Bool)] {
        var result: [(FunctionScope, WebhookHandler.Framework, Bool)] = []
        for call in model.calls {
            let parts = call.callee.split(separator: ".").map(String.init)
            guard parts.count >= 2, let last = parts.last, let handlerArgument = call.arguments.last else { continue }
            let viaRoute = parts.dropLast().last == "route()"
            let firstIsPath = call.arguments.count >= 2 && isRoutePath(call.arguments[0].value)
            if Self.routeMethods.contains(last), viaRoute || firstIsPath {
                let middle = call.arguments.dropFirst(viaRoute ? 0 : 1).dropLast()
                let routeValidated = middle.contains { validation.validates($0.value) }
                if let handler = function(given: handlerArgument.value) {
                    result.append((handler, .nodeRoute, routeValidated))
                }
            } else if last == "http", call.arguments.count >= 2, model.tokens[model.tokenIndex(atOrAfter: call.arguments[0].value.lowerBound)].kind == .string {
                // Google Cloud `functions.http('sms', fn)`, Azure v4 `app.http('sms', { handler })`.
                let value = call.argument(named: "handler") ?? handlerArgument.value
                if let handler = function(given: value) { result.append((handler, .serverless, false)) }
            }
        }
        let path = "/" + model.file.path
        let fileName = path.split(separator: "/").last.map(String.init) ?? ""
        let apiFolder = path.contains("/pages/api/") || path.contains("/api/")
        let appRouter = path.contains("/app/") && fileName.hasPrefix("route.")
        for function in model.functions where function.kind == .function && model.enclosingFunction(of: function.extent.lowerBound) == nil {
            let parameters = function.parameters
            let exported = isExported(function)
            if (apiFolder && exported.isDefault) || (appRouter && exported.isExported && ["GET", "POST", "PUT", "PATCH"].contains(function.name ?? "")) {
                result.append((function, .apiRoute, false))
            } else if parameters.first == "event", exported.isExported {
                result.append((function, .serverless, false))
            } else if parameters.count == 2, parameters[0] == "context", ["req", "request"].contains(parameters[1]), exported.isExported {
                result.append((function, .serverless, false)) // Azure Functions v3
            } else if parameters.count >= 2, ["req", "request"].contains(parameters[0]), ["res", "response", "reply"].contains(parameters[1]), exported.isExported {
                result.append((function, .controller, false))
            }
        }
        return result
    }

    /// A route path: a string literal (`'/sms'`, `"*"`, `` `/voice/${id}` ``), or a name bound
    /// to one where the route is registered (`const SMS_PATH = '/sms'; app.post(SMS_PATH, …)`).
    private func isRoutePath(_ range: Range<Int>, followingNames: Bool = true) -> Bool {
        let index = model.tokenIndex(atOrAfter: range.lowerBound)
        guard index < model.tokens.count, model.tokens[index].range.upperBound == range.upperBound else { return false }
        if followingNames, model.isIdentifier(index), model.file.language != .swift {
            let values = model.definitions.values(named: model.text(ofToken: index), visibleFrom: range.lowerBound, in: model)
            return !values.isEmpty && values.allSatisfy { isRoutePath($0, followingNames: false) }
        }
        guard model.tokens[index].kind == .string else { return false }
        let path = CallFinder.unquoted(model.text(ofToken: index))
        return path.hasPrefix("/") || path.hasPrefix("*") || model.file.language == .swift
    }

    /// An inline function given as an argument, or a same-file function named by it.
    private func function(given value: Range<Int>) -> FunctionScope? {
        // Found by index, not by a pass over all functions: `(req, res) => …` starts at its first
        // token, `async function (req, res) {…}` at `function`.
        let first = model.tokenIndex(atOrAfter: value.lowerBound)
        for index in [first, first + 1] where index < model.tokens.count && (index == first || model.token(first, is: "async")) {
            if let inline = model.function(startingAt: model.tokens[index].range.lowerBound), inline.extent.upperBound == value.upperBound {
                return inline
            }
        }
        let text = model.text(value)
        guard let name = text.split(separator: ".").last.map(String.init), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }) else { return nil }
        return model.function(namedLast: name)
    }

    /// `export default`, `export function`, `export const x =`, `exports.x =`, `module.exports =`.
    private func isExported(_ function: FunctionScope) -> (isExported: Bool, isDefault: Bool) {
        if let name = function.name, name.hasPrefix("exports.") || name.hasPrefix("module.exports") {
            return (true, name == "module.exports")
        }
        var index = model.tokenIndex(atOrAfter: function.extent.lowerBound) - 1
        while index >= 0, model.token(index, is: "async") || model.token(index, is: "=") || model.token(index, is: "const")
                || model.token(index, is: "let") || (function.name != nil && model.token(index, is: function.name!)) {
            index -= 1
        }
        if model.token(index, is: "default") { return (true, true) }
        return (model.token(index, is: "export"), false)
    }

    // MARK: - Swift

    private func swiftCandidates() -> [(FunctionScope, WebhookHandler.Framework, Bool)] {
        var result: [(FunctionScope, WebhookHandler.Framework, Bool)] = []
        for call in model.calls {
            let parts = call.callee.split(separator: ".")
            guard parts.count >= 2, let last = parts.last, Self.routeMethods.contains(String(last)),
                  call.arguments.contains(where: { isRoutePath($0.value) }) || call.arguments.first.map({ model.text($0.value).hasPrefix(".") }) == true
            else { continue }
            // `req.client.post("https://api.twilio.com/…") { req in … }` sends a request; it serves none.
            if call.callee.lowercased().contains("client") || call.arguments.contains(where: { model.text($0.value).hasPrefix("\"http") }) { continue }
            var handler: FunctionScope?
            if let trailing = call.trailingClosure {
                handler = model.function(startingAt: trailing.lowerBound).flatMap { $0.kind == .closure ? $0 : nil }
            } else if let use = call.argument(named: "use") {
                handler = function(given: use)
            }
            guard let handler else { continue }
            // `app.grouped(TwilioSignatureMiddleware()).post(…)` or a route group held in a variable.
            let receiver = call.extent.lowerBound..<call.name.lowerBound
            result.append((handler, .swiftRoute, validation.validates(receiver)))
        }
        return result
    }

    // MARK: - What a handler reads and answers

    /// Twilio parameters read in the handler: `request.form["Body"]`, `req.body.From`,
    /// `const { Body } = req.body`, FastAPI `Body: str = Form(...)`, a decoded Swift `Content`
    /// type with such members. A dictionary key (`{"To": …}`) is a send, not a read.
    func parameters(readBy function: FunctionScope) -> Set<String> {
        var found = reads(in: function.body)
        if model.file.language == .python {
            found.formUnion(function.parameters.filter(Self.parameterNames.contains))
        }
        // Read through a same-file helper given the request: `const { Body } = parseWebhook(req)`.
        for call in model.calls(in: function.body) where !call.arguments.isEmpty {
            let name = String(call.callee.split(separator: ".").last ?? "")
            for body in model.definitions.functionBodies[name] ?? [] where !body.overlaps(function.body) {
                found.formUnion(reads(in: body))
            }
        }
        return found
    }

    /// The webhook parameters the code in `range` reads: `request.form["Body"]`, `req.body.From`,
    /// `event.Body`, `form.Body.data`, `{ Body } = …`, Vapor's `decode(Inbound.self)`.
    private func reads(in range: Range<Int>) -> Set<String> {
        var found = Set<String>()
        for index in model.tokenIndices(in: range) {
            let token = model.tokens[index]
            if token.kind == .string {
                let value = CallFinder.unquoted(model.text(ofToken: index))
                if Self.parameterNames.contains(value), !model.token(index + 1, is: ":") { found.insert(value) }
            } else if token.kind == .identifier {
                let name = model.text(ofToken: index)
                let member = model.token(index - 1, is: ".") || model.token(index - 1, is: "?.")
                if Self.parameterNames.contains(name), member || (model.file.language != .python && isDestructured(index)) {
                    found.insert(name)
                } else if model.file.language == .swift, name == "decode", model.token(index + 1, is: "("),
                          // Vapor `decode(Inbound.self)`, Hummingbird `decode(as: Inbound.self, context:)`.
                          let type = ((index + 2)...(index + 4)).first(where: { model.isIdentifier($0) && model.token($0 + 1, is: ".") && model.token($0 + 2, is: "self") }) {
                    found.formUnion(members(ofType: model.text(ofToken: type)))
                }
            }
        }
        return found
    }

    /// `{ Body, From }` (or `{ Body: text }`) on the left of `=`: a destructuring read.
    private func isDestructured(_ index: Int) -> Bool {
        guard model.token(index - 1, is: "{") || model.token(index - 1, is: ",") else { return false }
        var cursor = index - 1
        while cursor >= 0 {
            if model.token(cursor, is: "{"), model.partner[cursor] > index { return model.token(model.partner[cursor] + 1, is: "=") }
            if model.token(cursor, is: "}") || model.token(cursor, is: ")") || model.token(cursor, is: "]"), model.partner[cursor] >= 0 {
                cursor = model.partner[cursor]
            }
            cursor -= 1
        }
        return false
    }

    /// Twilio-named stored properties of a same-file Swift type (`struct Inbound: Content { let Body: String }`).
    private func members(ofType name: String) -> Set<String> {
        guard let body = validation.definitions.typeBodies[name] else { return [] }
        var found = Set<String>()
        var index = model.tokenIndex(atOrAfter: body.lowerBound)
        while index < model.tokens.count, model.tokens[index].range.upperBound <= body.upperBound {
            if model.token(index, is: "let") || model.token(index, is: "var"), model.isIdentifier(index + 1) {
                let member = model.text(ofToken: index + 1)
                if Self.parameterNames.contains(member) { found.insert(member) }
            }
            index += 1
        }
        return found
    }

    /// Whether the handler answers with TwiML: it builds it (`MessagingResponse`,
    /// `VoiceResponse`, `twiml.…`, a builder held in a `twiml` variable), writes a
    /// `<Response>` string, or sends `text/xml`. A name that only mentions TwiML
    /// (`TWIML_APP_SID`, `settings.TWIML_APPLICATION_SID`, `twimlUrl`) is no answer:
    /// the access-token endpoints of Voice apps name their TwiML app that way.
    func answersWithTwiML(_ function: FunctionScope) -> Bool {
        model.tokenIndices(in: function.body).contains { index in
            let text = model.text(ofToken: index)
            switch model.tokens[index].kind {
            case .identifier:
                return text == "MessagingResponse" || text == "VoiceResponse" || Self.namesTwiMLBuilder(text)
            case .string:
                return text.contains("<Response") || text.contains("text/xml")
            default:
                return false
            }
        }
    }

    /// `twiml`, `voiceTwiml`, `twiml_response`, `Twilio.twiml`'s namespace: not `TWIML_APP_SID`, `twimlUrl`, `twiml_app_sid`.
    static func namesTwiMLBuilder(_ name: String) -> Bool {
        let lowered = name.lowercased()
        guard lowered.contains("twiml") else { return false }
        return !["sid", "app", "url", "uri", "bin"].contains(where: lowered.contains)
    }
}
