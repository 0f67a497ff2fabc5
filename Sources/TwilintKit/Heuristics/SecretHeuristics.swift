import Matching

/// Placeholder values that docs and samples use in place of a real credential.
enum PlaceholderValue {
    private static let sampleRun = Array("0123456789abcdef".utf8)
    private static let words = ["your", "token", "secret", "here", "example", "placeholder", "changeme",
                                "dummy", "fake", "sample", "test", "redacted", "insert", "replace"]

    /// One repeated character, 3 or fewer distinct characters, or `0123456789abcdef` repeated.
    /// Runs on every secret-shaped token, so it counts in a bitset, not a `Set`.
    static func isLowVariety<C: Collection>(_ value: C) -> Bool where C.Element == UInt8 {
        var seen: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var distinct = 0
        for byte in value {
            let lowered = byte | 0x20, bit = UInt64(1) << (lowered & 63)
            switch lowered >> 6 {
            case 0: if seen.0 & bit == 0 { seen.0 |= bit; distinct += 1 }
            case 1: if seen.1 & bit == 0 { seen.1 |= bit; distinct += 1 }
            case 2: if seen.2 & bit == 0 { seen.2 |= bit; distinct += 1 }
            default: if seen.3 & bit == 0 { seen.3 |= bit; distinct += 1 }
            }
        }
        if distinct <= 3 { return true }
        return value.enumerated().allSatisfy { $0.element | 0x20 == sampleRun[$0.offset % sampleRun.count] }
    }

    /// Digits that count up (`1a23456b78901c234a5f67a1234567bc`, the example token of
    /// Twilio's docs and sample `.env` files): at least 12 digits, and nearly every
    /// digit one more (mod 10) than the digit before it. A random token has each
    /// step right one time in ten, so 3 in 4 right steps never happen by chance.
    static func isCountingSequence<C: Collection>(_ value: C) -> Bool where C.Element == UInt8 {
        var digits = 0, steps = 0, counting = 0
        var previous: UInt8?
        for byte in value where ASCII.isDigit(byte) {
            digits += 1
            if let previous {
                steps += 1
                if byte - 0x30 == (previous - 0x30 + 1) % 10 { counting += 1 }
            }
            previous = byte
        }
        return digits >= 12 && counting * 4 >= steps * 3
    }

    /// Words such as `your` or `example` in a value that is not pure hex
    /// (none of these words are hex, so a real auth token never contains one).
    static func containsPlaceholderWord<C: Collection>(_ value: C) -> Bool where C.Element == UInt8 {
        guard !value.allSatisfy(ASCII.isHexDigit) else { return false }
        let lowered = String(decoding: value.map { $0 | 0x20 }, as: UTF8.self)
        return words.contains { lowered.contains($0) }
    }
}

/// `AC`/`SK` SIDs whose 32 digits are a placeholder (`AC000…`, `ACaaaa…`, `AC0123456789abcdef…`).
struct PlaceholderSID: MatchExclusion {
    let name = "placeholder-sid"

    func excludes(_ focus: Range<Int>, in file: SourceFile) -> Bool {
        guard focus.count > 2 else { return false }
        return PlaceholderValue.isLowVariety(file.bytes[(focus.lowerBound + 2)..<focus.upperBound])
    }
}

/// Secret values that are placeholders: low variety, counting digits, or sample words in a non-hex value.
struct PlaceholderSecret: MatchExclusion {
    let name = "placeholder-secret"

    func excludes(_ focus: Range<Int>, in file: SourceFile) -> Bool {
        let value = file.bytes[focus]
        return PlaceholderValue.isLowVariety(value) || PlaceholderValue.isCountingSequence(value)
            || PlaceholderValue.containsPlaceholderWord(value)
    }
}

/// A token inside a `${…}` or `{{…}}` template on its line: a variable reference, not a value.
/// A default value (`${TWILIO_SID:-AC…}` in shell and compose files, `${TOKEN:…}` in
/// Spring properties) is hardcoded, so it is not excused.
struct TemplatePlaceholder: MatchExclusion {
    let name = "template-placeholder"

    /// How far from the token an opener or closer may sit: enough for any template
    /// expression, and no pass over a whole minified line for every token on it.
    static let reach = 256

