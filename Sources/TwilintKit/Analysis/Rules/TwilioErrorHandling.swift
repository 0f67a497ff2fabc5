/// How one file deals with Twilio failures: the calls whose errors nobody handles
/// (TW007) and the handlers that receive a Twilio error without looking at its code
/// (TW008). Worked out once per file; both rules read it.
///
/// A call is handled when (Python) it sits lexically in a `try:` whose handlers catch
/// Twilio's exceptions; (JS/TS) its promise is awaited inside `try`/`catch`, chained with
/// `.catch(…)`/`.then(ok, onRejected)`, given a Node-style `(err, …)` callback, or reaches
/// one of those through `return`, `Promise.all`, `.map`, a variable or an async helper;
/// (raw HTTP, Swift) its errors are not swallowed with `try?`/`try!` and the HTTP status is
/// read in the enclosing function. A call in a helper counts as handled when every caller of
/// the helper in the file handles it; the callers' handlers are then the ones judged.
struct TwilioErrorHandling {
    /// TW007: the names of the calls (`create`, `fetch`, `post`, `data`).
    private(set) var unhandled: [Range<Int>] = []
    /// TW008: the `except`/`catch` keywords, `.catch` names and Swift `guard`/`if` status checks,
    /// each with the error codes of the products whose calls it receives (`{codes}`).
    private(set) var genericHandlers: [Violation] = []
    /// TW007 findings that callers in other files may answer (see `OpenCall`).
    private(set) var open: [OpenCall] = []

    private let model: CodeModel
    /// Helpers the error leaves with no caller in this file (while `assumesEscapesHandled`).
    private let escapes = Escapes()
    private var definitions: FileDefinitions { model.definitions }
    /// Whether a function reads an HTTP status, and its status branches: asked for every request in it.
    private let statusReads = RangeCache<Bool>()
    private let branches = RangeCache<[Receiver]>()

    /// What both rules read: the unhandled calls and the generic handlers of one file.
    struct Outcome {
        var unhandled: [Range<Int>] = []
        var genericHandlers: [Violation] = []
        /// The names of every call judged, handled or not.
        var judged: [Range<Int>] = []
        var open: [OpenCall] = []
    }

    /// An unhandled call whose error leaves this file through module-level helpers that no
    /// code in the file calls: handled after all when every caller in other files handles
    /// those helpers' errors (the project pass asks).
    struct OpenCall: Equatable, Sendable {
        var call: Range<Int>
        /// The helpers' names (their last component: `send_sms`, `createConversation`).
        var helpers: Set<String>
    }

    private final class Escapes {
        var assumeHandled = false
        var names = Set<String>()
    }

    static func of(_ file: SourceFile) -> Outcome {
        file.memo("twilio-error-handling") {
            let facts = TwilioFacts.of(file)
            guard !facts.isEmpty else { return Outcome() }
            let handling = TwilioErrorHandling(CodeModel.of(file), facts: facts)
            return Outcome(unhandled: handling.unhandled, genericHandlers: handling.genericHandlers,
                           judged: (facts.restCalls.map(\.site.name) + facts.requests.map(\.site.name)).sorted { $0.lowerBound < $1.lowerBound },
                           open: handling.open)
        }
    }

    /// Exceptions whose handler catches a `TwilioRestException` in Python (a bare `except:` too).
    private static let pythonCatchers: Set<String> = ["TwilioRestException", "TwilioException", "Exception", "BaseException"]
    /// Exceptions whose handler catches `urlopen`'s `HTTPError`.
    private static let pythonHTTPCatchers: Set<String> = [
        "HTTPError", "urllib.error.HTTPError", "error.HTTPError", "URLError", "urllib.error.URLError", "OSError", "IOError",
        "Exception", "BaseException",
    ]
    /// Error codes Twilio documents for the usual failures of a send.
    static let knownCodes: Set<String> = [
        "21610", "21211", "21408", "21614", "30003", "30005", "30006", "30007", "30429", "20429", "60200", "60203", "63016",
    ]
    /// Callbacks that hand an error on to someone else (`next(err)`, `callback(err)`, `reject(e)`).
    private static let forwarders: Set<String> = ["reject", "callback", "cb", "next", "done"]
    private static let maximumDepth = 4
    /// Calls that take a callback and drop the promise it returns.
    private static let callbackSinks: Set<String> = [
        "forEach", "on", "once", "addListener", "addEventListener", "setTimeout", "setInterval", "setImmediate", "nextTick",
        "emit", "subscribe", "use", "get", "post", "put", "patch", "delete", "all", "listen", "handler",
    ]

