import Foundation

/// The `expect:` / `ok:` / `todo-expect:` annotations of one fixture file.
///
/// An annotation applies to the next line that is not itself an annotation.
/// `expect: TW001, TW001` asks for two TW001 findings on that line; `ok: TW002`
/// asks for none; `todo-expect: TW002` is a known gap that must stay silent
/// until it is fixed (then it becomes `expect:`).
struct FixtureAnnotations {
    enum Kind: String { case expect, ok, todo = "todo-expect" }

    struct Annotation {
        let kind: Kind
        let rules: [String]
        let line: Int
    }

    /// Annotations keyed by the 1-based line they apply to.
    private(set) var byLine: [Int: [Annotation]] = [:]

    private static let pattern = try! NSRegularExpression(
        pattern: #"(?<![\w-])(todo-expect|expect|ok):\s*(TW\d{3}(?:\s*,\s*TW\d{3})*)"#)

    init(text: String) {
        var pending: [(Kind, [String])] = []
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let range = NSRange(line.startIndex..., in: line)
            let matches = Self.pattern.matches(in: line, range: range)
            if matches.isEmpty {
                for (kind, rules) in pending {
                    byLine[index + 1, default: []].append(Annotation(kind: kind, rules: rules, line: index + 1))
                }
                pending = []
                continue
            }
            for match in matches {
                let kind = Kind(rawValue: String(line[Range(match.range(at: 1), in: line)!]))!
                let ids = line[Range(match.range(at: 2), in: line)!].split(separator: ",").map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                pending.append((kind, ids))
            }
        }
    }

    /// How many findings of each rule the line must have; rules not listed must have none.
    func expected(onLine line: Int) -> [String: Int] {
        var counts: [String: Int] = [:]
        for annotation in byLine[line] ?? [] where annotation.kind == .expect {
            for rule in annotation.rules { counts[rule, default: 0] += 1 }
        }
        return counts
    }

    func count(_ kind: Kind, rule: String) -> Int {
        byLine.values.joined().filter { $0.kind == kind && $0.rules.contains(rule) }.count
    }
}
