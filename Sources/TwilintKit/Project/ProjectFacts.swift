import Foundation

/// The project pass's facts of many files, kept from one lint to the next: the language
/// server's warm model of a workspace folder. Its files are keyed by path as they were
/// scanned; a file that takes no part has no entry. `answers(overlaying:)` links them as a
/// scan of the whole folder would, with some files' facts replaced (editor buffers).
public struct ProjectFacts: Sendable {
    var modules: [String: ModuleFacts]

    public init() { modules = [:] }

    init(modules: [String: ModuleFacts]) { self.modules = modules }

    /// How many files take part.
    public var count: Int { modules.count }

    /// The facts of the file at `path`; nil (set or read) when it takes no part.
    public subscript(path: String) -> ModuleFacts? {
        get { modules[path] }
        set { modules[path] = newValue }
    }

    /// The findings the files answer for each other, with `overlay`'s facts (by path; nil: the
    /// file takes no part now) in place of the ones kept for those paths.
    public func answers(overlaying overlay: [String: ModuleFacts?] = [:]) -> ProjectAnswers {
        var linked = overlay.isEmpty ? Array(modules) : modules.filter { overlay[$0.key] == nil }.map { $0 }
        for (path, facts) in overlay { if let facts { linked.append((path, facts)) } }
        return ProjectAnswers(keys: ProjectPass(modules: linked.map { (path: $0.key, facts: $0.value) }).answeredFindings())
    }
}

/// The per-file findings a project pass answered (they are dropped): `Linter.keeping(_:answers:)` filters by them.
public struct ProjectAnswers: Sendable, Equatable {
    let keys: Set<FindingKey>

    public static let none = ProjectAnswers(keys: [])

    public var isEmpty: Bool { keys.isEmpty }
}

extension ModuleFacts {
    /// Whether the file asks other files anything: only then do its findings wait for the project's answers.
    public var asksOtherFiles: Bool { !questions.isEmpty }

    /// Whether a file with facts `a` and with facts `b` answers the other files' questions alike (its
    /// own questions aside): when it does, a change of the file cannot change another file's findings.
    public static func answerOthersAlike(_ a: ModuleFacts?, _ b: ModuleFacts?) -> Bool {
        guard let a, let b else { return (a?.answersNothing ?? true) && (b?.answersNothing ?? true) }
        return a.identities == b.identities && a.importedCalls == b.importedCalls && a.mounts == b.mounts
            && a.validatesDjangoViewsUnder == b.validatesDjangoViewsUnder
    }

    /// Facts that answer no other file: questions alone.
    private var answersNothing: Bool { importedCalls.isEmpty && mounts.isEmpty && validatesDjangoViewsUnder == nil }
}
