/// A unified diff of two versions of a file (`--diff-fixes`), in the format
/// `patch` and `git apply` read: `---`/`+++` headers, hunks with three lines of
/// context. Lines are compared after the common head and tail are set aside,
/// which leaves fixes (a few lines apart) a small table to align.
public enum LineDiff {
    static let context = 3
    /// Beyond this many cells, the changed middle is shown as removed then added, unaligned.
    static let tableLimit = 4_000_000

    /// The diff from `old` to `new`, both named `path` (under `a/` and `b/`); empty when they are equal.
    public static func unified(old: [UInt8], new: [UInt8], path: String) -> String {
        let a = lines(old), b = lines(new)
        guard a != b else { return "" }
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middle = align(Array(a[head..<a.count - tail]), Array(b[head..<b.count - tail]))
        let script = Array(repeating: Step.same, count: head) + middle + Array(repeating: Step.same, count: tail)
        return "--- a/\(path)\n+++ b/\(path)\n" + hunks(script, a, b)
    }

    enum Step: Equatable { case same, removed, added }

    /// The file's lines with their line breaks, so a missing final newline shows.
    static func lines(_ bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == ASCII.newline {
            result.append(String(decoding: bytes[start...index], as: UTF8.self))
            start = index + 1
        }
        if start < bytes.count { result.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return result
    }

    /// A shortest edit script by longest common subsequence.
    private static func align(_ a: [String], _ b: [String]) -> [Step] {
        guard !a.isEmpty, !b.isEmpty, (a.count + 1) * (b.count + 1) <= tableLimit else {
            return Array(repeating: .removed, count: a.count) + Array(repeating: .added, count: b.count)
        }
        let width = b.count + 1
        var table = [Int](repeating: 0, count: (a.count + 1) * width)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i * width + j] = a[i] == b[j] ? table[(i + 1) * width + j + 1] + 1
                    : max(table[(i + 1) * width + j], table[i * width + j + 1])
            }
        }
        var steps: [Step] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                steps.append(.same); i += 1; j += 1
            } else if j < b.count, i == a.count || table[i * width + j + 1] >= table[(i + 1) * width + j] {
                steps.append(.added); j += 1
            } else {
                steps.append(.removed); i += 1
            }
        }
        // Removals before additions within a change, as diff(1) prints them.
        return reorder(steps)
    }

    private static func reorder(_ steps: [Step]) -> [Step] {
        var result: [Step] = [], run: [Step] = []
        for step in steps + [.same] {
            if step == .same {
                result += run.filter { $0 == .removed } + run.filter { $0 == .added }
                run.removeAll()
                result.append(.same)
            } else {
                run.append(step)
            }
        }
        return Array(result.dropLast())
    }

    private static func hunks(_ script: [Step], _ a: [String], _ b: [String]) -> String {
        let changes = script.indices.filter { script[$0] != .same }
        var groups: [ClosedRange<Int>] = []
        for index in changes {
            if let last = groups.last, index - last.upperBound <= 2 * context { groups[groups.count - 1] = last.lowerBound...index }
            else { groups.append(index...index) }
        }
        // Old and new line numbers before each step.
        var oldAt = [Int](), newAt = [Int]()
        var i = 0, j = 0
        for step in script {
            oldAt.append(i); newAt.append(j)
            if step != .added { i += 1 }
            if step != .removed { j += 1 }
        }
        var text = ""
        for group in groups {
            let from = max(0, group.lowerBound - context), to = min(script.count - 1, group.upperBound + context)
            var body = "", oldCount = 0, newCount = 0
            for index in from...to {
                switch script[index] {
                case .same: body += " " + terminated(a[oldAt[index]]); oldCount += 1; newCount += 1
                case .removed: body += "-" + terminated(a[oldAt[index]]); oldCount += 1
                case .added: body += "+" + terminated(b[newAt[index]]); newCount += 1
                }
            }
            let oldStart = oldCount == 0 ? oldAt[from] : oldAt[from] + 1, newStart = newCount == 0 ? newAt[from] : newAt[from] + 1
            text += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n" + body
        }
        return text
    }

    private static func terminated(_ line: String) -> String {
        line.hasSuffix("\n") ? line : line + "\n\\ No newline at end of file\n"
    }
}
