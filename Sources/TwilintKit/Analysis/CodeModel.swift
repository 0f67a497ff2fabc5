#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shape of one file's code, found from its tokens with per-language rules:
/// functions and closures, calls with their arguments, and try/catch blocks.
/// A heuristic, not a parser: it reads well-formed code right and never fails on
/// the rest. Built once per file, on demand, and only for files a rule needs.
public final class CodeModel {
    /// The file keeps its model in its memo: the cycle is broken by `SourceFile.forgetDerivedValues()`.
    public let file: SourceFile
    public let tokens: [CodeToken]
    /// The file's bytes (shared storage, not a copy).
    let bytes: [UInt8]
    /// For each bracket token, the index of its partner; -1 for other tokens and unmatched brackets.
    let partner: [Int]

    public private(set) lazy var functions: [FunctionScope] = file.language == .python
        ? PythonStructure(self).functions() : BraceStructure(self).functions()
    public private(set) lazy var calls: [CallSite] = CallFinder(self).calls()
    public private(set) lazy var tryBlocks: [TryBlock] = file.language == .python
        ? PythonStructure(self).tryBlocks() : BraceStructure(self).tryBlocks()
    /// Python's statement lines and where their blocks end.
    private(set) lazy var pythonLines = PythonLines(self)
    /// What the file's names stand for, shared by every heuristic that follows names.
    private(set) lazy var definitions = FileDefinitions(self)

    init(_ file: SourceFile) {
        self.file = file
        bytes = file.bytes
        tokens = CodeLexer.tokens(of: file)
        partner = Self.pairBrackets(tokens, bytes: file.bytes)
    }

    /// The model of `file`, built once.
    public static func of(_ file: SourceFile) -> CodeModel {
        file.memo("code-model") { CodeModel(file) }
    }

    // MARK: - Queries

    /// The innermost function or closure whose body holds `offset`.
    public func enclosingFunction(of offset: Int) -> FunctionScope? {
        functionBodies.innermost(containing: offset).map { functions[$0] }
    }

    /// The functions and closures whose bodies hold `offset`, innermost first.
    public func enclosingFunctions(of offset: Int) -> [FunctionScope] {
        functionBodies.containing(offset).map { functions[$0] }
    }

    /// The try blocks whose body holds `offset`, innermost first.
    public func enclosingTryBlocks(of offset: Int) -> [TryBlock] {
        tryBodies.containing(offset).map { tryBlocks[$0] }
    }

    /// The innermost call whose argument list holds `offset`.
    func innermostCall(withArgumentsHolding offset: Int) -> CallSite? {
        callArguments.innermost(containing: offset).map { calls[$0] }
    }

    /// The calls whose extent holds `offset`, innermost first.
    func calls(holding offset: Int) -> [CallSite] {
        callExtents.containing(offset).map { calls[$0] }
    }

    /// The calls whose callee is one of `callees` (`send`, `self.send`), in source order.
    func calls(to callees: [String]) -> [CallSite] {
        Set(callees).flatMap { callsByCallee[$0] ?? [] }.sorted().map { calls[$0] }
    }

    /// The first function declared or assigned under `name`.
    func function(named name: String) -> FunctionScope? {
        functionsByName[name].map { functions[$0] }
    }

    /// The first function whose name ends in `last` (`send`, `exports.send`, `Notifier.send`).
    func function(namedLast last: String) -> FunctionScope? {
        functionsByLastName[last].map { functions[$0] }
    }

    /// The first function or closure whose extent starts at `offset` (a callback argument).
    func function(startingAt offset: Int) -> FunctionScope? {
        functionStarts[offset].map { functions[$0] }
    }

    // Heuristics ask these of every function, call or send in a file: indexes, not passes.
    private lazy var callsByCallee: [String: [Int]] = calls.indices.reduce(into: [:]) { $0[calls[$1].callee, default: []].append($1) }
    private lazy var functionsByName: [String: Int] = functions.indices.reversed().reduce(into: [:]) { index, position in
        if let name = functions[position].name { index[name] = position }
    }
    private lazy var functionsByLastName: [String: Int] = functions.indices.reversed().reduce(into: [:]) { index, position in
        if let name = functions[position].name, let last = name.split(separator: ".").last { index[String(last)] = position }
    }
    private lazy var functionStarts: [Int: Int] = functions.indices.reversed().reduce(into: [:]) { $0[functions[$1].extent.lowerBound] = $1 }
    private lazy var functionBodies = NestingIndex(functions.map(\.body))
    private lazy var tryBodies = NestingIndex(tryBlocks.map(\.body))
    private lazy var callArguments = NestingIndex(calls.map(\.argumentList))
    private lazy var callExtents = NestingIndex(calls.map(\.extent))

    /// The calls whose names lie in `range`. Calls are in source order, so two binary
    /// searches find them.
    public func calls(in range: Range<Int>) -> [CallSite] {
        let calls = self.calls
        let start = calls.partitioningIndex { $0.name.lowerBound >= range.lowerBound }
        let end = calls.partitioningIndex { $0.name.lowerBound >= range.upperBound }
        return Array(calls[start..<max(start, end)])
    }

    /// The source text of a range.
    public func text(_ range: Range<Int>) -> String { file.text(range) }

    func text(ofToken index: Int) -> String { file.text(tokens[index].range) }

