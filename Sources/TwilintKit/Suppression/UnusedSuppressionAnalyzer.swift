/// The analyzer TW000's rule file names. Whether a directive silenced anything
/// is known only once every other rule's findings in the file are in, so the
/// linter makes TW000's findings itself after applying the directives
/// (`UnusedSuppression`); this analyzer marks the rule as that kind and finds
/// nothing on its own.
struct UnusedSuppressionAnalyzer: Analyzer {
    let name = "unused-suppression"

    func findings(in file: SourceFile) -> [Range<Int>] { [] }
}
