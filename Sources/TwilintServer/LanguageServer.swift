import Dispatch
import Foundation
import TwilintKit

/// A Language Server Protocol 3.17 server for twilint. Messages are handled in
/// order on one queue; `$/cancelRequest` is noted as it arrives, so a request
/// still waiting behind other work is answered `RequestCancelled`. Each open
/// document keeps its findings; a change re-lints that document alone, and a
/// configuration change re-lints the open ones.
///
/// The project pass stays warm: the first time an open document of a workspace folder asks
/// other files (a controller whose router says whether it is validated), the folder's files are
/// walked once for their project facts. A change re-scans only the changed document; when what
/// it tells other files changed (a route lost its `twilio.webhook()`), every open document of
/// the folder is judged again from its kept findings, and those whose diagnostics changed are
/// published again. Open buffers' facts stand in for their files' on disk; watched file
/// changes, saves and closes refresh the disk's.
public final class LanguageServer: @unchecked Sendable {
    /// What `twilint server`'s command line says.
    public struct Options: Sendable {
        /// Custom rule folders added to every configuration (`twilint server --rules-dir`).
        public var rulesDirectories: [String] = []
        public init() {}
    }

    /// One open document and what twilint found in it.
    struct OpenDocument {
        var document: TextDocument
        /// As published: the findings the project's answers leave.
        var findings: [Finding] = []
        /// Before the project pass, kept so that another file's change re-judges this one without a re-lint.
        var unanswered: [Finding] = []
        /// What the buffer tells the project pass (in place of its file's facts on disk).
        var module: ModuleFacts?
        /// The linter of the last scan (its rules' analyzers match the project's answers); nil when none could be made.
        var linter: Linter?
        /// The workspace folder holding the document, whose project it is judged in; nil outside every folder.
        var folder: String?
        /// Scanned at least once (`module` is the buffer's).
        var scanned = false
        /// What the scan said about parts of the document: directives that name no known rule.
        var notices: [Diagnostic] = []
        var rules: [String: Rule] = [:]
        /// Changed since the last lint.
        var dirty = true
        /// Told to pull-diagnostic clients; changes with every lint.
        var resultID = 0
    }

    private let queue = DispatchQueue(label: "twilint.server")
    private let output: @Sendable (Data) -> Void
    private let log: @Sendable (String) -> Void
    private let cancelled = LockedSet()
    private let workspace: Workspace

    // Confined to `queue`.
    private var encoding = PositionEncoding.utf16
    private var documents: [String: OpenDocument] = [:]
    private var initialized = false, shutDown = false
    private var debounce = 0
    private var pendingLints: [String: DispatchWorkItem] = [:]
    private var problemURIs: Set<String> = []
    /// The project facts of each workspace folder's files on disk, walked when one of its documents first asks other files.
    private var projects: [String: ProjectFacts] = [:]
    /// The scanned open documents of each workspace folder (nil: of none), kept as they change so
    /// that a lint never walks every open document.
    private var linked: [String?: LinkedDocuments] = [:]

    /// A folder's scanned open documents, as the project pass sees them.
    struct LinkedDocuments {
        var uris: Set<String> = []
        /// Each buffer's facts by path, in place of its file's (nil: it takes no part now).
        var overlay: [String: ModuleFacts?] = [:]
        /// The documents that ask other files: only while there is one are answers worked out.
        var asking: Set<String> = []
    }
    private var documentChanges = false
    private var registersWatchers = false
    private var nextRequestID = 1
    /// Called with the process's exit status when the client sends `exit` (or closes the stream).
    public var onExit: @Sendable (Int32) -> Void = { exit($0) }

    /// A server that writes framed messages with `output` and log lines with `log` (standard error).
    public init(options: Options, output: @escaping @Sendable (Data) -> Void, log: @escaping @Sendable (String) -> Void) {
        workspace = Workspace(rulesDirectories: options.rulesDirectories)
        self.output = output
        self.log = log
    }

