/// The unit of LSP's `character` offsets: UTF-16 code units unless the client
/// offers UTF-8 in `general.positionEncodings` (then bytes, as twilint counts).
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    /// The encoding to use given what the client offers, in its order of preference.
    public static func negotiate(_ offered: [String]) -> PositionEncoding {
        offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
    }

    /// Units of this encoding taken by the UTF-8 sequence that starts with `lead`.
    func units(lead: UInt8) -> Int {
        switch self {
        case .utf8: return Self.sequenceLength(lead)
        case .utf16: return lead >= 0xF0 ? 2 : 1
        }
    }

    /// Bytes of the UTF-8 sequence that `lead` starts (1 for stray continuation bytes).
    static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
