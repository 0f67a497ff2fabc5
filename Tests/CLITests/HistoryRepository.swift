import Foundation
import XCTest

/// Builds git histories for the `twilint history` tests: commits with fixed
/// author dates, files added, changed, moved and deleted, merges. Secrets are
/// made at run time from a seed, so none is written in the test sources.
struct HistoryRepository {
    let test: CLITestCase
    /// Commits made so far, by message.
    private(set) var commits: [String: String] = [:]
    private var day = 0

    init(_ test: CLITestCase) throws {
        self.test = test
        try test.git(["init", "-q", "-b", "main"])
    }

    /// An Account SID (`AC` + 32 hex digits) that looks random and is the same for the same seed.
    static func sid(_ seed: UInt64) -> String { "AC" + hex(seed, count: 32) }

    /// A 32-hex-digit auth token for the seed.
    static func token(_ seed: UInt64) -> String { hex(seed &+ 1000, count: 32) }

    private static func hex(_ seed: UInt64, count: Int) -> String {
        var state = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return String((0..<count).map { _ -> Character in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Array("0123456789abcdef")[Int(state >> 60)]
        })
    }

    /// Writes `files` (nil deletes one), stages everything and commits as `message`,
    /// one day after the previous commit; returns the commit id.
    @discardableResult
    mutating func commit(_ message: String, _ files: [String: String?] = [:]) throws -> String {
        for (path, text) in files {
            if let text {
                try test.write(path, text)
            } else {
                try FileManager.default.removeItem(at: test.root.appendingPathComponent(path))
            }
        }
        try test.git(["add", "-A"])
        let date = date()
        try test.git(["commit", "-q", "--allow-empty", "-m", message], environment: Self.dated(date))
        return try record(message)
    }

    /// Merges `branch` into the current branch, resolving conflicts with `resolution` (then committing).
    @discardableResult
    mutating func merge(_ branch: String, _ message: String, resolution: [String: String] = [:]) throws -> String {
        let date = date()
        if resolution.isEmpty {
            try test.git(["merge", "-q", "--no-ff", "-m", message, branch], environment: Self.dated(date))
        } else {
            try test.git(["merge", "-q", "--no-ff", "--no-commit", branch], allowFailure: true)
            for (path, text) in resolution { try test.write(path, text) }
            try test.git(["add", "-A"])
            try test.git(["commit", "-q", "-m", message], environment: Self.dated(date))
        }
        return try record(message)
    }

    /// Author and committer date both: `--since-date` filters by the committer's.
    private static func dated(_ date: String) -> [String: String] {
        ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
    }

    private mutating func record(_ message: String) throws -> String {
        let id = try test.git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
        commits[message] = id
        return id
    }

    private mutating func date() -> String {
        day += 1
        return "2024-01-\(day < 10 ? "0" : "")\(day)T12:00:00Z"
    }

    /// The ISO date `commit` got, for assertions.
    static func date(ofCommit number: Int) -> String {
        "2024-01-\(number < 10 ? "0" : "")\(number)T12:00:00Z"
    }
}