    private init(_ model: CodeModel) {
        self.model = model
    }

    private init(_ model: CodeModel, facts: TwilioFacts) {
        self.init(model)
        var receivers: [Receiver] = []
        // What each receiver receives errors of, for the codes its finding names.
        var products: [Int: [TwilioProduct]] = [:]
        func received(_ found: [Receiver], from product: TwilioProduct) {
            receivers += found
            for receiver in found { products[receiver.anchor.lowerBound, default: []].append(product) }
        }
        for call in facts.restCalls {
            if let found = exceptionHandling(of: call.site, start: call.start, catchers: Self.pythonCatchers) {
                received(found, from: facts.product(of: call))
            } else {
                unhandled.append(call.site.name)
                if let helpers = escapingHelpers(of: call.site, start: call.start, catchers: Self.pythonCatchers) {
                    open.append(OpenCall(call: call.site.name, helpers: helpers))
                }
            }
        }
        for request in facts.requests {
            // A library that raises on an error status is handled like the helper library's calls.
            let found = request.library.failsOnErrorStatus
                ? exceptionHandling(of: request.site, start: request.site.extent.lowerBound, catchers: Self.pythonHTTPCatchers)
                : httpHandling(request.site)
            if let found {
                received(found, from: facts.product(of: request, in: model))
            } else {
                unhandled.append(request.site.name)
                if request.library.failsOnErrorStatus,
                   let helpers = escapingHelpers(of: request.site, start: request.site.extent.lowerBound, catchers: Self.pythonHTTPCatchers) {
                    open.append(OpenCall(call: request.site.name, helpers: helpers))
                }
            }
        }
        unhandled.sort { $0.lowerBound < $1.lowerBound }
        var judged = Set<Int>()
        for receiver in receivers where judged.insert(receiver.anchor.lowerBound).inserted && isGeneric(receiver) {
            let codes = TwilioProduct.errorCodes(of: products[receiver.anchor.lowerBound] ?? [])
            genericHandlers.append(Violation(focus: receiver.anchor, details: ["codes": codes]))
        }
        genericHandlers.sort { $0.focus.lowerBound < $1.focus.lowerBound }
    }

    // MARK: - Receivers (TW008)

    /// A place that receives a Twilio error: an `except`/`catch` clause, a `.catch(fn)` callback,
    /// a Swift status-check branch. It inspects the error when it, or a sibling clause of the
    /// same `try`, reads the code; it passes the error on when it re-raises it unchanged.
    private struct Receiver {
        var anchor: Range<Int>
        /// The code that handles the error; nil for a callback that only logs (`.catch(console.error)`).
        var body: Range<Int>?
        var binding: String?
        /// Other clauses of the same `try`: a code-checking one silences a generic fallback.
        var siblings: [Range<Int>] = []
        /// A status-check branch reads the status of any response, not just of an error binding.
        var anyReceiver = false
        /// The clause or callback destructures the code in its parameter (`catch ({ code })`).
        var readsCodeInPattern = false
    }

    private func isGeneric(_ receiver: Receiver) -> Bool {
        guard let body = receiver.body else { return true }
        if receiver.readsCodeInPattern || inspects(body, binding: receiver.binding, anyReceiver: receiver.anyReceiver, followCalls: true) { return false }
        if receiver.siblings.contains(where: { inspects($0, binding: nil, anyReceiver: false, followCalls: true) }) { return false }
        return !passesOn(body, binding: receiver.binding)
    }

    private func receiver(for handler: TryBlock.Handler, in block: TryBlock) -> Receiver {
        // `catch ({ code })` reads the code in the pattern itself.
        let pattern = handler.keyword.upperBound..<handler.body.lowerBound
        return Receiver(anchor: handler.keyword, body: handler.body, binding: handler.binding,
                        siblings: block.handlers.filter { $0 != handler }.map(\.body), readsCodeInPattern: destructuresCode(pattern))
    }

    /// `({ code, message })`, `{ status }`: a destructuring pattern that takes the code or status.
    private func destructuresCode(_ range: Range<Int>) -> Bool {
        tokenRange(range).contains { index in
            ["code", "status", "statusCode"].contains(where: { model.token(index, is: $0) })
                && (model.token(index - 1, is: "{") || model.token(index - 1, is: ","))
        }
    }

