import Foundation

/// The unsafe fix for TW001 and TW002: a SID or token that is a whole string
/// literal in code becomes a read of the conventional environment variable
/// (`os.environ["TWILIO_ACCOUNT_SID"]`, `process.env.TWILIO_AUTH_TOKEN`,
/// `ProcessInfo.processInfo.environment["TWILIO_API_KEY"]`, Vapor's
/// `Environment.get`), adding the import it needs. Secrets in comments, inside
/// longer strings (URLs, `sid:token` pairs) or in config files get no fix: there
/// is no expression to put in their place.
enum EnvironmentFix {
    static let ruleIDs: Set<String> = ["TW001", "TW002"]

    static func fix(for finding: Finding, in file: SourceFile, redact: Bool) -> Fix? {
        guard ruleIDs.contains(finding.ruleID), file.language.isSource, let literal = literal(at: finding.byteRange, in: file)
        else { return nil }
        let secret = file.text(finding.byteRange)
        let name = variableName(finding.ruleID, secret: secret, context: file.text(file.lineRange(containing: literal.lowerBound)))
        var edits: [Edit] = []
        let read: String
        switch file.language {
        case .python:
            read = "os.environ[\"\(name)\"]"
            if !Imports.binds(#"import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b(?![ \t]+as\b)"#, in: file) {
                edits.append(.insert("import os\n", at: Imports.insertionPoint(in: file)))
            }
        case .javascript, .typescript:
            read = "process.env.\(name)"
        case .swift:
            let vapor = Imports.binds(#"import[ \t]+Vapor\b"#, in: file)
            let lookup = vapor ? "Environment.get(\"\(name)\") ?? \"\"" : "ProcessInfo.processInfo.environment[\"\(name)\"] ?? \"\""
            read = standsAlone(literal, in: file) ? lookup : "(\(lookup))"
            if !vapor, !Imports.binds(#"import[ \t]+(?:Foundation|UIKit|AppKit|SwiftUI|Cocoa)\b"#, in: file) {
                edits.append(.insert("import Foundation\n", at: Imports.insertionPoint(in: file)))
            }
        case .html, .config, .text:
            return nil
        }
        edits.append(Edit(literal, read))
        return Fix(title: "Read \(name) from the environment", applicability: .unsafe, edits: edits,
                   instruction: "export \(name)=\(redact ? Redactor.redact(secret) : secret)")
    }

    /// The conventional variable: SK SIDs are API keys; a token next to `secret` is an API key's secret.
    static func variableName(_ ruleID: String, secret: String, context: String) -> String {
        if ruleID == "TW001" { return secret.hasPrefix("SK") ? "TWILIO_API_KEY" : "TWILIO_ACCOUNT_SID" }
        return context.lowercased().contains("secret") ? "TWILIO_API_SECRET" : "TWILIO_AUTH_TOKEN"
    }

    /// The byte range of the string literal, quotes included, that holds exactly `value`:
    /// one string span of the tokenizer from the quote before to the same quote after,
    /// so prefixed (`b"…"`, `f"…"`), raw (`#"…"#`) and triple-quoted strings are left alone.
    private static func literal(at value: Range<Int>, in file: SourceFile) -> Range<Int>? {
        let bytes = file.bytes
        guard value.lowerBound > 0, value.upperBound < bytes.count else { return nil }
        let quote = bytes[value.lowerBound - 1]
        let quotes = file.language == .swift ? [ASCII.doubleQuote] : [ASCII.doubleQuote, ASCII.singleQuote, ASCII.backtick]
        guard quotes.contains(quote), bytes[value.upperBound] == quote else { return nil }
        let literal = value.lowerBound - 1..<value.upperBound + 1
        let spans = file.spans.spans
        let index = spans.partitioningIndex { $0.range.upperBound > value.lowerBound }
        guard index < spans.count, spans[index].kind == .string, spans[index].range == literal else { return nil }
        // A JS object key (`{"AC…": 1}`) cannot become an expression without brackets.
        if file.language == .javascript || file.language == .typescript, next(after: literal, in: file) == ASCII.colon { return nil }
        return literal
    }

    /// Whether `?? ""` can follow the literal's replacement without parentheses: it is
    /// a whole operand (after `=`, `(`, `,`, `[`, `:` or `return`; before `)`, `,`, `]`, `;`, `}` or the line's end).
    private static func standsAlone(_ literal: Range<Int>, in file: SourceFile) -> Bool {
        var index = literal.lowerBound
        while index > 0, file.bytes[index - 1] == ASCII.space || file.bytes[index - 1] == ASCII.tab { index -= 1 }
        let before: UInt8? = index > 0 ? file.bytes[index - 1] : nil
        // `==`, `!=`, `<=` and `>=` end in `=` too, but are operators.
        let comparison = before == ASCII.equals && index >= 2
            && [ASCII.equals, ASCII.bang, ASCII.lessThan, ASCII.greaterThan].contains(file.bytes[index - 2])
        let opens = before.map { [ASCII.equals, ASCII.openParen, ASCII.comma, ASCII.openBracket, ASCII.colon, ASCII.openBrace,
                                  ASCII.newline].contains($0) && !comparison } ?? true
            || file.text(max(0, index - 6)..<index) == "return"
        let closes = next(after: literal, in: file).map { [ASCII.closeParen, ASCII.comma, ASCII.closeBracket, ASCII.semicolon,
                                                          ASCII.closeBrace, ASCII.newline, ASCII.carriageReturn].contains($0) } ?? true
        return opens && closes
    }

    /// The first byte after `range` that is not a space or tab, if the file goes on.
    private static func next(after range: Range<Int>, in file: SourceFile) -> UInt8? {
        var index = range.upperBound
        while index < file.bytes.count, file.bytes[index] == ASCII.space || file.bytes[index] == ASCII.tab { index += 1 }
        return index < file.bytes.count ? file.bytes[index] : nil
    }
}
