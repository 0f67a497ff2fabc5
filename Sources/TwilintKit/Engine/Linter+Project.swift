import Dispatch
import Foundation

/// One buffer scanned as part of a project: its report before the project pass (no finding
/// answered yet) and what it tells the pass.
public struct ProjectScan: Sendable {
    public var report: Report
    public var module: ModuleFacts?
}

/// The project pass run over facts kept between lints (the language server's warm model):
/// the folder's files are walked once for their facts, a changed file's facts are found
/// again alone, and findings are judged against the answers of the whole.
extension Linter {
    /// The project facts of the files under `paths`, as `run()` would find them (the same walk,
    /// `exclude` and size limit), on `jobs` threads (nil: every core). Only files of a project
    /// whose manifest depends on Twilio are read, and no rule runs: a file's facts for the other
    /// files (its identities, the helpers it calls, the controllers it mounts) need none.
    public func moduleFacts(of paths: [String], jobs: Int? = nil) -> ProjectFacts {
        let found = WorkQueue<String>.drain(jobs: max(1, jobs ?? ProcessInfo.processInfo.activeProcessorCount), produce: { queue in
            var batch: [String] = []
            _ = FileCollector(options: options.collector).collect(paths) { candidate in
                guard ModuleFactsFinder.mayTakePart(candidate.path), !isExcluded(candidate.path) else { return }
                batch.append(candidate.path)
                guard batch.count == Self.batchSize else { return }
                queue.push(contentsOf: batch)
                batch.removeAll(keepingCapacity: true)
            }
            queue.push(contentsOf: batch)
        }) { [self] path in (path, moduleFacts(ofFile: path)) }
        return ProjectFacts(modules: Dictionary(found.compactMap { entry in entry.1.map { (entry.0, $0) } }, uniquingKeysWith: { first, _ in first }))
    }

    /// The project facts of the file at `path` as it is on disk (for the other files; nil when it
    /// takes no part, is excluded, cannot be read, or is gone).
    public func moduleFacts(ofFile path: String) -> ModuleFacts? {
        guard ModuleFactsFinder.mayTakePart(path), !isExcluded(path),
              !LanguageDetector.lockFileNames.contains(LanguageDetector.fileName(path)), !BinaryFormat.hasBinaryExtension(path),
              let bytes = try? FileReader.read(path, limit: options.maxFileSize),
              case .text(let text, let language, _) = Self.admit(bytes, path: path) else { return nil }
        let file = SourceFile(path: path, language: language, bytes: text)
        defer { file.forgetDerivedValues() }
        return ModuleFactsFinder(lookup: .shared).facts(of: file, findings: [:])
    }

    /// Scans a buffer as `run(buffers: [buffer])` does, but leaves its findings for the caller
    /// to judge against a project (`keeping(_:answers:)`), and returns the buffer's facts too.
    public func scanForProject(_ buffer: SourceBuffer) -> ProjectScan {
        let started = DispatchTime.now()
        guard !isExcluded(buffer.path) else { return ProjectScan(report: report([], extraDiagnostics: [], started: started), module: nil) }
        let outcome = scan(buffer, linking: true)
        return ProjectScan(report: report([outcome], extraDiagnostics: [], started: started, answering: false), module: outcome.module)
    }

    /// `findings` (of this linter's rules) without those the project answered.
    public func keeping(_ findings: [Finding], answers: ProjectAnswers) -> [Finding] {
        guard !answers.isEmpty else { return findings }
        return findings.filter { finding in
            !answers.keys.contains(FindingKey(path: finding.path, rule: analyzers[finding.ruleID] ?? "", offset: finding.byteRange.lowerBound))
        }
    }
}