    /// Whether code reads the Twilio error code: `e.code`, `err.status`, `error.statusCode`,
    /// `getattr(e, "code")`, `const { code } = err`, a known code such as 21610, or a call of a
    /// helper in this file that does.
    private func inspects(_ range: Range<Int>, binding: String?, anyReceiver: Bool, followCalls: Bool) -> Bool {
        let tokens = tokenRange(range)
        for index in tokens {
            let token = model.tokens[index]
            switch token.kind {
            case .number:
                let text = model.text(ofToken: index)
                if Self.knownCodes.contains(text) { return true }
                if text.count == 5, ["==", "===", "!=", "!==", "case"].contains(where: { model.token(index - 1, is: $0) || model.token(index + 1, is: $0) }) { return true }
            case .string:
                let text = model.text(ofToken: index)
                if ["code", "status", "status_code"].contains(CallFinder.unquoted(text)) || Self.interpolatesCode(text) { return true }
            case .identifier:
                let name = model.text(ofToken: index)
                guard ["code", "status", "statusCode", "status_code"].contains(name) else { continue }
                if model.token(index - 1, is: ".") || model.token(index - 1, is: "?.") {
                    if name == "code" { return true }
                    if model.token(index + 1, is: "(") { continue }
                    let owner = index >= 2 ? model.text(ofToken: index - 2) : ""
                    if anyReceiver || owner == binding || Self.isErrorName(owner) { return true }
                } else if model.token(index - 1, is: "{") || model.token(index - 1, is: ",") {
                    // `const { code, message } = err`
                    var cursor = index + 1
                    while cursor < tokens.upperBound, !model.token(cursor, is: "}"), !model.token(cursor, is: "{") { cursor += 1 }
                    if model.token(cursor, is: "}"), model.token(cursor + 1, is: "=") { return true }
                }
            case .regex, .punctuation:
                continue
            }
        }
        guard followCalls else { return false }
        // A helper of this file that maps the error: `return friendly_error(e)`.
        for call in model.calls(in: range) where binding == nil || call.arguments.contains(where: { model.text($0.value) == binding }) {
            let name = String(call.callee.split(separator: ".").last ?? "")
            if definitions.functionBodies[name]?.contains(where: { inspects($0, binding: nil, anyReceiver: anyReceiver, followCalls: false) }) == true {
                return true
            }
        }
        return false
    }

