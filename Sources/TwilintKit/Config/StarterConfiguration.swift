/// The commented `.twilint.yml` that `twilint init` writes. Every setting is
/// shown with its default, so the file documents itself; it parses as is.
public enum StarterConfiguration {
    public static let text = """
        # twilint configuration. twilint uses the nearest .twilint.yml in the scanned
        # folder or above it (up to the repository root); --config FILE names another,
        # --no-config ignores it. Settings given on the command line win.

        # Rules to run, by id or name (`twilint rules` lists them). Empty: every rule.
        select: []

        # Rules never to run (--ignore adds to this list).
        ignore: []

        # Report a rule at another severity: error, warning or info.
        severity: {}
        #  hardcoded-auth-token: error
        #  TW002: warning

        # The lowest severity that fails the run (exit code 1): error, warning, info or never.
        fail-on: warning

        # Files never scanned, even when named on the command line (as pre-commit does).
        # gitignore syntax, relative to this file: `*.min.js` matches at any depth,
        # `docs/` is a folder and everything in it, `/build` only at the top.
        exclude: []
        #  - "docs/examples/"
        #  - "*.min.js"

        # Rules not reported in some files: glob -> rules.
        per-file-ignores: {}
        #  "tests/**": [TW001, TW002]

        # Folders of custom rule files (*.yml), relative to this file.
        rules-dir: []

        # Show secrets in output as AC3f…5e (true) or in full (false).
        redact: true

        # Skip files larger than this many bytes.
        max-file-size: 67108864

        """
}
