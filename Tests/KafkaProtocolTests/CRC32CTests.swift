import KafkaProtocol
import XCTest

final class CRC32CTests: XCTestCase {
    func testKnownVectors() {
        // RFC 3720 (iSCSI) test vectors and the classic "123456789" check value.
        XCTAssertEqual(CRC32C.checksum(Array("123456789".utf8)), 0xE306_9283)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0, count: 32)), 0x8A91_36AA)
        XCTAssertEqual(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)), 0x62A8_AB43)
        XCTAssertEqual(CRC32C.checksum(Array(UInt8(0)...UInt8(31))), 0x46DD_794E)
        XCTAssertEqual(CRC32C.checksum([UInt8]()), 0)
    }

    func testHardwareAndTableAgreeOnEveryLengthAndContinuation() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes.withUnsafeBytes { all in
            for length in 0...all.count {
                let slice = UnsafeRawBufferPointer(rebasing: all[0..<length])
                XCTAssertEqual(CRC32C.checksum(slice), CRC32C.softwareChecksum(slice), "length \(length)")
            }
            let split = 123
            let first = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[0..<split]))
            let whole = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: all[split...]), continuing: first)
            XCTAssertEqual(whole, CRC32C.softwareChecksum(all))
        }
    }
}