    // MARK: - Transport side (any thread)

    /// One message body from the stream. Malformed JSON is answered `ParseError` here;
    /// cancellations are noted at once; everything else waits its turn on the queue.
    public func receive(_ body: Data) {
        guard let message = JSON.parse(body) else {
            log("twilint server: a message is not JSON and was answered with ParseError: \(String(decoding: body.prefix(200), as: UTF8.self).debugDescription)")
            send(["jsonrpc": "2.0", "id": nil, "error": ResponseError(ResponseError.parseError, "the message is not valid JSON").json])
            return
        }
        if message["method"]?.string == "$/cancelRequest", let id = message["params"]?["id"] {
            cancelled.insert(id)
            return
        }
        queue.async { self.handle(message) }
    }

    /// A header block without a usable length: logged, and the stream goes on.
    public func receiveBadHeader(_ description: String) {
        log("twilint server: \(description)")
    }

    /// The client closed the stream: exit as `exit` would.
    public func endOfInput() {
        queue.async { self.onExit(self.shutDown ? 0 : 1) }
    }

    /// Waits until the messages received so far have been handled (tests call it twice to let the lint they scheduled run).
    public func drain() { queue.sync {} }

    private func send(_ message: JSON) { output(MessageFraming.frame(message.serialized)) }

    // MARK: - Dispatch

    private func handle(_ message: JSON) {
        let id = message["id"]
        guard message.object != nil, message["jsonrpc"]?.string == "2.0" else {
            return reject(id, ResponseError(ResponseError.invalidRequest, "a JSON-RPC 2.0 message must be an object with \"jsonrpc\": \"2.0\""))
        }
        guard let method = message["method"]?.string else {
            // An answer to one of our requests (client/registerCapability) needs nothing more.
            if id != nil, message["result"] != nil || message["error"] != nil { return }
            return reject(id, ResponseError(ResponseError.invalidRequest, "the message has neither a method nor a result"))
        }
        let params = message["params"] ?? .null
        guard let id else { return notify(method, params) }
        guard id.int != nil || id.string != nil else {
            return reject(nil, ResponseError(ResponseError.invalidRequest, "a request id must be a number or a string"))
        }
        if cancelled.remove(id) {
            return reject(id, ResponseError(ResponseError.requestCancelled, "the request was cancelled"))
        }
        do {
            send(["jsonrpc": "2.0", "id": id, "result": try request(method, params)])
        } catch let error as ResponseError {
            reject(id, error)
        } catch {
            reject(id, ResponseError(ResponseError.invalidParams, "\(error)"))
        }
    }

    private func reject(_ id: JSON?, _ error: ResponseError) {
        log("twilint server: \(error.message)")
        send(["jsonrpc": "2.0", "id": id ?? .null, "error": error.json])
    }

