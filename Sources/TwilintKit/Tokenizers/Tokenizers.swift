/// Picks the tokenizer for a file.
public enum Tokenizers {
    /// The tokenizer for a file of `language` at `path`, or nil for plain text,
    /// which has no comments or strings to tell apart.
    ///
    /// The extension refines the language: JSX is on for JavaScript and `.tsx`
    /// but off for other TypeScript, where `<T>x` is a type assertion; config
    /// files get the syntax of their format (a config file whose name names no
    /// format is read as `.env`, the plainest `KEY=value # comment` syntax).
    public static func tokenizer(for language: Language, path: String) -> (any Tokenizer)? {
        switch language {
        case .swift:
            return SwiftTokenizer()
        case .python:
            return PythonTokenizer()
        case .javascript:
            return JavaScriptTokenizer(jsx: true)
        case .typescript:
            return JavaScriptTokenizer(jsx: pathExtension(path) == "tsx")
        case .html:
            return MarkupTokenizer()
        case .config:
            return ConfigTokenizer(format: ConfigTokenizer.ConfigFormat.detect(fileName: path) ?? .env)
        case .text:
            return nil
        }
    }

    private static func pathExtension(_ path: String) -> String {
        let name = LanguageDetector.fileName(path)
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
