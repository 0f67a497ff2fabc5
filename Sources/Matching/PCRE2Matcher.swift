import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pattern compiled once by PCRE2 (JIT-compiled when the platform allows) and
/// searched over raw bytes. This is the only file that talks to PCRE2.
///
/// Patterns run in byte mode (no UTF flag): offsets are byte offsets, invalid
/// UTF-8 cannot make a search fail, and `\b`, `\w`, `\d` mean their ASCII forms.
public final class PCRE2Matcher: Matcher, @unchecked Sendable {
    /// Limits that stop catastrophic backtracking; PCRE2's defaults are 10 million.
    public struct Limits: Sendable {
        public var match: UInt32
        public var depth: UInt32
        public init(match: UInt32 = 1_000_000, depth: UInt32 = 100_000) {
            self.match = match
            self.depth = depth
        }
    }

    /// The source text of the pattern.
    public let pattern: String
    public let isJITCompiled: Bool
    private let code: OpaquePointer
    private let context: OpaquePointer
    private let focusGroup: Int?
    private let captureCount: Int
    private let startLimited: Bool
    private let limits: Limits
    /// Compiles `pattern`. Throws `PatternError` with PCRE2's message and offset.
    /// `startLimited` allows `firstMatch(in:from:startingBy:)` (PCRE2 compiles such
    /// patterns differently, so it is asked for up front).
    public init(_ pattern: String, caseless: Bool = false, startLimited: Bool = false, limits: Limits = Limits()) throws {
        self.pattern = pattern
        var errorCode: Int32 = 0
        var errorOffset = 0
        var options: UInt32 = caseless ? UInt32(PCRE2_CASELESS) : 0
        if startLimited { options |= UInt32(PCRE2_USE_OFFSET_LIMIT) }
        let compiled = pattern.withCString { cString in
            cString.withMemoryRebound(to: UInt8.self, capacity: pattern.utf8.count) {
                pcre2_compile_8($0, pattern.utf8.count, options, &errorCode, &errorOffset, nil)
            }
        }
        guard let compiled else {
            throw PatternError(pattern: pattern, message: Self.message(for: errorCode), offset: errorOffset)
        }
        code = compiled
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0

        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.match)
        pcre2_set_depth_limit_8(context, limits.depth)

        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        captureCount = Int(count)
        let group = "focus".withCString { name in
            name.withMemoryRebound(to: UInt8.self, capacity: 6) { pcre2_substring_number_from_name_8(compiled, $0) }
        }
        focusGroup = group > 0 ? Int(group) : nil

        self.startLimited = startLimited
        self.limits = limits
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// A pattern that matches `text` literally (keywords, anchor words). A `\E` in
    /// the text would end PCRE2's `\Q…\E` quoting, so it is quoted on its own.
    public static func literal(_ text: String, caseless: Bool = false) throws -> PCRE2Matcher {
        try PCRE2Matcher("\\Q" + text.replacing("\\E", with: "\\E\\\\E\\Q") + "\\E", caseless: caseless)
    }

    public func firstMatch(in text: UnsafeBufferPointer<UInt8>, from offset: Int) throws -> Match? {
        try search(text, from: offset, context: context)
    }

    /// The first match that starts at or after `offset` and at or before `limit`.
    /// The match itself may run past `limit`. Needs a matcher made `startLimited`.
    public func firstMatch(in text: UnsafeBufferPointer<UInt8>, from offset: Int, startingBy limit: Int) throws -> Match? {
        precondition(startLimited, "/\(pattern)/ was not compiled startLimited")
        let limited = MatchScratch.current().limitedContext
        pcre2_set_match_limit_8(limited, limits.match)
        pcre2_set_depth_limit_8(limited, limits.depth)
        pcre2_set_offset_limit_8(limited, max(limit, 0))
        return try search(text, from: offset, context: limited)
    }

