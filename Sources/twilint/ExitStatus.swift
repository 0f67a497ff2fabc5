/// twilint's exit codes, documented in the README.
enum ExitStatus: Int32 {
    /// Nothing at or above the `--fail-on` threshold.
    case clean = 0
    /// Findings at or above the threshold.
    case findings = 1
    /// Usage, configuration, rule-file or I/O error (findings that could be made are still reported).
    case failure = 2
}
