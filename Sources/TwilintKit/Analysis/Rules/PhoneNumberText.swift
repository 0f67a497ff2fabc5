/// Phone numbers as they are written in source: the shapes TW006 reports, the
/// numbers inside TwiML and form-encoded strings, and the names that hold phones.
enum PhoneNumberText {
    /// Whether `text` is exactly one phone number: E.164 (`+` and 8–15 digits,
    /// optionally spaced like `+1 415 555 1234`) or punctuated NANP
    /// (`(415) 555-1234`, `415-555-1234`, `1-800-555-1234`), after an optional
    /// `whatsapp:`/`tel:`/`sms:` prefix. A bare run of digits is not a phone number.
    /// Twilio's WhatsApp sandbox sender (`+1 415 523 8886`): one public number every account
    /// shares, a platform constant rather than the app's own number.
    static func isTwilioPlatformNumber<S: StringProtocol>(_ text: S) -> Bool {
        String(text.filter(\.isNumber)) == "14155238886"
    }

    static func isPhoneNumber<S: StringProtocol>(_ text: S) -> Bool {
        var body = Substring(text)
        for prefix in ["whatsapp:", "tel:", "sms:"] where body.lowercased().hasPrefix(prefix) {
            body = body.dropFirst(prefix.count)
            break
        }
        guard (8...22).contains(body.utf8.count) else { return false }
        if body.first == "+" { return isInternational(body.dropFirst()) }
        return isNANP(body)
    }