    private func search(_ text: UnsafeBufferPointer<UInt8>, from offset: Int, context: OpaquePointer) throws -> Match? {
        guard offset <= text.count else { return nil }
        let data = MatchScratch.current().matchData(pairs: captureCount + 1)
        // An empty buffer has no base address; PCRE2 accepts any non-null pointer for length 0.
        let subject = text.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let result = pcre2_match_8(code, subject, text.count, offset, 0, data, context)
        if result == PCRE2_ERROR_NOMATCH { return nil }
        if result == PCRE2_ERROR_MATCHLIMIT || result == PCRE2_ERROR_DEPTHLIMIT
            || result == PCRE2_ERROR_JIT_STACKLIMIT || result == PCRE2_ERROR_HEAPLIMIT {
            throw MatcherError.limitExceeded
        }
        guard result >= 0 else { throw MatcherError.engine(Self.message(for: result)) }

        let vector = pcre2_get_ovector_pointer_8(data)!
        let range = Int(vector[0])..<Int(vector[1])
        var focus = range
        if let group = focusGroup {
            let start = vector[2 * group], end = vector[2 * group + 1]
            if Int(truncatingIfNeeded: start) != PCRE2Matcher.unset, end >= start { focus = Int(start)..<Int(end) }
        }
        return Match(range: range, focus: focus, lastGroup: Int(result) - 1)
    }

    /// PCRE2_UNSET, `~(PCRE2_SIZE)0`: a macro Swift cannot import; -1 once truncated to Int.
    static let unset = -1

    private static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        return length > 0 ? String(decoding: buffer[0..<Int(length)], as: UTF8.self) : "PCRE2 error \(code)"
    }
}

/// A pattern that does not compile, with PCRE2's explanation.
public struct PatternError: Error, Equatable, Sendable, CustomStringConvertible {
    public var pattern: String
    public var message: String
    /// Byte offset in the pattern where compilation stopped.
    public var offset: Int

    public var description: String { "\(message) at offset \(offset) of /\(pattern)/" }
}

extension PCRE2Matcher {
    /// Frees the calling thread's match scratch now rather than when the thread
    /// ends (the main thread never "ends" before exit, and a long-lived process may
    /// want its memory back). The next search on this thread makes a new one.
    public static func releaseThreadScratch() {
        MatchScratch.releaseCurrent()
    }
}

/// One thread's scratch space for every matcher: PCRE2 match data, grown to the
/// most capture groups asked for so far, and a match context for start-limited
/// searches (the offset limit is a field of the context, so it cannot be shared
/// between threads). All matchers share one thread-specific key: a key per
/// matcher ran out at the system's 1,024 keys.
private final class MatchScratch {
    private var data: OpaquePointer
    private var pairs: Int
    let limitedContext: OpaquePointer

    private init() {
        pairs = 16
        data = pcre2_match_data_create_8(UInt32(pairs), nil)!
        limitedContext = pcre2_match_context_create_8(nil)!
    }

    deinit {
        pcre2_match_data_free_8(data)
        pcre2_match_context_free_8(limitedContext)
    }

    /// Match data with room for at least `needed` offset pairs.
    func matchData(pairs needed: Int) -> OpaquePointer {
        if needed > pairs {
            pcre2_match_data_free_8(data)
            pairs = max(needed, pairs * 2)
            data = pcre2_match_data_create_8(UInt32(pairs), nil)!
        }
        return data
    }

    /// The key, created once per process; its destructor frees a thread's scratch
    /// when the thread ends.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { pointer in
            #if canImport(Glibc)
            guard let pointer else { return }
            #endif
            Unmanaged<MatchScratch>.fromOpaque(pointer).release()
        }
        precondition(status == 0, "twilint: cannot create a thread-specific key for PCRE2 (error \(status))")
        return key
    }()

    static func current() -> MatchScratch {
        if let existing = pthread_getspecific(key) {
            return Unmanaged<MatchScratch>.fromOpaque(existing).takeUnretainedValue()
        }
        let scratch = MatchScratch()
        pthread_setspecific(key, Unmanaged.passRetained(scratch).toOpaque())
        return scratch
    }

    static func releaseCurrent() {
        guard let existing = pthread_getspecific(key) else { return }
        pthread_setspecific(key, nil)
        Unmanaged<MatchScratch>.fromOpaque(existing).release()
    }
}
