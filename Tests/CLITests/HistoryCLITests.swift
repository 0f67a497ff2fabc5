import Foundation
import SARIFChecks
import XCTest

/// `twilint history` on git repositories built by each test.
final class HistoryCLITests: CLITestCase {
    let sid1 = HistoryRepository.sid(1), sid2 = HistoryRepository.sid(2), sid3 = HistoryRepository.sid(3)
    let token = HistoryRepository.token(2)

    /// A history with a secret added, moved, deleted, re-added elsewhere and renamed;
    /// a branch merged; a binary file, a lock file and a placeholder SID.
    func makeStory() throws -> HistoryRepository {
        var repo = try HistoryRepository(self)
        try repo.commit("add", ["app.py": "import os\nsid = '\(sid1)'\n", "old.py": "legacy = '\(sid3)'\n"])
        try repo.commit("move", ["app.py": "import os\n\n\n\nACCOUNT_SID = '\(sid1)'\n"])
        try repo.commit("delete", ["app.py": "import os\nsid = os.environ['TWILIO_ACCOUNT_SID']\n", "old.py": nil])
        try repo.commit("re-add", ["config/settings.env": "TWILIO_ACCOUNT_SID=\(sid1)\n"])
        try git(["mv", "config/settings.env", "config/prod.env"])
        try repo.commit("rename")
        try git(["checkout", "-q", "-b", "feature"])
        try repo.commit("feature", ["feature.py": "account_sid = \"\(sid2)\"\nauth_token = \"\(token)\"\n"])
        try git(["checkout", "-q", "main"])
        try repo.commit("readme", ["README.md": "# app\n"])
        try repo.merge("feature", "merge")
        let binary = "blob\u{0}" + sid3 + "\n"
        try repo.commit("binary and lock", ["logo.bin": binary, "package-lock.json": "{\"sid\": \"\(HistoryRepository.sid(4))\"}\n",
                                            "docs.md": "Use AC\(String(repeating: "0", count: 32)) in examples.\n"])
        return repo
    }