    /// Whether the bytes could hold any number `isPhoneNumber` or `embeddedNumbers` accepts:
    /// a run of digits and separators (` -.()`) with 8 or more digits after a `+` (or `%2B`),
    /// or 10 or more without one (NANP). One pass, so that files without any skip the code
    /// model. Eight bytes at a time: a word without a digit, `+` or `%` ends any run (a
    /// phone number never has more than two separators in a row), so most words of code
    /// cost a few bit operations and only the rest go byte by byte.
    static func mayContainPhoneNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        byteClasses.withUnsafeBufferPointer { classes in
            var digits = 0
            var needed = 10
            var index = 0
            let base = UnsafeRawPointer(bytes.baseAddress)
            while index < bytes.count {
                if let base, index + 8 <= bytes.count, !SWAR.mayHoldPhoneByte(base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) {
                    digits = 0
                    needed = 10
                    index += 8
                    continue
                }
                let wordEnd = min(index + 8, bytes.count)
                while index < wordEnd {
                    let byteClass = classes[Int(bytes[index])]
                    index += 1
                    switch byteClass {
                    case .other:
                        digits = 0
                        needed = 10
                    case .digit:
                        digits += 1
                        if digits >= needed { return true }
                    case .separator:
                        continue
                    case .plus:
                        digits = 0
                        needed = 8
                    case .percent:
                        // `%2B`, a `+` in a form-encoded body.
                        let encodedPlus = index + 1 < bytes.count && bytes[index] == UInt8(ascii: "2") && bytes[index + 1] | 0x20 == UInt8(ascii: "b")
                        if encodedPlus { index += 2 }
                        digits = 0
                        needed = encodedPlus ? 8 : 10
                    }
                }
            }
            return false
        }
    }

    /// Byte tests on eight bytes at once (the "has zero byte" and "has byte between"
    /// tricks of Bit Twiddling Hacks); exact for ASCII, and bytes of 0x80 and up never match.
    private enum SWAR {
        private static let ones: UInt64 = 0x0101_0101_0101_0101
        private static let highs: UInt64 = 0x8080_8080_8080_8080

        /// Whether any of the eight bytes is a digit, `+` or `%`.
        static func mayHoldPhoneByte(_ word: UInt64) -> Bool {
            hasByte(in: word, above: 0x2F, below: 0x3A) || hasZeroByte(word ^ (ones &* 0x2B)) || hasZeroByte(word ^ (ones &* 0x25))
        }

        private static func hasZeroByte(_ word: UInt64) -> Bool {
            (word &- ones) & ~word & highs != 0
        }

        /// Whether a byte lies strictly between `low` and `high` (both at most 128).
        private static func hasByte(in word: UInt64, above low: UInt64, below high: UInt64) -> Bool {
            let seven = word & (ones &* 127)
            return (ones &* (127 + high) &- seven) & ~word & (seven &+ ones &* (127 - low)) & highs != 0
        }
    }

    private enum ByteClass { case other, digit, separator, plus, percent }

    private static let byteClasses: [ByteClass] = (0..<256).map { value in
        switch UInt8(value) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return .digit
        case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"): return .separator
        case UInt8(ascii: "+"): return .plus
        case UInt8(ascii: "%"): return .percent
        default: return .other
        }
    }

    /// `+` already dropped: digits with optional single separators, 8–15 digits, no leading 0.
    private static func isInternational(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isNumber, first != "0",
              let last = text.last, last.isASCII, last.isNumber else { return false }
        var digits = 0
        var previousSeparator: Character?
        for character in text {
            if character.isASCII && character.isNumber {
                digits += 1
                previousSeparator = nil
            } else if " -.()".contains(character) {
                // `+1 (415) 555-1234` pairs `) ` and ` (`; no other two separators may touch.
                if let previous = previousSeparator, !(previous == ")" && character == " ") && !(previous == " " && character == "(") {
                    return false
                }
                previousSeparator = character
            } else {
                return false
            }
        }
        return (8...15).contains(digits)
    }

    private static let nanpShapes: Set<String> = [
        "(ddd) ddd-dddd", "(ddd)ddd-dddd", "(ddd) ddd.dddd", "(ddd) ddd dddd",
        "ddd-ddd-dddd", "ddd.ddd.dddd", "ddd ddd dddd", "ddd ddd-dddd",
    ]

    /// `(415) 555-1234`, `415-555-1234`, `415.555.1234`, with an optional `1-`/`1 ` trunk prefix.
    private static func isNANP(_ text: Substring) -> Bool {
        var shape = String(text.map { $0.isASCII && $0.isNumber ? "d" : $0 })
        if text.hasPrefix("1"), shape.count > 2 {
            let separator = shape[shape.index(after: shape.startIndex)]
            if " -.".contains(separator) { shape = String(shape.dropFirst(2)) }
        }
        return nanpShapes.contains(shape)
    }

    /// Phone numbers inside a longer string, as byte offsets relative to `text`:
    /// TwiML (`<Dial>+1…</Dial>`, `<Number>…</Number>`, `callerId="…"`) and
    /// form-encoded REST bodies (`To=%2B1…&From=+1…`).
    static func embeddedNumbers(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var found: [Range<Int>] = []
        // TwiML elements: the text between `<Dial…>`/`<Number…>` and the next `<`.
        for tag in ["<Dial", "<Number"] {
            for start in occurrences(of: tag, in: bytes) {
                guard let close = bytes[start...].firstIndex(of: UInt8(ascii: ">")) else { continue }
                let valueStart = close + 1
                let valueEnd = bytes[valueStart...].firstIndex(of: UInt8(ascii: "<")) ?? bytes.count
                let trimmed = trim(valueStart..<valueEnd, in: bytes)
                if isPhoneNumber(String(decoding: bytes[trimmed], as: UTF8.self)) { found.append(trimmed) }
            }
        }
        // TwiML attributes and form fields: callerId="…", To=…&.
        for key in ["callerId=", "To=", "From=", "CallerId="] {
            for start in occurrences(of: key, in: bytes) {
                if key != "callerId=" {
                    // A form field starts the string or follows `&`/`?`.
                    guard start == 0 || [UInt8(ascii: "&"), UInt8(ascii: "?")].contains(bytes[start - 1]) else { continue }
                }
                var valueStart = start + key.utf8.count
                let quote = valueStart < bytes.count && (bytes[valueStart] == UInt8(ascii: "\"") || bytes[valueStart] == UInt8(ascii: "'"))
                    ? bytes[valueStart] : nil
                if quote != nil { valueStart += 1 }
                var valueEnd = valueStart
                while valueEnd < bytes.count {
                    let byte = bytes[valueEnd]
                    if let quote, byte == quote { break }
                    if quote == nil, byte == UInt8(ascii: "&") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">") { break }
                    valueEnd += 1
                }
                let value = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
                    .replacingOccurrences(of: "%2B", with: "+").replacingOccurrences(of: "%2b", with: "+")
                    .replacingOccurrences(of: "%20", with: " ").replacingOccurrences(of: "%3A", with: ":")
                if isPhoneNumber(value) { found.append(valueStart..<valueEnd) }
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    private static func occurrences(of needle: String, in bytes: [UInt8]) -> [Int] {
        let pattern = Array(needle.utf8)
        guard bytes.count >= pattern.count else { return [] }
        return (0...(bytes.count - pattern.count)).filter { start in
            pattern.indices.allSatisfy { bytes[start + $0] == pattern[$0] }
        }
    }

    private static func trim(_ range: Range<Int>, in bytes: [UInt8]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, ASCII.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, ASCII.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: - Names

    private static let phoneWords: Set<String> = [
        "to", "from", "phone", "phones", "number", "numbers", "num", "caller", "callerid", "recipient", "recipients",
        "sender", "mobile", "cell", "msisdn", "tel", "whatsapp", "sms", "destination", "dest", "dial", "fax",
        "hotline", "helpline",
    ]
    /// Words that make a "number" something other than a phone, or a phone a mere example.
    private static let otherWords: Set<String> = [
        "account", "order", "tracking", "serial", "invoice", "version", "build", "card", "zip", "postal", "ssn",
        "port", "example", "sample", "placeholder", "format", "pattern", "regex", "mask", "hint", "test",
    ]

    /// Whether a variable, key, label or environment name holds a phone number:
    /// `to`, `from_`, `callerId`, `TWILIO_PHONE_NUMBER`, `SALES_PHONE`, `forwardTo`.
    static func isPhoneName(_ name: String) -> Bool {
        let words = self.words(of: name)
        return words.contains(where: phoneWords.contains) && !words.contains(where: otherWords.contains)
    }

    /// `TWILIO_PHONE_NUMBER` → [twilio, phone, number]; `callerId` → [caller, id]; `callerID` → [caller, id].
    static func words(of name: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previous: Character?
        for character in name {
            if !(character.isLetter || character.isNumber) {
                if !current.isEmpty { words.append(current) }
                current = ""
            } else if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                if !current.isEmpty { words.append(current) }
                current = String(character)
            } else {
                current.append(character)
            }
            previous = character
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }
}
