/// Text in UTF-16 or UTF-32, recognised by its byte-order mark and decoded to
/// UTF-8, so that it is scanned rather than taken for binary (its NUL bytes fail
/// the NUL test). Findings then point into the decoded text: lines and columns
/// (code points) are those of the file, byte offsets those of its UTF-8 form.
enum UnicodeBOM: String {
    case utf16LittleEndian = "UTF-16LE", utf16BigEndian = "UTF-16BE"
    case utf32LittleEndian = "UTF-32LE", utf32BigEndian = "UTF-32BE"

    /// The encoding whose byte-order mark `bytes` start with (UTF-32's LE mark begins like UTF-16's, so it is tried first).
    init?(of bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { self = .utf32LittleEndian }
        else if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { self = .utf32BigEndian }
        else if bytes.starts(with: [0xFF, 0xFE]) { self = .utf16LittleEndian }
        else if bytes.starts(with: [0xFE, 0xFF]) { self = .utf16BigEndian }
        else { return nil }
    }

    /// `bytes` without the mark, as UTF-8; a stray surrogate or a value past
    /// U+10FFFF becomes U+FFFD, and so do trailing bytes short of a code unit.
    func decode(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf16LittleEndian, .utf16BigEndian:
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { index -> UInt16 in
                let (first, second) = (UInt16(bytes[index]), UInt16(bytes[index + 1]))
                return self == .utf16LittleEndian ? first | second << 8 : first << 8 | second
            }
            var text = String(decoding: units, as: UTF16.self)
            if bytes.count % 2 == 1 { text += "\u{FFFD}" }
            return Array(text.utf8)
        case .utf32LittleEndian, .utf32BigEndian:
            var text = ""
            text.unicodeScalars.append(contentsOf: stride(from: 4, to: bytes.count - 3, by: 4).map { index -> Unicode.Scalar in
                let word = bytes[index..<index + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                let value = self == .utf32BigEndian ? word : word.byteSwapped
                return Unicode.Scalar(value) ?? "\u{FFFD}"
            })
            if bytes.count % 4 != 0 { text += "\u{FFFD}" }
            return Array(text.utf8)
        }
    }
}
