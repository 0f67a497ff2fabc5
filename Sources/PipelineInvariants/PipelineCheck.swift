import TwilintKit

/// Runs one file through twilint's whole per-file pipeline — language detection,
/// tokenizer, code model, every rule, suppression directives, snippets and every
/// reporter — and lists the invariants the result breaks. The fuzzer traps on
/// the first broken invariant; the regression test fails with all of them.
///
/// The invariants: each finding's byte range lies inside the file and on UTF-8
/// character boundaries; its line and column agree with that range; no output
/// format shows a secret that a redacting rule found; tokenizer spans are sorted,
/// disjoint, non-empty and inside the file; a second scan finds the same.
public struct PipelineCheck: Sendable {
    private let linter: Linter
    private let context = ReportContext(rootDirectory: "/fuzz", includeSuppressed: true)
    /// Each format over a scan that found nothing: the rule metadata (SARIF's help
    /// texts quote example credentials), which may show any text it shows.
    private let emptyOutputs: [(format: OutputFormat, text: String)]
    private let redactingRules: Set<String>

    /// A check with the built-in rules, or with `rules`.
    public init(rules: [LoadedRule] = RuleCatalog.builtin()) throws {
        var options = LintOptions()
        options.jobs = 1
        options.workingDirectory = "/fuzz"
        options.reportUnusedSuppressions = true
        linter = try Linter(rules: rules, options: options)
        let empty = linter.run(buffers: [])
        let context = self.context
        emptyOutputs = OutputFormat.allCases.map { ($0, $0.reporter.render(empty, context: context)) }
        redactingRules = Set(rules.filter(\.rule.redact).map(\.rule.id))
    }

    /// The broken invariants for `input`, as sentences; empty when all hold.
    public func violations(_ input: FuzzInput) -> [String] {
        var problems = tokenizerViolations(input)
        let report = linter.run(text: input.bytes, path: input.path)
        let again = linter.run(text: input.bytes, path: input.path)
        if again.findings != report.findings || again.suppressed != report.suppressed {
            problems.append("a second scan of \(input.path) found \(again.findings.count) findings and \(again.suppressed.count) suppressed, "
                + "the first \(report.findings.count) and \(report.suppressed.count)")
        }
        let offsets = ByteOffsets(input.bytes)
        for finding in report.findings + report.suppressed {
            problems += positionViolations(finding, input: input, offsets: offsets)
        }
        problems += secretViolations(report, input: input)
        return problems
    }

    private func positionViolations(_ finding: Finding, input: FuzzInput, offsets: ByteOffsets) -> [String] {
        let range = finding.byteRange
        let name = "\(finding.ruleID) at bytes \(range)"
        guard range.lowerBound >= 0, range.upperBound <= input.bytes.count else {
            return ["\(name) lies outside the \(input.bytes.count)-byte file"]
        }
        var problems: [String] = []
        for offset in [range.lowerBound, range.upperBound] where !offsets.isBoundary(offset) {
            problems.append("\(name) splits a UTF-8 character at byte \(offset)")
        }
        for (offset, position) in [(range.lowerBound, finding.start), (range.upperBound, finding.end)] {
            let expected = offsets.position(of: offset)
            if (position.line, position.column) != expected {
                problems.append("\(name): byte \(offset) is line \(expected.line) column \(expected.column), "
                    + "the finding says line \(position.line) column \(position.column)")
            }
        }
        let snippetLength = finding.snippet.unicodeScalars.count
        if finding.snippetColumns.upperBound > snippetLength {
            problems.append("\(name): snippet columns \(finding.snippetColumns) run past its \(snippetLength) code points")
        }
        if finding.path != input.path { problems.append("\(name) names \(finding.path), not \(input.path)") }
        return problems
    }

    /// A secret that a redacting rule found, reported or suppressed, must be missing
    /// from every format. Not when the input also holds its text where no redacting
    /// rule saw a secret (`xAC…`, a template), nor when the format shows the text
    /// anyway (SARIF's help texts quote example credentials).
    private func secretViolations(_ report: Report, input: FuzzInput) -> [String] {
        let found = (report.findings + report.suppressed).filter { redactingRules.contains($0.ruleID) }.map(\.byteRange)
        let secrets = Set(found.map { Array(input.bytes[$0]) })
            // Redaction keeps the first 4 and last 2 characters: shorter secrets show whole words of them.
            .filter { String(decoding: $0, as: UTF8.self).unicodeScalars.count > 8 }
            .filter { secret in occurrences(of: secret, in: input.bytes).allSatisfy { place in found.contains { $0.contains(place) } } }
            .map { String(decoding: $0, as: UTF8.self) }
        guard !secrets.isEmpty else { return [] }
        var problems: [String] = []
        for (format, empty) in emptyOutputs {
            let output = format.reporter.render(report, context: context)
            for secret in secrets.sorted() where output.contains(secret) && !empty.contains(secret) && !input.path.contains(secret) {
                problems.append("the \(format.rawValue) output shows the secret \(secret) unredacted")
            }
        }
        return problems
    }

    /// Every place `needle` occurs in `bytes`, overlapping ones included.
    private func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> [Range<Int>] {
        guard !needle.isEmpty, needle.count <= bytes.count else { return [] }
        return (0 ... bytes.count - needle.count).filter { bytes[$0 ..< $0 + needle.count].elementsEqual(needle) }
            .map { $0 ..< $0 + needle.count }
    }

    /// The language's tokenizer over the whole file, and the code model built on it.
    private func tokenizerViolations(_ input: FuzzInput) -> [String] {
        guard let language = LanguageDetector.language(forPath: input.path, firstBytes: input.bytes) else { return [] }
        let file = SourceFile(path: input.path, language: language, bytes: input.bytes)
        var problems: [String] = []
        var end = 0
        for span in file.spans.spans {
            if span.range.isEmpty || span.range.lowerBound < end || span.range.upperBound > input.bytes.count {
                problems.append("the \(language.rawValue) tokenizer gave \(span) after a span ending at \(end) in a \(input.bytes.count)-byte file")
            }
            end = max(end, span.range.upperBound)
        }
        if language.isSource {
            let model = CodeModel.of(file)
            let extents = model.calls.map(\.extent) + model.functions.map(\.extent)
            for extent in extents where extent.upperBound > input.bytes.count {
                problems.append("the code model found a call or function at \(extent) in a \(input.bytes.count)-byte file")
            }
            _ = model.tryBlocks
        }
        _ = (ClientSide.of(file, lookup: ProjectLookup()), FileRole.isTest(file), HandWritten().mayHold(in: file))
        file.forgetDerivedValues()
        return problems
    }
}
