import KafkaProtocol
import NIOCore
import XCTest

final class KafkaUUIDTests: XCTestCase {
    func testZeroAndOneHaveKafkasText() {
        XCTAssertEqual(KafkaUUID.zero.base64URLString, "AAAAAAAAAAAAAAAAAAAAAA")
        XCTAssertEqual(KafkaUUID.one.base64URLString, "AAAAAAAAAAAAAAAAAAAAAQ")
        XCTAssertEqual(KafkaUUID(base64URLString: "AAAAAAAAAAAAAAAAAAAAAA"), .zero)
    }

    func testBase64URLUsesDashAndUnderscoreWithoutPadding() {
        let uuid = KafkaUUID(mostSignificantBits: 0xFBEF_BEFB_EFBE_FBEF, leastSignificantBits: 0xBEFB_EFBE_FBEF_BEFF)
        let text = uuid.base64URLString
        XCTAssertEqual(text.count, 22)
        XCTAssertEqual(text, "--------------------_w")
        XCTAssertEqual(KafkaUUID(base64URLString: text), uuid)
        XCTAssertEqual(KafkaUUID(base64URLString: text + "=="), uuid)
        XCTAssertEqual(uuid.description, text)
    }

    func testRejectsMalformedText() {
        XCTAssertNil(KafkaUUID(base64URLString: ""))
        XCTAssertNil(KafkaUUID(base64URLString: "AAAAAAAAAAAAAAAAAAAAA"))
        XCTAssertNil(KafkaUUID(base64URLString: "AAAAAAAAAAAAAAAAAAAAA+"))
        XCTAssertNil(KafkaUUID(base64URLString: "AAAAAAAAAAAAAAAAAAAAAB"), "non-zero spare bits")
    }

    func testRandomIsVersion4AndNeverReserved() {
        for _ in 0..<200 {
            let uuid = KafkaUUID.random()
            XCTAssertNotEqual(uuid, .zero)
            XCTAssertNotEqual(uuid, .one)
            XCTAssertFalse(uuid.base64URLString.hasPrefix("-"))
            XCTAssertEqual((uuid.mostSignificantBits >> 12) & 0xF, 4)
            XCTAssertEqual(KafkaUUID(base64URLString: uuid.base64URLString), uuid)
        }
    }

    func testWireFormatIsSixteenBigEndianBytes() throws {
        let uuid = KafkaUUID(mostSignificantBits: 0x0011_2233_4455_6677, leastSignificantBits: 0x8899_AABB_CCDD_EEFF)
        var buffer = ByteBuffer()
        buffer.writeKafkaUUID(uuid)
        XCTAssertEqual(hexString(buffer), "00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff")
        XCTAssertEqual(try buffer.readKafkaUUID(), uuid)
        XCTAssertEqual(KafkaUUID(bytes: uuid.bytes), uuid)
    }
}
