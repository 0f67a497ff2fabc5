import Foundation

/// The findings a codebase had when it adopted twilint, so that runs report only
/// new ones. An entry is a rule, a path (relative to the baseline file's folder)
/// and the finding's `matchHash` (a hash of the matched text and its occurrence
/// index), never a line number: moving code keeps its entry, a copied secret
/// is new. The file holds hashes only, one tab-separated entry per line,
/// sorted and without timestamps, so it merges cleanly.
public struct Baseline: Sendable {
    /// One known finding.
    public struct Entry: Hashable, Comparable, Sendable {
        /// The rule id.
        public var rule: String
        /// Relative to the baseline file's folder.
        public var path: String
        /// The finding's `matchHash`: `hash:occurrence`.
        public var hash: String

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.path, lhs.rule, lhs.hash) < (rhs.path, rhs.rule, rhs.hash)
        }
    }

    /// Sorted, without duplicates.
    public let entries: [Entry]
    /// The absolute folder the entry paths are relative to: the baseline file's.
    public let directory: String

    static let header = """
        # twilint baseline 1: findings known when it was written, reported no more.
        # One per line: rule, path, hash of the matched text:occurrence. Regenerate with --write-baseline.
        """

    /// A baseline of `findings` for a file in the absolute folder `directory`;
    /// finding paths are relative to `workingDirectory`.
    public init(findings: [Finding], directory: String, workingDirectory: String) {
        self.directory = directory
        entries = Set(findings.map { Self.entry(for: $0, directory: directory, workingDirectory: workingDirectory) }).sorted()
    }

    private init(entries: [Entry], directory: String) {
        self.entries = Set(entries).sorted()
        self.directory = directory
    }

    /// Reads the baseline file at the absolute `path`.
    public static func load(_ path: String) throws -> Baseline {
        let data: [UInt8]
        do {
            data = try FileReader.read(path, limit: Int.max)
        } catch let failure as FileReader.Failure {
            throw TwilintError.unreadable(path: path, reason: "\(failure.reason); create it with --write-baseline")
        }
        var entries: [Entry] = []
        // `isNewline` also ends lines at CRLF, as a checkout with git's autocrlf has them.
        let lines = String(decoding: data, as: UTF8.self).split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, line) in lines.enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, !fields[0].isEmpty, !fields[1].isEmpty,
                  fields[2].range(of: #"^[0-9a-f]{16}:[1-9][0-9]*$"#, options: .regularExpression) != nil else {
                throw TwilintError.invalidBaseline(
                    location: "\(path):\(index + 1)",
                    problem: "expected a rule id, a path and a hash such as 3f9a0c1d2e3f4a5b:1, separated by tabs")
            }
            entries.append(Entry(rule: String(fields[0]), path: unescape(fields[1]), hash: String(fields[2])))
        }
        return Baseline(entries: entries, directory: Paths.parent(path))
    }

    /// The file's text.
    public var text: String {
        Self.header + "\n" + entries.map { "\($0.rule)\t\(Self.escape($0.path))\t\($0.hash)\n" }.joined()
    }

    /// Removes from `report` the findings this baseline records, counting them in
    /// `report.baselined`, and returns the entries for scanned files that no finding
    /// matched any more (fixed, or moved to another file). Suppressed findings
    /// still match their entries: the finding is there, only silenced.
    public func filter(_ report: inout Report, workingDirectory: String) -> [Entry] {
        let known = Set(entries)
        var matched = Set<Entry>()
        report.findings.removeAll { finding in
            let entry = Self.entry(for: finding, directory: directory, workingDirectory: workingDirectory)
            guard known.contains(entry) else { return false }
            matched.insert(entry)
            report.baselined += 1
            return true
        }
        for finding in report.suppressed {
            matched.insert(Self.entry(for: finding, directory: directory, workingDirectory: workingDirectory))
        }
        let scanned = Set(report.scannedFiles.map { relativePath($0, workingDirectory: workingDirectory) })
        return entries.filter { scanned.contains($0.path) && !matched.contains($0) }
    }

    private func relativePath(_ path: String, workingDirectory: String) -> String {
        Paths.relative(Paths.absolute(path, in: workingDirectory), to: directory)
    }

    private static func entry(for finding: Finding, directory: String, workingDirectory: String) -> Entry {
        Entry(rule: finding.ruleID,
              path: Paths.relative(Paths.absolute(finding.path, in: workingDirectory), to: directory),
              hash: finding.matchHash)
    }

    /// Backslash escapes for the characters that would break the line format.
    private static func escape(_ path: String) -> String {
        path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    private static func unescape(_ field: Substring) -> String {
        var result = "", escaped = false
        for character in field {
            if escaped {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
