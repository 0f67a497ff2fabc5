@testable import TwilintKit
import XCTest

final class PhoneNumberTextTests: XCTestCase {
    func testPhoneShapes() {
        for phone in ["+14155550123", "+442079460958", "+1 415 555 0123", "+1 (415) 555-0123", "(415) 555-0123",
                      "415-555-0123", "415.555.0123", "1-800-555-0199", "whatsapp:+14155550123", "tel:+14155550123"] {
            XCTAssertTrue(PhoneNumberText.isPhoneNumber(phone), phone)
        }
        for other in ["4155550123", "+1234", "+0123456789", "2024-01-15", "555-0123", "+1415555012345678",
                      "E.164 (+14155550123)", "+1 415  555 0123", "v1.2.3", "+14155550123x"] {
            XCTAssertFalse(PhoneNumberText.isPhoneNumber(other), other)
        }
    }

    func testNumbersInsideTwiMLAndFormBodies() {
        let twiml = #"<Response><Dial callerId="+14155550100"><Number>+14155550123</Number></Dial></Response>"#
        XCTAssertEqual(PhoneNumberText.embeddedNumbers(in: twiml).map { slice(twiml, $0) }, ["+14155550100", "+14155550123"])
        let form = "To=%2B14155550123&From=+14155550100&Body=Call 415-555-0199"
        XCTAssertEqual(PhoneNumberText.embeddedNumbers(in: form).map { slice(form, $0) }, ["%2B14155550123", "+14155550100"])
        XCTAssertEqual(PhoneNumberText.embeddedNumbers(in: "Use E.164, e.g. +14155550123"), [])
    }

    func testPhoneNames() {
        for name in ["to", "from_", "callerId", "caller_id", "TWILIO_PHONE_NUMBER", "SALES_PHONE", "fromNumber", "forwardTo"] {
            XCTAssertTrue(PhoneNumberText.isPhoneName(name), name)
        }
        for name in ["store_id", "order_number", "EXAMPLE_NUMBER", "placeholder", "token", "accountNumber"] {
            XCTAssertFalse(PhoneNumberText.isPhoneName(name), name)
        }
    }

    func testPhoneGateFindsEveryShapeTheFindersAccept() {
        func gate(_ text: String) -> Bool { Array(text.utf8).withUnsafeBufferPointer(PhoneNumberText.mayContainPhoneNumber) }
        for text in ["to = '+14155550123'", "x = \"(415) 555-0123\"", "Body=Call&To=%2B14155550123", "<Dial>+44 20 7946 0958</Dial>",
                     String(repeating: "word ", count: 40) + "1-800-555-0199", "é+14155550123"] {
            XCTAssertTrue(gate(text), text)
        }
        for text in ["version = '2010-04-01'", "+1234567", "id = 123456789", String(repeating: "no digits here ", count: 20)] {
            XCTAssertFalse(gate(text), text)
        }
    }

    /// The gate skips eight bytes at a time; it must agree with a plain byte-by-byte
    /// reading on any text whose separators never run longer than two (as in every
    /// phone number), including runs that straddle the eight-byte words.
    func testPhoneGateAgreesWithAByteByByteReading() {
        func reference(_ bytes: [UInt8]) -> Bool {
            var digits = 0, needed = 10, index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if ASCII.isDigit(byte) {
                    digits += 1
                    if digits >= needed { return true }
                } else if " -.()".utf8.contains(byte) {
                    continue
                } else if byte == UInt8(ascii: "+") {
                    (digits, needed) = (0, 8)
                } else if byte == UInt8(ascii: "%"), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "2"), bytes[index + 1] | 0x20 == UInt8(ascii: "b") {
                    index += 2
                    (digits, needed) = (0, 8)
                } else {
                    (digits, needed) = (0, 10)
                }
            }
            return false
        }
        var generator = SystemRandomNumberGenerator()
        // Mostly letters, so that many eight-byte words hold no digit and take the fast path.
        let alphabet = Array("0123456789 -.()+%2Bbax_=\"'\nabcdefghijklmnopqrstuvwxyzABCDEFGH".utf8) + [0xC3, 0xA9]
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            var separators = 0
            for _ in 0..<Int.random(in: 0...64, using: &generator) {
                let byte = alphabet.randomElement(using: &generator)!
                separators = " -.()".utf8.contains(byte) ? separators + 1 : 0
                if separators > 2 { continue }
                bytes.append(byte)
            }
            let fast = bytes.withUnsafeBufferPointer(PhoneNumberText.mayContainPhoneNumber)
            XCTAssertEqual(fast, reference(bytes), String(decoding: bytes, as: UTF8.self))
        }
    }

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }
}
