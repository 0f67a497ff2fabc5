/// Whether Twilio signature validation is visible in a range of a file: a
/// `RequestValidator(…).validate(…)`, `twilio.webhook()` (not with
/// `validate: false`), `validateRequest*`, a Swift/any-language HMAC over the
/// `X-Twilio-Signature` header, a validator whose name says so, or a name that
/// leads to a same-file function, type or value that validates. Only code
/// counts: a commented-out decorator is no token, and a defined middleware
/// counts only where a route or the app names it.
struct WebhookValidation {
    let model: CodeModel
    var definitions: FileDefinitions { model.definitions }

    private static let requestValidators: Set<String> = [
        "validateRequest", "validateRequestWithBody", "validateExpressRequest", "validateIncomingRequest",
    ]
    /// How deep names are followed to their same-file definitions.
    private static let depth = 3

    /// Verdicts already reached for definitions, so a name used by many handlers is judged once.
    private final class Verdicts {
        var byRange: [Range<Int>: Bool] = [:]
    }
    private let verdicts = Verdicts()

    init(_ model: CodeModel) {
        self.model = model
    }

    /// Whether validation is visible in `range` (a handler body, a decorator, a middleware argument).
    func validates(_ range: Range<Int>) -> Bool {
        var visited = Set<String>()
        return validates(range, depth: Self.depth, visited: &visited)
    }

    /// `validate_twilio_request`, `TwilioUtil.passesAuth`, `verifyTwilioSignature`, django-twilio's
    /// `twilio_view`; not credentials (`twilioAuthToken`) nor the header's name constant.
    static func namesValidator(_ name: String) -> Bool {
        let lowered = name.lowercased()
        if lowered == "twilio_view" { return true }
        guard lowered.contains("twilio") else { return false }
        return ["valid", "verify", "signature", "signed", "auth"].contains(where: lowered.contains)
            && !["token", "client", "sid", "account", "header"].contains(where: lowered.contains)
    }

    /// Validation applied to every route of the file: Flask `before_request`, FastAPI/Starlette
    /// app or router dependencies and middleware, Express/Koa/Hono `app.use(…)`, Fastify hooks,
    /// Vapor `app.middleware.use(…)`, Hummingbird `router.add(middleware:)`.
    func appliesFileWide() -> Bool {
        switch model.file.language {
        case .python:
            for function in model.functions where function.decorators.contains(where: {
                let text = model.text($0)
                return text.contains("before_request") || text.contains("before_app_request") || text.contains(".middleware(")
            }) {
                if validates(function.body) || function.name.map(Self.namesValidator) == true { return true }
            }
            let appLevel: Set<String> = ["before_request", "before_app_request", "add_middleware", "include_router", "FastAPI", "APIRouter", "Starlette", "Middleware"]
            return model.calls.contains { appLevel.contains(lastName($0.callee)) && validates($0.argumentList) }
        case .swift:
            return model.calls.contains { call in
                let last = lastName(call.callee)
                let middleware = call.callee.lowercased().contains("middleware") && (last == "use" || last == "add")
                    || (last == "add" && call.arguments.contains { $0.label == "middleware" })
                return middleware && validates(call.argumentList)
            }
        default:
            return model.calls.contains { ["use", "addHook", "register"].contains(lastName($0.callee)) && validates($0.argumentList) }
        }
    }

    private func lastName(_ callee: String) -> String {
        callee.split(separator: ".").last.map(String.init) ?? callee
    }

    private func validates(_ range: Range<Int>, depth: Int, visited: inout Set<String>) -> Bool {
        var mentionsRequestValidator = false, validateCall = false, signatureHeader = false, hmac = false
        var names: [String] = []
        var index = model.tokenIndex(atOrAfter: range.lowerBound)
        while index < model.tokens.count, model.tokens[index].range.upperBound <= range.upperBound {
            defer { index += 1 }
            switch model.tokens[index].kind {
            case .identifier:
                let text = model.text(ofToken: index)
                if text == "RequestValidator" { mentionsRequestValidator = true }
                if model.token(index, contains: "hmac") { hmac = true }
                if model.token(index, contains: "twilio") || text == "twilio_view", Self.namesValidator(text) { return true }
                names.append(text)
            case .string:
                if model.token(index, contains: "x-twilio-signature") || model.token(index, contains: "x_twilio_signature") {
                    signatureHeader = true
                }
            default:
                break
            }
        }
        for call in model.calls(in: range) {
            let last = lastName(call.callee)
            if Self.requestValidators.contains(last) { return true }
            if last == "webhook", call.callee == "webhook" || call.callee.lowercased().contains("twilio"),
               call.argument(named: "validate").map({ model.text($0) != "false" }) ?? true { return true }
            if Self.namesValidator(call.callee) { return true }
            if last == "validate" {
                validateCall = true
                // `validator.validate(…)` where `validator = RequestValidator(…)` elsewhere in the file.
                if call.callee.contains("RequestValidator") { mentionsRequestValidator = true }
                if let root = call.callee.split(separator: ".").first.map(String.init), root != "validate",
                   definitions.values[root]?.contains(where: { model.text($0).contains("RequestValidator") }) == true {
                    mentionsRequestValidator = true
                }
            }
        }
        if (mentionsRequestValidator && validateCall) || (signatureHeader && hmac) { return true }
        guard depth > 0 else { return false }
        for name in names where visited.insert(name).inserted {
            for definition in definitions.ranges(named: name, visibleFrom: range.lowerBound, in: model) where !definition.overlaps(range) {
                if let verdict = verdicts.byRange[definition] {
                    if verdict { return true }
                    continue
                }
                let verdict = validates(definition, depth: depth - 1, visited: &visited)
                verdicts.byRange[definition] = verdict
                if verdict { return true }
            }
        }
        return false
    }
}