    /// A suppression's reason may quote the secret it silences: history hides it there
    /// too, although its scan saw only the lines the commit added.
    func testReasonsQuotingTheSecretAreRedacted() throws {
        var repo = try HistoryRepository(self)
        try repo.commit("rotated", ["app.py": "import os\nsid = '\(sid1)'  # twilint: ignore[TW001] -- rotated, was \(sid1)\n"])
        for format in ["json", "json-lines", "sarif"] {
            let run = try twilint(["history", "--format", format, "--include-suppressed"])
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stdout.contains("rotated, was \(sid1.prefix(4))…\(sid1.suffix(2))"), "\(format): \(run.stdout.prefix(600))")
            XCTAssertFalse(run.stdout.contains(sid1), format)
        }
    }

    /// `RULE path:line <commit message> xN present|removed` per finding of a JSON Lines report.
    func summarise(_ output: String, _ repo: HistoryRepository) throws -> [String] {
        let names = Dictionary(uniqueKeysWithValues: repo.commits.map { ($1, $0) })
        return try output.split(separator: "\n").map { line in
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let commit = try XCTUnwrap(object["commit"] as? String)
            let present = (object["presentAtHead"] as? Bool).map { $0 ? "present" : "removed" } ?? "unknown"
            return "\(object["rule"]!) \(object["path"]!):\(object["line"]!) <\(names[commit] ?? commit)> x\(object["occurrences"]!) \(present)"
        }
    }

    func testFindsEachSecretOnceAtItsFirstCommit() throws {
        let repo = try makeStory()
        let run = try twilint(["history", "--format", "json-lines"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(try summarise(run.stdout, repo), [
            "TW001 app.py:2 <add> x3 present",
            "TW001 old.py:1 <add> x1 removed",
            "TW001 feature.py:1 <feature> x1 present",
            "TW002 feature.py:2 <feature> x1 present",
        ], "moved and re-added: one finding counting three commits; the rename and the merge add nothing; binary, lock file and placeholder stay silent")
        XCTAssertFalse(run.stdout.contains(sid1) || run.stdout.contains(token), "secrets are redacted")
    }

    func testAllOccurrencesListsEveryCommitThatAddedTheSecret() throws {
        let repo = try makeStory()
        let run = try twilint(["history", "--format", "json-lines", "--all-occurrences", "--select", "TW001"])
        XCTAssertEqual(try summarise(run.stdout, repo), [
            "TW001 app.py:2 <add> x1 present",
            "TW001 old.py:1 <add> x1 removed",
            "TW001 app.py:5 <move> x1 present",
            "TW001 config/settings.env:1 <re-add> x1 present",
            "TW001 feature.py:1 <feature> x1 present",
        ], "the line number is the line in that commit's file; the path is the path at that commit")
    }

    func testTextReportNamesTheCommitAndSaysWhetherHeadStillHoldsIt() throws {
        let repo = try makeStory()
        let run = try twilint(["history", "--select", "TW001"])
        let add = try XCTUnwrap(repo.commits["add"]).prefix(12)
        XCTAssertTrue(run.stdout.contains("""
            app.py:2:8: error[TW001 hardcoded-twilio-sid] Hardcoded Twilio SID detected. Use environment variables.
             2 | sid = '\(sid1.prefix(4))…\(sid1.suffix(2))'
               |        ^^^^^^^
               = commit \(add) (\(HistoryRepository.date(ofCommit: 1)), Test), added by 3 commits; still in HEAD: rotate it now
            """), run.stdout)
        XCTAssertTrue(run.stdout.contains("= commit \(add) (\(HistoryRepository.date(ofCommit: 1)), Test); no longer in HEAD: rotate it anyway"),
                      run.stdout)
        XCTAssertTrue(run.stdout.contains("Found 3 problems (3 errors, 0 warnings, 0 info) in 9 commits ("), run.stdout)
        XCTAssertTrue(run.stdout.contains("skipped 1 binary, 1 lock file."), run.stdout)
        XCTAssertFalse(try twilint(["history", "--no-author", "--select", "TW001"]).stdout.contains(", Test)"), "--no-author")
    }

    func testJSONCarriesTheCommitFields() throws {
        let repo = try makeStory()
        let run = try twilint(["history", "--format", "json", "--no-author"])
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let first = try XCTUnwrap((document["findings"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["commit"] as? String, repo.commits["add"])
        XCTAssertEqual(first["authorDate"] as? String, HistoryRepository.date(ofCommit: 1))
        XCTAssertNil(first["author"], "--no-author drops the name")
        XCTAssertEqual(first["occurrences"] as? Int, 3)
        XCTAssertEqual(first["presentAtHead"] as? Bool, true)
        XCTAssertEqual((document["summary"] as? [String: Any])?["commitsScanned"] as? Int, 9)
    }

    func testSarifHasVersionControlProvenanceAndTheCommitInEachResult() throws {
        let repo = try makeStory()
        try git(["remote", "add", "origin", "https://user:secret-token@example.com/acme/app.git"])
        let run = try twilint(["history", "--format", "sarif", "--output", "history.sarif"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(SARIFValidator.problems(inFile: root.appendingPathComponent("history.sarif").path), [])
        let text = try read("history.sarif")
        XCTAssertFalse(text.contains("secret-token"), "the remote's credentials never reach the report")
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let sarifRun = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let provenance = try XCTUnwrap((sarifRun["versionControlProvenance"] as? [[String: Any]])?.first)
        XCTAssertEqual(provenance["repositoryUri"] as? String, "https://example.com/acme/app.git")
        XCTAssertEqual(provenance["revisionId"] as? String, repo.commits["binary and lock"])
        XCTAssertEqual(provenance["branch"] as? String, "main")
        let results = try XCTUnwrap(sarifRun["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 4)
        let properties = try XCTUnwrap(results.first?["properties"] as? [String: Any])
        XCTAssertEqual(properties["commit"] as? String, repo.commits["add"])
        XCTAssertEqual(properties["authorDate"] as? String, HistoryRepository.date(ofCommit: 1))
    }

    func testGitLabAndJUnitNameTheCommit() throws {
        let repo = try makeStory()
        let short = try XCTUnwrap(repo.commits["feature"]).prefix(12)
        let gitlab = try twilint(["history", "--format", "gitlab"])
        let issues = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(gitlab.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(issues.count, 4)
        XCTAssertEqual(Set(issues.compactMap { $0["fingerprint"] as? String }).count, 4, "fingerprints are distinct")
        XCTAssertTrue(gitlab.stdout.contains("(commit \(short) (\(HistoryRepository.date(ofCommit: 6)), Test); still in HEAD"), gitlab.stdout)
        let junit = try twilint(["history", "--format", "junit"])
        XCTAssertEqual(junit.status, 1)
        XCTAssertTrue(junit.stdout.contains("<testcase classname=\"twilint\" name=\"feature.py\" file=\"feature.py\">"), junit.stdout)
        XCTAssertTrue(junit.stdout.contains("  commit \(short) (\(HistoryRepository.date(ofCommit: 6)), Test); still in HEAD"), junit.stdout)
    }

    func testExitCodesFollowFailOn() throws {
        _ = try makeStory()
        XCTAssertEqual(try twilint(["history", "--fail-on", "never"]).status, 0)
        XCTAssertEqual(try twilint(["history", "--max-commits", "1"]).status, 0, "the newest commit adds no secret")
        let run = try twilint(["history", "--max-commits", "1", "--format", "json-lines"])
        XCTAssertEqual(run.stdout, "")
    }

    func testSinceLimitsTheCommitsAndBranchesChooseTheRefs() throws {
        let repo = try makeStory()
        let since = try twilint(["history", "--since", "rename", "--format", "json-lines"])
        XCTAssertEqual(since.status, 2, "'rename' is a commit message, not a ref")
        XCTAssertTrue(since.stderr.contains("--since: no branch, tag or commit is called 'rename' in "), since.stderr)
        try git(["tag", "v1", try XCTUnwrap(repo.commits["rename"])])
        let sinceTag = try twilint(["history", "--since", "v1", "--format", "json-lines"])
        XCTAssertEqual(try summarise(sinceTag.stdout, repo), ["TW001 feature.py:1 <feature> x1 present", "TW002 feature.py:2 <feature> x1 present"])
        let byDate = try twilint(["history", "--since-date", "2024-01-05T00:00:00Z", "--format", "json-lines"])
        XCTAssertEqual(try summarise(byDate.stdout, repo), ["TW001 feature.py:1 <feature> x1 present", "TW002 feature.py:2 <feature> x1 present"])
        try git(["checkout", "-q", "-b", "side", try XCTUnwrap(repo.commits["add"])])
        var side = repo
        try side.commit("side", ["side.py": "sid = '\(sid3)'\n"])
        try git(["checkout", "-q", "main"])
        let head = try twilint(["history", "--format", "json-lines", "--select", "TW001"])
        XCTAssertFalse(head.stdout.contains("side.py"), "HEAD's history only by default")
        let all = try twilint(["history", "--format", "json-lines", "--branches", "all", "--select", "TW001"])
        XCTAssertEqual(try summarise(all.stdout, side).filter { $0.contains("old.py") || $0.contains("side.py") },
                       ["TW001 old.py:1 <add> x2 removed"], "the side branch re-adds the same secret: one finding, two commits")
        let named = try twilint(["history", "--format", "json-lines", "--branches", "side", "--select", "TW001"])
        XCTAssertEqual(try summarise(named.stdout, side), ["TW001 app.py:2 <add> x1 present", "TW001 old.py:1 <add> x2 removed"])
        let misplaced = try twilint(["history", "--branches", "main", "."])
        XCTAssertEqual(misplaced.status, 2)
        XCTAssertTrue(misplaced.stderr.contains("'.' is a folder, not a ref: name the folder before --branches (twilint history . --branches …)"),
                      misplaced.stderr)
        let unknown = try twilint(["history", "--branches", "nope"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "twilint: error: --branches: no branch, tag or commit is called 'nope' in \(root.path); "
            + "'git branch -a' and 'git tag' list them (in CI, fetch it first)\n")
    }

    func testAnEvilMergeReportsWhatOnlyTheMergeAdded() throws {
        var repo = try HistoryRepository(self)
        try repo.commit("base", ["app.py": "a = 1\n"])
        try git(["checkout", "-q", "-b", "side"])
        try repo.commit("side", ["app.py": "a = 2\n"])
        try git(["checkout", "-q", "main"])
        try repo.commit("main", ["app.py": "a = 3\n"])
        try repo.merge("side", "merge", resolution: ["app.py": "a = 3\nsid = '\(sid1)'\n"])
        let run = try twilint(["history", "--format", "json-lines"])
        XCTAssertEqual(try summarise(run.stdout, repo), ["TW001 app.py:2 <merge> x1 present"], run.stderr)
    }

    func testInlineDirectivesOfTheWholeFileAtThatCommitAreHonoured() throws {
        var repo = try HistoryRepository(self)
        try repo.commit("directive", ["fixtures.py": "# twilint: ignore-file[TW001] -- test data\n", "app.py": "x = 1\n"])
        try repo.commit("secrets", ["fixtures.py": "# twilint: ignore-file[TW001] -- test data\nsid = '\(sid1)'\n",
                                    "app.py": "x = 1\nsid = '\(sid2)'  # twilint: ignore[TW001]\nother = '\(sid3)'\n"])
        let run = try twilint(["history", "--format", "json"])
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(document["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { "\($0["path"]!):\($0["line"]!)" }, ["app.py:3"])
        let suppressed = try XCTUnwrap(document["suppressed"] as? [[String: Any]])
        XCTAssertEqual(suppressed.map { "\($0["path"]!):\($0["line"]!)" }.sorted(), ["app.py:2", "fixtures.py:2"],
                       "ignore-file sits on a line the commit did not add, and still counts")
    }

    func testConfigurationComesFromHead() throws {
        var repo = try HistoryRepository(self)
        try repo.commit("secrets", ["vendor/lib.py": "s = '\(sid1)'\n", "tests/test_app.py": "s = '\(sid2)'\n",
                                    "app.py": "account_sid = \"\(sid3)\"\nauth_token = \"\(token)\"\n"])
        try repo.commit("config", [".twilint.yml": "exclude: [\"vendor/\"]\nper-file-ignores:\n  \"tests/**\": [TW001]\nignore: [TW002]\n"])
        try write(".twilint.yml", "select: [TW002]\n")
        let run = try twilint(["history", "--format", "json-lines"])
        XCTAssertEqual(try summarise(run.stdout, repo), ["TW001 app.py:1 <secrets> x1 present"],
                       "HEAD's exclude, per-file-ignores and ignore apply; the working tree's edit does not: \(run.stderr)")
        let noConfig = try twilint(["history", "--no-config", "--format", "json-lines"])
        XCTAssertEqual(try summarise(noConfig.stdout, repo).count, 4)
        let behaviour = try twilint(["history", "--select", "TW003"])
        XCTAssertEqual(behaviour.status, 2)
        XCTAssertTrue(behaviour.stderr.contains("none of the selected rules reads plain text"), behaviour.stderr)
    }

    func testCustomRulesForAllFilesRun() throws {
        var repo = try HistoryRepository(self)
        let rule = """
            id: ACME2
            name: internal-host-anywhere
            severity: warning
            message: Internal host.
            patterns:
              - regex: 'internal\\.acme\\.test'
            docs: {summary: s, what: w, why: y, fix: f}
            examples: {match: ['internal.acme.test'], no-match: ['acme.test']}
            """
        try repo.commit("host", ["notes.txt": "see internal.acme.test\n"])
        // Written after the commit: its own examples would be findings in the history.
        try write("rules/ACME2.yml", rule)
        let run = try twilint(["history", "--rules-dir", "rules", "--format", "json-lines"])
        XCTAssertEqual(try summarise(run.stdout, repo), ["ACME2 notes.txt:1 <host> x1 present"], run.stderr)
    }

    func testBaselineAcknowledgesOldSecretsAndNewOnesStillFail() throws {
        var repo = try makeStory()
        let written = try twilint(["history", "--write-baseline", "history.baseline"])
        XCTAssertEqual(written.status, 0, written.stderr)
        XCTAssertEqual(written.stderr, "twilint: wrote 4 history baseline entries to history.baseline\n")
        let baseline = try read("history.baseline")
        XCTAssertFalse(baseline.contains(sid1) || baseline.contains(sid2) || baseline.contains(token), "hashes only")
        let entries = baseline.split(separator: "\n").filter { !$0.hasPrefix("#") }
        XCTAssertEqual(entries.count, 4)
        XCTAssertTrue(entries.allSatisfy { $0.range(of: "^TW00[12]\t[0-9a-f]{64}$", options: .regularExpression) != nil }, baseline)
        let known = try twilint(["history", "--baseline", "history.baseline"])
        XCTAssertEqual(known.status, 0, known.stdout)
        XCTAssertTrue(known.stdout.contains("; 4 in the baseline."), known.stdout)

        try repo.commit("new leak", ["later.py": "again = '\(sid1)'\nfresh = '\(HistoryRepository.sid(9))'\n"])
        let fresh = try twilint(["history", "--baseline", "history.baseline", "--format", "json-lines"])
        XCTAssertEqual(fresh.status, 1)
        XCTAssertEqual(try summarise(fresh.stdout, repo), ["TW001 later.py:2 <new leak> x1 present"], "a known secret added again stays known")
        let check = try twilint(["history", "--baseline", ".twilint-baseline-missing"])
        XCTAssertEqual(check.status, 2)
    }

    func testOneJobAndManyJobsGiveTheSameReport() throws {
        _ = try makeStory()
        let one = try twilint(["history", "--format", "json", "--jobs", "1"])
        let many = try twilint(["history", "--format", "json", "--jobs", "4"])
        XCTAssertEqual(one.stdout, many.stdout)
        XCTAssertEqual(one.status, 1)
    }

    /// With two jobs two git processes read the log from both ends: wherever they meet,
    /// every commit is read once, in any window `--max-commits` chooses.
    func testReadersFromBothEndsReadEachCommitOnce() throws {
        var repo = try HistoryRepository(self)
        for index in 1...7 { try repo.commit("c\(index)", ["f\(index).py": "sid = '\(HistoryRepository.sid(UInt64(10 + index)))'\n"]) }
        for limit in [nil, 1, 2, 4, 7, 8, 20] {
            let window = limit.map { ["--max-commits", "\($0)"] } ?? []
            let one = try twilint(["history", "--format", "json", "--jobs", "1"] + window)
            let two = try twilint(["history", "--format", "json", "--jobs", "2"] + window)
            XCTAssertEqual(one.status, 1, one.stderr)
            XCTAssertEqual(one.stdout, two.stdout, "--max-commits \(limit.map(String.init) ?? "none")")
            let summary = try XCTUnwrap((JSONSerialization.jsonObject(with: Data(two.stdout.utf8)) as? [String: Any])?["summary"] as? [String: Any])
            XCTAssertEqual(summary["commitsScanned"] as? Int, min(limit ?? 7, 7), "--max-commits \(limit.map(String.init) ?? "none")")
        }
    }

    // MARK: - Bad input

    func testOutsideARepositoryExitsTwo() throws {
        let run = try twilint(["history"])
        XCTAssertEqual(run.status, 2)
        XCTAssertTrue(run.stderr.hasPrefix("twilint: error: 'git rev-parse --show-toplevel' failed: fatal: not a git repository"), run.stderr)
        XCTAssertTrue(run.stderr.hasSuffix("; twilint history reads the commits of a git repository\n"), run.stderr)
        XCTAssertEqual(run.stderr.split(separator: "\n").count, 1, "one line")
        let missing = try twilint(["history", "no-such-folder"])
        XCTAssertEqual(missing.stderr, "twilint: error: no-such-folder: no such file or folder\n")
    }

    func testARepositoryWithoutCommitsExitsTwo() throws {
        try git(["init", "-q", "-b", "main"])
        let run = try twilint(["history"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "twilint: error: 'git rev-parse HEAD' failed: \(root.path) has no commits yet, so there is no history to scan\n")
    }

    func testAShallowCloneSaysHowFarTheScanWent() throws {
        let origin = root.appendingPathComponent("origin")
        try FileManager.default.createDirectory(at: origin, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: origin)
        for (index, text) in ["a = 1\n", "sid = '\(sid1)'\n", "b = 2\n"].enumerated() {
            try text.write(to: origin.appendingPathComponent("f\(index).py"), atomically: true, encoding: .utf8)
            try git(["add", "-A"], in: origin)
            try git(["commit", "-q", "-m", "c\(index)"], in: origin)
        }
        try git(["clone", "-q", "--depth", "2", "file://" + origin.path, "shallow"])
        let clone = root.appendingPathComponent("shallow")
        let oldest = try git(["rev-parse", "HEAD~1"], in: clone).prefix(12)
        let run = try twilint(["history", "--format", "gcc"], in: clone)
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertEqual(run.stdout, "f1.py:1:8: error: Hardcoded Twilio SID detected. Use environment variables. [TW001]\n")
        XCTAssertTrue(run.stderr.contains("twilint: warning: \(clone.path): this is a shallow clone: the scan read 2 commits back to commit \(oldest) of "),
                      run.stderr)
        XCTAssertTrue(run.stderr.contains("'git fetch --unshallow' brings them"), run.stderr)
    }

    /// With two jobs the oldest-first reader may read the shallow end: the warning still
    /// names the oldest commit read, not the last one that reader saw.
    func testAShallowCloneReadFromBothEndsNamesItsOldestCommit() throws {
        let origin = root.appendingPathComponent("origin")
        try FileManager.default.createDirectory(at: origin, withIntermediateDirectories: true)
        try git(["init", "-q", "-b", "main"], in: origin)
        // Each commit adds a large file, so the newest-first reader cannot read them all
        // before the other has counted them.
        let bulk = (0..<2000).map { "value_\($0) = \($0)\n" }.joined()
        for index in 0..<40 {
            try (bulk + "n = \(index)\n").write(to: origin.appendingPathComponent("f\(index).py"), atomically: true, encoding: .utf8)
            try git(["add", "-A"], in: origin)
            try git(["commit", "-q", "-m", "c\(index)"], in: origin)
        }
        try git(["clone", "-q", "--depth", "30", "file://" + origin.path, "shallow"])
        let clone = root.appendingPathComponent("shallow")
        let oldest = try git(["rev-parse", "HEAD~29"], in: clone).prefix(12)
        for jobs in ["1", "2"] {
            let run = try twilint(["history", "--format", "json", "--jobs", jobs], in: clone)
            XCTAssertEqual(run.status, 0, run.stderr)
            XCTAssertTrue(run.stderr.contains("the scan read 30 commits back to commit \(oldest) of "), "--jobs \(jobs): \(run.stderr)")
        }
    }

    func testAMissingObjectIsAWarningAndTheOtherCommitsAreScanned() throws {
        var repo = try HistoryRepository(self)
        try repo.commit("first", ["a.py": "sid = '\(sid1)'\n"])
        try repo.commit("lost", ["b.py": "sid = '\(sid2)'\n"])
        try repo.commit("last", ["c.py": "sid = '\(sid3)'\n"])
        let blob = try git(["rev-parse", "HEAD~1:b.py"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        let run = try twilint(["history", "--format", "json-lines"])
        XCTAssertEqual(run.status, 1, "the other commits' findings still fail the run: \(run.stderr)")
        XCTAssertEqual(try summarise(run.stdout, repo), ["TW001 a.py:1 <first> x1 present", "TW001 c.py:1 <last> x1 present"])
        let lost = try XCTUnwrap(repo.commits["lost"]).prefix(12)
        XCTAssertTrue(run.stderr.contains("twilint: warning: \(root.path): commit \(lost): unable to read \(blob) "
            + "(a partial clone without that object, or a damaged repository); the rest of this commit was not scanned, the others were"),
                      run.stderr)
    }

    func testNothingReadableExitsTwo() throws {
        var repo = try HistoryRepository(self)
        try repo.commit("only", ["a.py": "sid = '\(sid1)'\n"])
        let blob = try git(["rev-parse", "HEAD:a.py"]).trimmingCharacters(in: .whitespacesAndNewlines)
        try FileManager.default.removeItem(at: root.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))"))
        let run = try twilint(["history", "--format", "json-lines"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertEqual(run.stdout, "")
        XCTAssertTrue(run.stderr.contains("twilint: error: \(root.path): no file of any commit could be read, so nothing was scanned\n"), run.stderr)
    }

    func testHugeBinaryBlobsAndHugeCommitsAreHandled() throws {
        var repo = try HistoryRepository(self)
        var binary = Data(count: 8 << 20)
        binary[0] = 0
        binary.append(Data("sid = '\(sid1)'\n".utf8))
        FileManager.default.createFile(atPath: root.appendingPathComponent("huge.bin").path, contents: binary)
        try repo.commit("binary")
        // 100,000 files in one commit, through fast-import (writing them one by one would take minutes).
        var stream = "blob\nmark :1\ndata 6\nx = 1\n\nblob\nmark :2\ndata \(("s = '\(sid2)'\n").utf8.count)\ns = '\(sid2)'\n\n"
        stream += "commit refs/heads/main\nauthor Test <t@example.com> 1704456000 +0000\ncommitter Test <t@example.com> 1704456000 +0000\n"
        stream += "data 4\nhuge\nfrom refs/heads/main^0\n"
        // A hundred files a folder: fast-import builds one huge folder slowly.
        stream += (0..<100_000).map { "M 100644 :1 many/d\($0 / 100)/f\($0 % 100).py\n" }.joined()
        stream += "M 100644 :2 many/zz-secret.py\n\n"
        try git(["fast-import", "--quiet"], stdin: stream)
        let run = try twilint(["history", "--format", "json"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(document["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.map { "\($0["rule"]!) \($0["path"]!):\($0["line"]!)" }, ["TW001 many/zz-secret.py:1"],
                       "the binary blob is skipped, the big commit read whole")
        let summary = try XCTUnwrap(document["summary"] as? [String: Any])
        XCTAssertEqual(summary["commitsScanned"] as? Int, 2)
        XCTAssertEqual(summary["filesScanned"] as? Int, 100_001)
        XCTAssertEqual((summary["filesSkipped"] as? [String: Any])?["binary"] as? Int, 1)
    }
}