    func excludes(_ focus: Range<Int>, in file: SourceFile) -> Bool {
        let line = file.lineRange(containing: focus.lowerBound)
        let bytes = file.bytes
        // Walk back from the token to the nearest unclosed opener on the same line.
        var index = focus.lowerBound - 1
        while index >= max(line.lowerBound + 1, focus.lowerBound - Self.reach) {
            let byte = bytes[index]
            if byte == UInt8(ascii: "}") { return false }
            if byte == UInt8(ascii: "{") {
                let opener = bytes[index - 1]
                guard opener == UInt8(ascii: "$") || opener == UInt8(ascii: "{") else { return false }
                if opener == UInt8(ascii: "$"), isShellDefault(bytes[(index + 1)..<focus.lowerBound]) { return false }
                return bytes[focus.upperBound..<min(line.upperBound, focus.upperBound + Self.reach)].contains(UInt8(ascii: "}"))
            }
            index -= 1
        }
        return false
    }

    /// `NAME:-`, `NAME-`, `NAME:=`, `NAME=`, `NAME:` before the token: the token is the default value.
    private func isShellDefault(_ inner: ArraySlice<UInt8>) -> Bool {
        let name = inner.prefix { $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        guard !name.isEmpty else { return false }
        let rest = Array(inner.dropFirst(name.count))
        return [":-", "-", ":=", "=", ":"].contains { rest.elementsEqual($0.utf8) }
    }
}

/// A value on a line that names it a hash, digest or id (`md5 = "…"`, `"etag": "…"`),
/// the name within `reach` bytes before it: names sit next to their values, and on
/// a minified line a hash named a megabyte earlier says nothing about this value
/// (and reading back that far for every value would make a long line quadratic).
struct HashNamedValue: MatchExclusion {
    let name = "hash-named"
    static let reach = 256
    // `sha` only as a word of its own or with its size (`sha256`), so `shared_secret` is not a hash.
    private static let words = try! PCRE2Matcher(
        #"hash|digest|checksum|etag|md5|sha(?:1|224|256|384|512)?(?![a-z])|uuid|guid|fingerprint|integrity|nonce"#,
        caseless: true)

    func excludes(_ focus: Range<Int>, in file: SourceFile) -> Bool {
        let line = file.lineRange(containing: focus.lowerBound)
        return file.withBytes { bytes in
            let start = max(line.lowerBound, focus.lowerBound - Self.reach)
            let before = UnsafeBufferPointer(rebasing: bytes[start..<focus.lowerBound])
            return (try? Self.words.matches(before)) ?? false
        }
    }
}

/// Within 5 lines and 1 KiB of a real (non-placeholder) Account SID: the SID +
/// token pair. The byte bound keeps "near" near in minified code, where five
/// lines can be megabytes; in hand-written code five lines are well under it.
struct NearAccountSID: MatchCondition {
    let name = "near-account-sid"
    static let lines = 5
    static let bytes = 1024
    private static let accountSID = try! PCRE2Matcher(#"(?<![A-Za-z0-9])AC[0-9a-fA-F]{32}(?![A-Za-z0-9])"#)

    func holds(for focus: Range<Int>, in file: SourceFile) -> Bool {
        let sids = sidPositions(in: file)
        // SIDs are in file order: start from the first that can be near, not from the top.
        let first = sids.partitioningIndex { $0.offset >= focus.lowerBound - Self.bytes }
        let line = file.line(of: focus.lowerBound)
        return sids[first...].prefix { $0.offset <= focus.upperBound + Self.bytes }.contains { sid in
            abs(sid.line - line) <= Self.lines
                && (sid.offset < focus.lowerBound ? focus.lowerBound - sid.offset : sid.offset - focus.upperBound) <= Self.bytes
        }
    }

    func mayHold(in file: SourceFile) -> Bool { !sidPositions(in: file).isEmpty }

    private func sidPositions(in file: SourceFile) -> [(offset: Int, line: Int)] {
        file.memo(name) {
            var sids: [(offset: Int, line: Int)] = []
            let excused: [any MatchExclusion] = [PlaceholderSID(), TemplatePlaceholder()]
            try? file.withBytes { bytes in
                try Self.accountSID.forEachMatch(in: bytes) { match in
                    if !excused.contains(where: { $0.excludes(match.range, in: file) }) {
                        sids.append((match.range.lowerBound, file.line(of: match.range.lowerBound)))
                    }
                }
            }
            return sids
        }
    }
}

/// The file mentions a Twilio REST host, so a Basic-auth password in it is Twilio's.
struct MentionsTwilioHost: MatchCondition {
    let name = "twilio-host"
    private static let host = try! PCRE2Matcher(#"twilio\.com"#, caseless: true)

    func holds(for focus: Range<Int>, in file: SourceFile) -> Bool { mayHold(in: file) }

    func mayHold(in file: SourceFile) -> Bool {
        file.memo(name) { (try? file.withBytes { try Self.host.matches($0) }) ?? false }
    }
}