    /// Whether token `index` exists and is exactly `word` (no allocation).
    func token(_ index: Int, is word: String) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        let utf8 = word.utf8
        guard range.count == utf8.count else { return false }
        // The hottest call of every heuristic: compare raw bytes, no iterators.
        return bytes.withUnsafeBufferPointer { text in
            utf8.withContiguousStorageIfAvailable { pattern in
                memcmp(text.baseAddress! + range.lowerBound, pattern.baseAddress!, range.count) == 0
            } ?? text[range].elementsEqual(utf8)
        }
    }

    /// Whether token `index` contains `needle` (lower-case ASCII), ignoring case, without allocating.
    func token(_ index: Int, contains needle: StaticString) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let range = tokens[index].range
        let count = needle.utf8CodeUnitCount
        guard range.count >= count else { return false }
        return needle.withUTF8Buffer { pattern in
            file.bytes.withUnsafeBufferPointer { bytes in
                var start = range.lowerBound
                while start + count <= range.upperBound {
                    var offset = 0
                    while offset < count, bytes[start + offset] | 0x20 == pattern[offset] | 0x20 { offset += 1 }
                    if offset == count { return true }
                    start += 1
                }
                return false
            }
        }
    }

    func isIdentifier(_ index: Int) -> Bool {
        index >= 0 && index < tokens.count && tokens[index].kind == .identifier
    }

    /// The first token whose range starts at or after `offset`.
    func tokenIndex(atOrAfter offset: Int) -> Int {
        tokens.partitioningIndex { $0.range.lowerBound >= offset }
    }

    /// Indices of the tokens that lie wholly inside `range`: tokens are in order and do
    /// not overlap, so their ends are sorted too.
    func tokenIndices(in range: Range<Int>) -> Range<Int> {
        let first = tokenIndex(atOrAfter: range.lowerBound)
        return first..<max(first, tokens.partitioningIndex { $0.range.upperBound > range.upperBound })
    }

    /// Tokens that, at the end of a line, continue the expression on the next one.
    private static let continuingTokens = ["=", ",", "(", "[", "{", ".", "+", "%", "||", "&&", "??", "?", ":", "=>"]

    /// The token index just past the statement that starts at token `start`: it ends
    /// at a `;`, or at a new line that does not continue the expression.
    func statementEnd(from start: Int) -> Int {
        var cursor = start
        while cursor < tokens.count {
            if cursor > start, token(cursor, is: ";") { break }
            if cursor > start, startsLine(cursor), !token(cursor, is: "."), !token(cursor, is: "?."),
               !Self.continuingTokens.contains(where: { token(cursor - 1, is: $0) }) { break }
            cursor = (partner[cursor] > cursor ? partner[cursor] : cursor) + 1
        }
        return min(cursor, tokens.count)
    }

    /// The 1-based line of a byte offset.
    func line(of offset: Int) -> Int { file.line(of: offset) }

    /// Leading blanks of the line holding `offset` (a tab counts as one).
    func indentation(ofLineAt offset: Int) -> Int {
        let line = file.lineRange(containing: offset)
        var count = 0
        while line.lowerBound + count < line.upperBound, ASCII.isBlank(file.bytes[line.lowerBound + count]) { count += 1 }
        return count
    }

    /// The 1-based line of each token, computed in one pass. In Python a line that ends
    /// in a backslash goes on on the next one: both are one line here, as for Python.
    private(set) lazy var tokenLines: [Int32] = {
        var lines = [Int32](repeating: 0, count: tokens.count)
        var line: Int32 = 1
        var offset = 0
        let python = file.language == .python
        file.bytes.withUnsafeBufferPointer { bytes in
            for (index, token) in tokens.enumerated() {
                while offset < token.range.lowerBound {
                    if bytes[offset] == ASCII.newline, !(python && continues(at: offset, in: bytes)) { line += 1 }
                    offset += 1
                }
                lines[index] = line
            }
        }
        return lines
    }()

    /// Whether the line break at `offset` follows a backslash in code (not in a comment).
    private func continues(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var backslash = offset - 1
        if backslash >= 0, bytes[backslash] == UInt8(ascii: "\r") { backslash -= 1 }
        return backslash >= 0 && bytes[backslash] == UInt8(ascii: "\\") && file.spans.kind(at: backslash) == .code
    }


    /// The 1-based line of token `index`.
    func line(ofToken index: Int) -> Int { Int(tokenLines[index]) }

    /// Whether token `index` is the first token on its line.
    func startsLine(_ index: Int) -> Bool {
        index == 0 || tokenLines[index - 1] != tokenLines[index]
    }

    private static func pairBrackets(_ tokens: [CodeToken], bytes: [UInt8]) -> [Int] {
        var partner = [Int](repeating: -1, count: tokens.count)
        // Open brackets, and for each kind the positions in `open` of its own:
        // a closer finds its nearest opener without a walk down the whole stack.
        var open: [(token: Int, kind: Int)] = []
        var byKind: [[Int]] = [[], [], []]
        for (index, token) in tokens.enumerated() where token.kind == .punctuation && token.range.count == 1 {
            let byte = bytes[token.range.lowerBound]
            switch byte {
            case ASCII.openParen, ASCII.openBracket, ASCII.openBrace:
                let kind = byte == ASCII.openParen ? 0 : byte == ASCII.openBracket ? 1 : 2
                byKind[kind].append(open.count)
                open.append((index, kind))
            case ASCII.closeParen, ASCII.closeBracket, ASCII.closeBrace:
                let kind = byte == ASCII.closeParen ? 0 : byte == ASCII.closeBracket ? 1 : 2
                // Tolerate stray brackets: close the nearest matching opener, drop what is between.
                guard let match = byKind[kind].last else { continue }
                partner[open[match].token] = index
                partner[index] = open[match].token
                while open.count > match { byKind[open.removeLast().kind].removeLast() }
            default:
                break
            }
        }
        return partner
    }
}
