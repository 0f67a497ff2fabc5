/// Media, archive and compiled files that a NUL test can miss: their first 8 KiB
/// may hold no NUL byte (a `.y4m` video is a text header then raw frames; a PNG's
/// or JPEG's first chunks are often NUL-free), yet they are never source text.
enum BinaryFormat {
    /// Extensions (lower-case) of binary formats; such a file is skipped unread.
    static let extensions: Set<String> = [
        // images
        "png", "jpg", "jpeg", "gif", "bmp", "ico", "icns", "cur", "webp", "tif", "tiff", "psd", "heic", "heif", "avif", "jxl",
        // video and audio
        "y4m", "yuv", "mp4", "m4v", "mov", "avi", "mkv", "webm", "flv", "wmv", "mpg", "mpeg", "3gp",
        "mp3", "wav", "flac", "ogg", "oga", "ogv", "opus", "m4a", "aac", "aiff", "caf",
        // documents, fonts, archives, compiled code, databases
        "pdf", "woff", "woff2", "ttf", "otf", "eot",
        "zip", "gz", "tgz", "bz2", "xz", "zst", "7z", "rar", "jar", "war", "aar", "apk", "ipa", "dmg", "iso",
        "class", "pyc", "o", "a", "so", "dylib", "dll", "exe", "wasm", "sqlite", "sqlite3",
    ]

    /// Leading bytes of binary formats (images, media, archives, fonts), checked
    /// whatever the file is called.
    private static let magics: [[UInt8]] = [
        Array("YUV4MPEG2".utf8), [0x89] + Array("PNG\r\n".utf8), Array("GIF87a".utf8), Array("GIF89a".utf8),
        [0xFF, 0xD8, 0xFF], Array("%PDF-".utf8), Array("OggS".utf8), Array("fLaC".utf8), Array("ID3\u{03}".utf8), Array("ID3\u{04}".utf8),
        [0x1A, 0x45, 0xDF, 0xA3], Array("PK\u{03}\u{04}".utf8), [0x1F, 0x8B], [0xFD] + Array("7zXZ".utf8),
        [0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], Array("Rar!".utf8), Array("wOFF".utf8), Array("wOF2".utf8),
        [0x28, 0xB5, 0x2F, 0xFD], [0x7F] + Array("ELF".utf8), [0xCA, 0xFE, 0xBA, 0xBE], Array("\u{00}asm".utf8),
    ]

    /// True when `path`'s extension names a binary format.
    static func hasBinaryExtension(_ path: String) -> Bool {
        let name = LanguageDetector.fileName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return false }
        return extensions.contains(name[name.index(after: dot)...].lowercased())
    }

    /// True when `bytes` open like a binary format: a magic number, a RIFF
    /// container (WAV, AVI, WebP), or an ISO media box (MP4, MOV, HEIC, AVIF).
    static func hasBinaryMagic(_ bytes: [UInt8]) -> Bool {
        if magics.contains(where: { bytes.starts(with: $0) }) { return true }
        if bytes.starts(with: Array("RIFF".utf8)), bytes.count >= 12 { return true }
        return bytes.count >= 12 && bytes[4..<8].elementsEqual("ftyp".utf8)
    }
}