    /// `f"failed: {e.code}"`, `` `failed: ${err.code}` ``, `"failed: \(error.code)"`.
    private static func interpolatesCode(_ literal: String) -> Bool {
        let bytes = Array(literal.utf8)
        let needle = Array(".code".utf8)
        guard bytes.count > needle.count, literal.contains("{") || literal.contains("\\(") else { return false }
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            let next = start + needle.count
            if next == bytes.count || !ASCII.isIdentifier(bytes[next]) { return true }
        }
        return false
    }

    private static func isErrorName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered == "e" || lowered == "ex" || lowered.contains("err") || lowered.contains("exc")
    }

    /// Whether the handler hands the same error on: `raise`, `raise e`, `throw err`,
    /// `reject(e)`, `callback(err)`, `next(e)`. `reject("message", e)` replaces it.
    private func passesOn(_ range: Range<Int>, binding: String?) -> Bool {
        let tokens = tokenRange(range)
        for index in tokens {
            if model.token(index, is: "raise") {
                let next = index + 1
                if next >= tokens.upperBound || model.line(ofToken: next) != model.line(ofToken: index) { return true }
                if let binding, model.token(next, is: binding), next + 1 >= tokens.upperBound || model.token(next + 1, is: "from")
                    || model.line(ofToken: next + 1) != model.line(ofToken: next) { return true }
            } else if model.token(index, is: "throw"), let binding, model.token(index + 1, is: binding),
                      !(model.token(index + 2, is: ".") || model.token(index + 2, is: "(") || model.token(index + 2, is: "[") || model.token(index + 2, is: "?.")) {
                return true
            }
        }
        guard let binding else { return false }
        // `callback(err)`, or a callback the caller handed in: `function send(to, onError) { … onError(err) }`.
        let parameters = Set(model.enclosingFunctions(of: range.lowerBound).flatMap(\.parameters))
        return model.calls(in: range).contains { call in
            let callee = String(call.callee.split(separator: ".").last ?? "")
            return (Self.forwarders.contains(callee) || (parameters.contains(call.callee) && call.callee != binding))
                && call.arguments.first.map { model.text($0.value) } == binding
        }
    }

    // MARK: - Python

    /// The module-level helpers through which an unhandled call's error leaves the file, when
    /// it is handled wherever else it goes; nil when some path leaves it unhandled here.
    private func escapingHelpers(of site: CallSite, start: Int, catchers: Set<String>) -> Set<String>? {
        escapes.assumeHandled = true
        escapes.names = []
        defer { escapes.assumeHandled = false }
        guard exceptionHandling(of: site, start: start, catchers: catchers) != nil, !escapes.names.isEmpty else { return nil }
        return escapes.names
    }

    /// How a call of a helper from another module treats the helper's error: handled where it is
    /// made, passed on through module-level helpers of this file that nothing here calls (whose
    /// callers elsewhere then decide), or not handled.
    enum CallerHandling: Equatable, Sendable {
        case handled
        case passedOn(through: Set<String>)
        case unhandled
    }

    /// For each of `sites` (calls of helpers from other modules), how its error is handled where
    /// it is called: the other half of the project pass's question.
    static func handling(of sites: [CallSite], in model: CodeModel) -> [CallerHandling] {
        let handling = TwilioErrorHandling(model)
        return sites.map { site in
            if handling.exceptionHandling(of: site, start: site.extent.lowerBound, catchers: pythonCatchers) != nil { return .handled }
            return handling.escapingHelpers(of: site, start: site.extent.lowerBound, catchers: pythonCatchers).map { .passedOn(through: $0) } ?? .unhandled
        }
    }

    /// Where a call that raises (Python) or rejects (JS/TS) is handled; nil when nowhere.
    private func exceptionHandling(of site: CallSite, start: Int, catchers: Set<String>) -> [Receiver]? {
        model.file.language == .python
            ? pythonHandling(at: site.name.lowerBound, catchers: catchers, depth: 0)
            : scriptHandling(start: model.tokenIndex(atOrAfter: start), end: closeParen(of: site), site: site, depth: 0)
    }

    private func pythonHandling(at offset: Int, catchers: Set<String>, depth: Int) -> [Receiver]? {
        let function = model.enclosingFunction(of: offset)
        let blocks = model.enclosingTryBlocks(of: offset).filter { Self.isInside($0, function) }
        for block in blocks {
            if let handler = block.handlers.first(where: { $0.caughtTypes.isEmpty || $0.caughtTypes.contains(where: catchers.contains) }) {
                return [receiver(for: handler, in: block)]
            }
        }
        return callersHandling(of: function, depth: depth) { pythonHandling(at: $0.name.lowerBound, catchers: catchers, depth: depth + 1) }
    }

    private static func isInside(_ block: TryBlock, _ function: FunctionScope?) -> Bool {
        function.map { block.body.lowerBound >= $0.body.lowerBound } ?? true
    }

    /// When every caller of the named helper `function` in this file handles the error, their
    /// receivers; nil when the helper is anonymous, never called here, or some caller does not.
    private func callersHandling(of function: FunctionScope?, depth: Int, _ judge: (CallSite) -> [Receiver]?) -> [Receiver]? {
        guard depth < Self.maximumDepth, let function, let fullName = function.name,
              let name = fullName.split(separator: ".").last.map(String.init) else { return nil }
        let callers = model.calls(to: [name, "self.\(name)", "this.\(name)", "cls.\(name)", fullName])
            .filter { !function.extent.contains($0.name.lowerBound) }
        guard !callers.isEmpty else {
            // Other modules may call a module-level helper: the project pass asks them.
            guard escapes.assumeHandled, model.enclosingFunction(of: function.extent.lowerBound) == nil else { return nil }
            escapes.names.insert(name)
            return []
        }
        var receivers: [Receiver] = []
        for caller in callers {
            guard let found = judge(caller) else { return nil }
            receivers += found
        }
        return receivers
    }

    // MARK: - JavaScript and TypeScript promises

    /// Where the promise of the expression spanning tokens `start...end` is handled, following
    /// it through `.then`/`.catch` chains, `await`, `return`, variables and `Promise.all`.
    private func scriptHandling(start: Int, end: Int, site: CallSite?, depth: Int) -> [Receiver]? {
        guard depth <= Self.maximumDepth * 2, start < model.tokens.count, end < model.tokens.count else { return nil }
        if let site, hasNodeCallback(site) { return [] }
        var end = end
        var receivers: [Receiver] = []
        var handled = false
        var cursor = end + 1
        while model.token(cursor, is: ".") || model.token(cursor, is: "?."), model.isIdentifier(cursor + 1), model.token(cursor + 2, is: "("),
              model.partner[cursor + 2] > cursor + 2 {
            let method = model.text(ofToken: cursor + 1)
            guard ["then", "catch", "finally"].contains(method) else { break }
            let close = model.partner[cursor + 2]
            let arguments = CallFinder(model).segments(from: cursor + 3, to: close)
            if method == "catch" || (method == "then" && arguments.count >= 2) {
                handled = true
                let handler = method == "catch" ? arguments.first : arguments[1]
                if let handler, let receiver = callbackReceiver(handler, anchor: model.tokens[cursor + 1].range) { receivers.append(receiver) }
            }
            end = close
            cursor = close + 1
        }
        if handled { return receivers }

        let offset = model.tokens[start].range.lowerBound
        let function = model.enclosingFunction(of: offset)
        let previous = start - 1
        if model.token(previous, is: "await") {
            let blocks = model.enclosingTryBlocks(of: offset).filter { Self.isInside($0, function) && !$0.handlers.isEmpty }
            if let block = blocks.first, let handler = block.handlers.first { return [receiver(for: handler, in: block)] }
            return outflow(of: function, depth: depth)
        }
        if model.token(previous, is: "return") || function?.body.lowerBound == offset {
            return outflow(of: function, depth: depth)
        }
        // `const p = …`, or `p = …` to a local declared before (`let p; if (…) p = a() else p = b()`).
        if model.token(previous, is: "="), model.isIdentifier(previous - 1), !model.token(previous - 2, is: "."),
           !model.token(previous - 2, is: "?.") {
            return variableHandling(model.text(ofToken: previous - 1), after: end, in: function, depth: depth)
        }
        if let holder = innermostCall(around: offset) {
            let callee = holder.callee
            if ["Promise.allSettled"].contains(callee) { return [] }
            if ["Promise.all", "Promise.any", "Promise.race"].contains(callee) {
                return scriptHandling(start: model.tokenIndex(atOrAfter: holder.extent.lowerBound), end: closeParen(of: holder), site: nil, depth: depth + 1)
            }
            // `promises.push(client.messages.create(…))`: follow the array.
            if callee.hasSuffix(".push"), let array = callee.split(separator: ".").dropLast().last, callee.split(separator: ".").count == 2 {
                return variableHandling(String(array), after: end, in: function, depth: depth)
            }
        }
        return nil
    }

    /// The promise leaves `function` (returned, or rejected out of an async function): follow it
    /// to the `.then`/`.map`/`Promise.all` that takes the function, or to the helper's callers.
    private func outflow(of function: FunctionScope?, depth: Int) -> [Receiver]? {
        guard let function else { return nil }
        if let holder = innermostCall(around: function.extent.lowerBound) {
            let method = String(holder.callee.split(separator: ".").last ?? "")
            if ["then", "catch", "finally", "map", "flatMap"].contains(method) || holder.callee.hasPrefix("Promise.") {
                if holder.callee == "Promise.allSettled" { return [] }
                return scriptHandling(start: model.tokenIndex(atOrAfter: holder.extent.lowerBound), end: closeParen(of: holder), site: nil, depth: depth + 1)
            }
            // An anonymous callback given to a wrapper (`retry(async () => …)`, `limiter.schedule(() => …)`):
            // the wrapper's promise carries the rejection on. Not an event or timer callback, whose
            // rejection goes nowhere, nor a Promise executor.
            if function.name == nil, !Self.callbackSinks.contains(method), holder.callee != "Promise",
               holder.argumentList.contains(function.extent.lowerBound) {
                return scriptHandling(start: model.tokenIndex(atOrAfter: holder.extent.lowerBound), end: closeParen(of: holder), site: nil, depth: depth + 1)
            }
        }
        return callersHandling(of: function, depth: depth) { caller in
            scriptHandling(start: model.tokenIndex(atOrAfter: caller.extent.lowerBound), end: closeParen(of: caller), site: nil, depth: depth + 1)
        }
    }

    /// `const p = client.messages.create(…)` and later `await p` in a `try`, `p.catch(…)`, `Promise.all(p)`.
    private func variableHandling(_ name: String, after end: Int, in function: FunctionScope?, depth: Int) -> [Receiver]? {
        let limit = function.map { $0.body.upperBound } ?? model.file.bytes.count
        var index = end + 1
        while index < model.tokens.count, model.tokens[index].range.lowerBound < limit {
            if model.token(index, is: name), !model.token(index - 1, is: "."), !model.token(index + 1, is: "="),
               let found = scriptHandling(start: index, end: index, site: nil, depth: depth + 1) {
                return found
            }
            index += 1
        }
        return nil
    }

    /// The innermost call whose parentheses hold `offset`.
    private func innermostCall(around offset: Int) -> CallSite? {
        model.innermostCall(withArgumentsHolding: offset)
    }

    /// A Node-style callback as the last argument: `(err, message) => …`, `function (error, call) {…}`.
    private func hasNodeCallback(_ site: CallSite) -> Bool {
        guard let last = site.arguments.last else { return false }
        let named = model.text(last.value)
        let callback = model.function(startingAt: last.value.lowerBound) ?? model.function(named: named)
        guard let first = callback?.parameters.first else { return false }
        return Self.isErrorName(first)
    }

    /// The receiver for the callback given to `.catch(…)`/`.then(ok, …)`: a function literal, a
    /// function of this file, or a logger (generic by construction). Forwarders such as `next`
    /// pass the error on; other names defined elsewhere cannot be judged.
    private func callbackReceiver(_ segment: Range<Int>, anchor: Range<Int>) -> Receiver? {
        let value = model.tokens[segment.lowerBound].range.lowerBound..<model.tokens[segment.upperBound - 1].range.upperBound
        if let function = model.function(startingAt: value.lowerBound) {
            return Receiver(anchor: anchor, body: function.body, binding: function.parameters.first,
                            readsCodeInPattern: destructuresCode(function.extent.lowerBound..<function.body.lowerBound))
        }
        let text = model.text(value)
        guard segment.allSatisfy({ model.isIdentifier($0) || model.token($0, is: ".") }) else { return nil }
        let last = String(text.split(separator: ".").last ?? "")
        if Self.forwarders.contains(last) { return nil }
        if text.hasPrefix("console.") || text.lowercased().contains("logger") { return Receiver(anchor: anchor, body: nil) }
        if let function = model.function(namedLast: last) {
            return Receiver(anchor: anchor, body: function.body, binding: function.parameters.first)
        }
        return nil
    }

    // MARK: - Raw HTTP requests (Swift URLSession/AsyncHTTPClient/Vapor, Python requests, JS fetch)

    private func httpHandling(_ request: CallSite) -> [Receiver]? {
        let language = model.file.language
        if language == .swift, swallowsErrors(request) { return nil }
        let scope = judgedScope(of: request.name.lowerBound)
        guard readsStatus(scope.range) || callersReadStatus(scope.function, depth: 0) else { return nil }
        guard language == .swift else { return [] }
        var receivers = statusBranches(in: scope.range)
        if let block = model.enclosingTryBlocks(of: request.name.lowerBound).first(where: { Self.isInside($0, scope.function) && !$0.handlers.isEmpty }),
           let handler = block.handlers.first(where: { $0.caughtTypes.isEmpty }) ?? block.handlers.first {
            receivers.append(receiver(for: handler, in: block))
        }
        return receivers
    }

    /// `try? await session.data(for:)`, `try! …`.
    private func swallowsErrors(_ request: CallSite) -> Bool {
        var cursor = model.tokenIndex(atOrAfter: request.extent.lowerBound) - 1
        if model.token(cursor, is: "await") { cursor -= 1 }
        return (model.token(cursor, is: "?") || model.token(cursor, is: "!")) && model.token(cursor - 1, is: "try")
    }

    /// The code judged around a request: the innermost named function holding it (anonymous
    /// callbacks such as a `dataTask` completion or a `.then` belong to it), or the whole file.
    private func judgedScope(of offset: Int) -> (function: FunctionScope?, range: Range<Int>) {
        let holders = model.enclosingFunctions(of: offset)
        if let named = holders.first(where: { $0.name != nil }) ?? holders.last { return (named, named.extent) }
        return (nil, 0..<model.file.bytes.count)
    }

    /// Whether code reads an HTTP status: `statusCode`, `status_code`, `raise_for_status()`,
    /// `response.status`, `response.ok` (not `res.status(500)`, not Swift's `.ok` case), or calls a
    /// helper of this file that does.
    private func readsStatus(_ range: Range<Int>) -> Bool {
        statusReads.value(for: range) { readsStatus(range, followCalls: true) }
    }

    private func readsStatus(_ range: Range<Int>, followCalls: Bool) -> Bool {
        let swift = model.file.language == .swift
        for index in tokenRange(range) where model.isIdentifier(index) {
            let name = model.text(ofToken: index)
            if ["statusCode", "status_code", "raise_for_status"].contains(name) { return true }
            if name == "status" || (name == "ok" && !swift), model.token(index - 1, is: ".") || model.token(index - 1, is: "?."),
               model.isIdentifier(index - 2) || model.token(index - 2, is: ")"), !model.token(index + 1, is: "(") {
                return true
            }
        }
        guard followCalls else { return false }
        return model.calls(in: range).contains { call in
            let name = String(call.callee.split(separator: ".").last ?? "")
            return definitions.functionBodies[name]?.contains { readsStatus($0, followCalls: false) } == true
        }
    }

    /// A helper that returns the response: every caller in the file reads the status.
    private func callersReadStatus(_ function: FunctionScope?, depth: Int) -> Bool {
        guard depth < 2, let function, let name = function.name?.split(separator: ".").last.map(String.init) else { return false }
        let callers = model.calls(to: [name, "self.\(name)", "this.\(name)"]).filter { !function.extent.contains($0.name.lowerBound) }
        return !callers.isEmpty && callers.allSatisfy { caller in
            let scope = judgedScope(of: caller.name.lowerBound)
            return readsStatus(scope.range) || callersReadStatus(scope.function, depth: depth + 1)
        }
    }

    /// Swift branches taken when the status is bad: `guard (200..<300).contains(http.statusCode) else { … }`,
    /// `if http.statusCode != 201 { … }`, the `else` of `if http.statusCode == 201 { … } else { … }`.
    private func statusBranches(in range: Range<Int>) -> [Receiver] {
        self.branches.value(for: range) { findStatusBranches(in: range) }
    }

    private func findStatusBranches(in range: Range<Int>) -> [Receiver] {
        var branches: [Receiver] = []
        for index in tokenRange(range) where model.token(index, is: "guard") || model.token(index, is: "if") {
            var cursor = index + 1
            while cursor < model.tokens.count, !model.token(cursor, is: "{") {
                if model.partner[cursor] > cursor { cursor = model.partner[cursor] }
                cursor += 1
            }
            guard cursor < model.tokens.count, model.partner[cursor] > cursor else { continue }
            let condition = (index + 1)..<cursor
            guard condition.contains(where: { model.token($0, is: "statusCode") || (model.token($0, is: "status") && model.token($0 - 1, is: ".")) }) else { continue }
            let open: Int
            if model.token(index, is: "guard") {
                open = cursor
            } else if condition.contains(where: { model.token($0, is: "!=") || model.token($0, is: ">=") || model.token($0, is: ">") || isNegation($0) }) {
                open = cursor
            } else if model.token(model.partner[cursor] + 1, is: "else"), model.token(model.partner[cursor] + 2, is: "{") {
                open = model.partner[cursor] + 2
            } else {
                continue
            }
            guard model.partner[open] > open else { continue }
            let body = model.tokens[open].range.upperBound..<model.tokens[model.partner[open]].range.lowerBound
            branches.append(Receiver(anchor: model.tokens[index].range, body: body, binding: nil, anyReceiver: true))
        }
        return branches
    }

    /// A prefix `!` (`!(200..<300).contains(code)`), not a force unwrap (`response!`).
    private func isNegation(_ index: Int) -> Bool {
        model.token(index, is: "!") && !(model.isIdentifier(index - 1) || model.token(index - 1, is: ")") || model.token(index - 1, is: "]"))
    }

    // MARK: - Tokens

    private func tokenRange(_ range: Range<Int>) -> Range<Int> {
        let first = model.tokenIndex(atOrAfter: range.lowerBound)
        let end = model.tokenIndex(atOrAfter: range.upperBound)
        return first..<max(first, end)
    }

    private func closeParen(of site: CallSite) -> Int {
        model.tokenIndex(atOrAfter: site.argumentList.upperBound)
    }
}
