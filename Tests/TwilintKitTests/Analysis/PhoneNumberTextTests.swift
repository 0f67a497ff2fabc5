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

    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }
}