    private func request(_ method: String, _ params: JSON) throws -> JSON {
        if method == "initialize" { return initialize(params) }
        guard initialized else { throw ResponseError(ResponseError.serverNotInitialized, "initialize must come first") }
        guard !shutDown else { throw ResponseError(ResponseError.invalidRequest, "the server is shutting down; only 'exit' is accepted") }
        switch method {
        case "shutdown":
            shutDown = true
            return .null
        case "textDocument/diagnostic": return try pullDiagnostics(params)
        case "textDocument/hover": return try hover(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw ResponseError(ResponseError.methodNotFound, "twilint does not handle '\(method)'")
        }
    }

    private func notify(_ method: String, _ params: JSON) {
        if method == "exit" { return onExit(shutDown ? 0 : 1) }
        guard initialized, !shutDown else { return }
        switch method {
        case "initialized": registerWatchers()
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didSave": didSave(params)
        case "textDocument/didClose": didClose(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        case "workspace/didChangeConfiguration": reloadConfiguration()
        case "workspace/didChangeWorkspaceFolders": didChangeFolders(params)
        default: break
        }
    }

    // MARK: - Lifecycle

    private func initialize(_ params: JSON) -> JSON {
        initialized = true
        let capabilities = params["capabilities"]
        encoding = PositionEncoding.negotiate(capabilities?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? [])
        documentChanges = capabilities?["workspace"]?["workspaceEdit"]?["documentChanges"]?.bool ?? false
        registersWatchers = capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool ?? false
        debounce = max(0, params["initializationOptions"]?["debounceMilliseconds"]?.int ?? 0)
        var folders = params["workspaceFolders"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? []
        if folders.isEmpty, let root = params["rootUri"]?.string.flatMap(DocumentURI.path) ?? params["rootPath"]?.string {
            folders = [root]
        }
        workspace.setFolders(folders)
        return [
            "capabilities": [
                "positionEncoding": JSON(encoding.rawValue),
                "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
                "hoverProvider": true,
                "codeActionProvider": ["codeActionKinds": ["quickfix", JSON(Self.fixAllKind)]],
                "diagnosticProvider": ["identifier": "twilint", "interFileDependencies": true, "workspaceDiagnostics": false],
                "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
            ],
            "serverInfo": ["name": "twilint", "version": JSON(TwilintVersion.current)],
        ]
    }

    /// Asks the client to tell us about configuration and rule files, when it can.
    private func registerWatchers() {
        guard registersWatchers else { return }
        // Configuration and rule files; and the sources whose project facts the server keeps.
        let watchers = JSON.array((["**/.twilint.yml", "**/*.yml", "**/*.yaml"] + Self.projectSourceGlobs).map { ["globPattern": JSON($0)] })
        send(["jsonrpc": "2.0", "id": JSON("twilint-\(nextRequestID)"), "method": "client/registerCapability",
              "params": ["registrations": [["id": "twilint-watched-files", "method": "workspace/didChangeWatchedFiles",
                                            "registerOptions": ["watchers": watchers]]]]])
        nextRequestID += 1
    }

    /// The files the project pass links (JS/TS and Python).
    static let projectSourceGlobs = ["**/*.js", "**/*.jsx", "**/*.mjs", "**/*.cjs", "**/*.ts", "**/*.tsx", "**/*.mts", "**/*.cts", "**/*.py"]

    // MARK: - Documents

    private func didOpen(_ params: JSON) {
        let item = params["textDocument"]
        guard let uri = item?["uri"]?.string, let text = item?["text"]?.string else { return log("twilint server: didOpen without a uri or text") }
        let path = DocumentURI.path(of: uri) ?? uri
        documents[uri] = OpenDocument(document: TextDocument(uri: uri, path: path, version: item?["version"]?.int ?? 0, text: text))
        lint(uri)
    }

    private func didChange(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, var open = documents[uri] else { return }
        do {
            try open.document.apply(params["contentChanges"]?.array ?? [], version: params["textDocument"]?["version"]?.int ?? open.document.version,
                                    encoding: encoding)
        } catch {
            return log("twilint server: \(uri): a change was ignored: \(error)")
        }
        open.dirty = true
        documents[uri] = open
        scheduleLint(uri)
    }

    /// Lints after `debounce` milliseconds of quiet, or (with none) once the changes
    /// already received have been applied: a burst of keystrokes costs one lint.
    private func scheduleLint(_ uri: String) {
        pendingLints[uri]?.cancel()
        let work = DispatchWorkItem { [self] in
            pendingLints[uri] = nil
            if documents[uri]?.dirty == true { lint(uri) }
        }
        pendingLints[uri] = work
        if debounce == 0 { queue.async(execute: work) } else { queue.asyncAfter(deadline: .now() + .milliseconds(debounce), execute: work) }
    }

    private func didSave(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string, var open = documents[uri] else { return }
        if let text = params["text"]?.string { open.document.replace(with: text) }
        documents[uri] = open
        lint(uri)
        // The file on disk is the buffer now: its facts there are the buffer's when it closes.
        refreshFromDisk(open.document.path)
        if let path = DocumentURI.path(of: uri), Self.isConfiguration(path) { reloadConfiguration() }
    }

    private func didClose(_ params: JSON) {
        guard let uri = params["textDocument"]?["uri"]?.string else { return }
        let closed = documents.removeValue(forKey: uri)
        if let closed, closed.scanned { unlink(uri, closed) }
        pendingLints.removeValue(forKey: uri)?.cancel()
        publish(uri: uri, version: nil, diagnostics: problemDiagnostics(for: uri))
        // The file's facts on disk stand again (an unsaved buffer's are gone): the other documents may read it otherwise.
        guard let closed, closed.scanned else { return }
        let disk = refreshFromDisk(closed.document.path)
        if !ModuleFacts.answerOthersAlike(closed.module, disk) { publishDocuments(judge(openURIs(in: closed.folder), in: closed.folder)) }
    }

    private func didChangeWatchedFiles(_ params: JSON) {
        let paths = params["changes"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? []
        if paths.contains(where: Self.isConfiguration) { return reloadConfiguration() }
        // A source file changed, appeared or went on disk: its facts for the other files are read again.
        var changedFolders: Set<String> = []
        for path in Set(paths) {
            guard let folder = workspace.folder(holding: path), let before = projects[folder] else { continue }
            let disk = refreshFromDisk(path)
            let shadowed = linked[folder]?.overlay[path] != nil
            if !shadowed, !ModuleFacts.answerOthersAlike(before[path], disk) { changedFolders.insert(folder) }
        }
        for folder in changedFolders.sorted() { publishDocuments(judge(openURIs(in: folder), in: folder)) }
    }

    /// Reads the file at `path` again for its folder's warm project facts (when the folder has them); its facts now.
    @discardableResult
    private func refreshFromDisk(_ path: String) -> ModuleFacts? {
        guard let folder = workspace.folder(holding: path), projects[folder] != nil else { return nil }
        let facts: ModuleFacts?
        if case .success(let linter) = workspace.linter(for: path) { facts = linter.moduleFacts(ofFile: path) } else { facts = nil }
        projects[folder]?[path] = facts
        return facts
    }

    private func didChangeFolders(_ params: JSON) {
        let removed = Set(params["event"]?["removed"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? [])
        let added = params["event"]?["added"]?.array?.compactMap { $0["uri"]?.string.flatMap(DocumentURI.path) } ?? []
        workspace.setFolders(workspace.folders.filter { !removed.contains($0) } + added)
        reloadConfiguration()
    }

    /// `.twilint.yml` or a YAML file that may be a custom rule.
    private static func isConfiguration(_ path: String) -> Bool {
        path.hasSuffix("/" + ConfigurationLoader.fileName) || path.hasSuffix(".yml") || path.hasSuffix(".yaml")
    }

    private func reloadConfiguration() {
        workspace.reload()
        // Excludes and ignores may differ now: the folders' facts are walked again when asked.
        projects.removeAll()
        linked.removeAll()
        let uris = documents.keys.sorted()
        for uri in uris {
            pendingLints.removeValue(forKey: uri)?.cancel()
            scan(uri)
        }
        var published: [String] = []
        for folder in linked.keys.sorted(by: { ($0 ?? "") < ($1 ?? "") }) {
            warmIfAsked(folder)
            published += judge(openURIs(in: folder), in: folder, forcing: Set(uris))
        }
        publishProblems()
        publishDocuments(published.sorted())
    }

    // MARK: - Linting

    /// Scans the document again and judges it in its project; when what it tells other files
    /// changed, judges the other open documents of its folder too, and publishes those that changed.
    private func lint(_ uri: String) {
        guard let old = documents[uri] else { return }
        // What the file told other files so far: its buffer's, or (just opened) its facts on disk.
        let before = old.scanned ? old.module : workspace.folder(holding: old.document.path).flatMap { projects[$0]?[old.document.path] }
        scan(uri)
        guard let open = documents[uri] else { return }
        let warmed = warmIfAsked(open.folder)
        let others = warmed || !ModuleFacts.answerOthersAlike(before, open.module) ? openURIs(in: open.folder) : [uri]
        let published = judge(others, in: open.folder, forcing: [uri])
        publishProblems()
        publishDocuments(published)
    }

    /// Scans the document's buffer alone: its findings before the project pass and its facts.
    private func scan(_ uri: String) {
        guard var open = documents[uri] else { return }
        if open.scanned { unlink(uri, open) }
        open.folder = workspace.folder(holding: open.document.path)
        switch workspace.linter(for: open.document.path) {
        case .success(let linter):
            let scan = linter.scanForProject(SourceBuffer(path: open.document.path, bytes: open.document.bytes))
            open.unanswered = scan.report.findings
            open.module = scan.module
            open.linter = linter
            open.notices = scan.report.diagnostics.filter { $0.byteRange != nil }
            open.rules = Dictionary(linter.rules.map { ($0.rule.id, $0.rule) }, uniquingKeysWith: { first, _ in first })
            open.rules[UnusedSuppression.rule.id] = UnusedSuppression.rule
        case .failure:
            open.unanswered = []
            open.module = nil
            open.linter = nil
            open.notices = []
        }
        open.scanned = true
        open.dirty = false
        documents[uri] = open
        link(uri, open)
    }

    /// The open documents of a workspace folder (nil: of none), sorted.
    private func openURIs(in folder: String?) -> [String] {
        linked[folder]?.uris.sorted() ?? []
    }

    private func link(_ uri: String, _ open: OpenDocument) {
        linked[open.folder, default: LinkedDocuments()].uris.insert(uri)
        linked[open.folder, default: LinkedDocuments()].overlay.updateValue(open.module, forKey: open.document.path)
        if open.module?.asksOtherFiles == true {
            linked[open.folder, default: LinkedDocuments()].asking.insert(uri)
        } else {
            linked[open.folder]?.asking.remove(uri)
        }
    }

    private func unlink(_ uri: String, _ open: OpenDocument) {
        // In place: a copy would copy every open document's entry.
        linked[open.folder]?.uris.remove(uri)
        linked[open.folder]?.overlay.removeValue(forKey: open.document.path)
        linked[open.folder]?.asking.remove(uri)
        if linked[open.folder]?.uris.isEmpty == true { linked[open.folder] = nil }
    }

    /// Walks `folder` for its files' project facts, the first time one of its open documents asks
    /// other files (so a tree without a Twilio project is never walked). Whether it walked now.
    @discardableResult
    private func warmIfAsked(_ folder: String?) -> Bool {
        guard let folder, projects[folder] == nil, let asking = linked[folder]?.asking.min(), let linter = documents[asking]?.linter
        else { return false }
        let started = DispatchTime.now()
        let facts = linter.moduleFacts(of: [folder])
        projects[folder] = facts
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
        log("twilint server: \(folder): project facts of \(facts.count) files in \(Int(milliseconds.rounded())) ms")
        return true
    }

    /// Judges `uris` against their folder's project: the warm facts on disk, with the open
    /// buffers' in place of their files'. Those whose findings changed, and the `forcing` ones,
    /// get a new result; they are returned, to publish.
    private func judge(_ uris: [String], in folder: String?, forcing forced: Set<String> = []) -> [String] {
        let answers = projectAnswers(in: folder)
        var changed: [String] = []
        for uri in uris {
            guard var open = documents[uri] else { continue }
            let findings = open.linter?.keeping(open.unanswered, answers: answers) ?? open.unanswered
            guard forced.contains(uri) || findings != open.findings else { continue }
            open.findings = findings
            open.resultID += 1
            documents[uri] = open
            changed.append(uri)
        }
        return changed
    }

    /// The findings the folder's project answers; none when no open document of it asks other files.
    private func projectAnswers(in folder: String?) -> ProjectAnswers {
        guard let documents = linked[folder], !documents.asking.isEmpty else { return .none }
        return (folder.flatMap { projects[$0] } ?? ProjectFacts()).answers(overlaying: documents.overlay)
    }

    private func publishDocuments(_ uris: [String]) {
        for uri in uris {
            guard let open = documents[uri] else { continue }
            publish(uri: uri, version: open.document.version, diagnostics: diagnostics(of: open) + problemDiagnostics(for: uri))
        }
    }

    private func lintIfDirty(_ uri: String) {
        if documents[uri]?.dirty == true {
            pendingLints.removeValue(forKey: uri)?.cancel()
            lint(uri)
        }
    }

    private func diagnostics(of open: OpenDocument) -> [JSON] {
        let maker = DiagnosticMaker(document: open.document, encoding: encoding)
        return open.findings.map { maker.diagnostic($0, rule: open.rules[$0.ruleID]) } + open.notices.map(maker.diagnostic)
    }

    private func problemDiagnostics(for uri: String) -> [JSON] {
        guard let path = DocumentURI.path(of: uri) else { return [] }
        return workspace.problems.filter { $0.path == path }.map(DiagnosticMaker.diagnostic)
    }

    /// Publishes the configuration problems on their files, and clears the files whose problem is gone.
    private func publishProblems() {
        let current = Set(workspace.problems.map { DocumentURI.uri(of: $0.path) })
        for uri in current.union(problemURIs).sorted() {
            let open = documents.first { DocumentURI.path(of: $0.key) == DocumentURI.path(of: uri) }
            if let open {
                publish(uri: open.key, version: open.value.document.version, diagnostics: diagnostics(of: open.value) + problemDiagnostics(for: uri))
            } else {
                publish(uri: uri, version: nil, diagnostics: problemDiagnostics(for: uri))
            }
        }
        problemURIs = current
    }

    private func publish(uri: String, version: Int?, diagnostics: [JSON]) {
        var params: [String: JSON] = ["uri": JSON(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = JSON(version) }
        send(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)])
    }

    // MARK: - Requests on documents

    private func openDocument(_ params: JSON) throws -> (uri: String, open: OpenDocument) {
        guard let uri = params["textDocument"]?["uri"]?.string else {
            throw ResponseError(ResponseError.invalidParams, "the request names no textDocument.uri")
        }
        lintIfDirty(uri)
        guard let open = documents[uri] else { throw ResponseError(ResponseError.invalidParams, "\(uri) is not open") }
        return (uri, open)
    }

    private func pullDiagnostics(_ params: JSON) throws -> JSON {
        let (uri, open) = try openDocument(params)
        let resultID = "\(open.resultID)"
        if params["previousResultId"]?.string == resultID { return ["kind": "unchanged", "resultId": JSON(resultID)] }
        return ["kind": "full", "resultId": JSON(resultID), "items": .array(diagnostics(of: open) + problemDiagnostics(for: uri))]
    }

    private func hover(_ params: JSON) throws -> JSON {
        let (_, open) = try openDocument(params)
        guard let position = Position(params["position"]) else { throw ResponseError(ResponseError.invalidParams, "the request has no position") }
        let offset = open.document.offset(of: position, encoding: encoding)
        let hits = open.findings.filter { $0.byteRange.contains(offset) || $0.byteRange.upperBound == offset }
        guard let first = hits.first else { return .null }
        let text = hits.map { finding -> String in
            var lines = ["**\(finding.ruleID) \(finding.ruleName)** (\(finding.severity.rawValue)): \(finding.message)"]
            if let rule = open.rules[finding.ruleID] {
                lines += [rule.docs.summary, "**Why it matters.** \(rule.docs.why)", "**How to fix.** \(rule.docs.fix)",
                          "[\(rule.id) documentation](\(rule.documentationURI))"]
            }
            return lines.joined(separator: "\n\n")
        }.joined(separator: "\n\n---\n\n")
        return ["contents": ["kind": "markdown", "value": JSON(text)],
                "range": DiagnosticMaker(document: open.document, encoding: encoding).range(first.byteRange)]
    }

    /// The kind of the action that applies every safe fix of the file (as `--fix` would).
    static let fixAllKind = "source.fixAll.twilint"

    private func codeActions(_ params: JSON) throws -> JSON {
        let (uri, open) = try openDocument(params)
        let only = params["context"]?["only"]?.array?.compactMap(\.string)
        func asked(_ kind: String) -> Bool? { only.map { $0.contains { kind == $0 || kind.hasPrefix($0 + ".") } } }
        var actions: [JSON] = []
        // A source action is offered only when asked for (on save, or from a "source action" menu), not beside every quick fix.
        if asked(Self.fixAllKind) == true, open.findings.contains(where: { $0.fix?.applicability == .safe }),
           case .success(let linter) = workspace.linter(for: open.document.path) {
            let fixed = Fixer(linter: linter, unsafe: false).fix(open.document.bytes, path: open.document.path)
            let whole = Edit(0..<open.document.bytes.count, String(decoding: fixed.bytes, as: UTF8.self))
            actions.append(["title": JSON("Fix all safe twilint findings (\(fixed.fixed.count))"), "kind": JSON(Self.fixAllKind),
                            "edit": workspaceEdit(uri, open.document, [whole])])
        }
        guard asked("quickfix") ?? true else { return .array(actions) }
        guard let start = Position(params["range"]?["start"]), let end = Position(params["range"]?["end"]) else {
            throw ResponseError(ResponseError.invalidParams, "the request has no range")
        }
        let lower = open.document.offset(of: start, encoding: encoding), upper = open.document.offset(of: end, encoding: encoding)
        let hits = open.findings.filter { $0.byteRange.lowerBound <= upper && lower <= $0.byteRange.upperBound }
        let maker = DiagnosticMaker(document: open.document, encoding: encoding)
        var suppressed: Set<String> = []
        for finding in hits {
            let diagnostic = maker.diagnostic(finding, rule: open.rules[finding.ruleID])
            if let fix = finding.fix {
                var title = fix.title
                if fix.applicability == .unsafe { title += " (unsafe: it changes behaviour" + (fix.instruction.map { "; then \($0)" } ?? "") + ")" }
                actions.append(action(title, diagnostic, preferred: fix.applicability == .safe, edit: workspaceEdit(uri, open.document, fix.edits)))
            }
            let key = "\(finding.ruleID)@\(finding.start.line)"
            guard finding.ruleID != UnusedSuppression.rule.id, !suppressed.contains(key) else { continue }
            suppressed.insert(key)
            let edits = SuppressionInsertion.edits(for: [finding], bytes: open.document.bytes, path: open.document.path, reason: "reason")
            if !edits.isEmpty {
                actions.append(action("Suppress \(finding.ruleID) on this line", diagnostic, preferred: false,
                                      edit: workspaceEdit(uri, open.document, edits)))
            }
        }
        return .array(actions)
    }

    private func action(_ title: String, _ diagnostic: JSON, preferred: Bool, edit: JSON) -> JSON {
        ["title": JSON(title), "kind": "quickfix", "diagnostics": [diagnostic], "isPreferred": .bool(preferred), "edit": edit]
    }

    private func workspaceEdit(_ uri: String, _ document: TextDocument, _ edits: [Edit]) -> JSON {
        let maker = DiagnosticMaker(document: document, encoding: encoding)
        let textEdits = JSON.array(edits.map { ["range": maker.range($0.range), "newText": JSON($0.replacement)] })
        if documentChanges {
            return ["documentChanges": [["textDocument": ["uri": JSON(uri), "version": JSON(document.version)], "edits": textEdits]]]
        }
        return ["changes": .object([uri: textEdits])]
    }
}
