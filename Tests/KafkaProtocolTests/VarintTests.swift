import KafkaProtocol
import NIOCore
import XCTest

final class VarintTests: XCTestCase {
    func testUnsignedVarintGoldenBytes() {
        let cases: [(UInt32, String)] = [
            (0, "00"), (1, "01"), (127, "7f"), (128, "80 01"), (300, "ac 02"), (16_383, "ff 7f"),
            (16_384, "80 80 01"), (UInt32.max, "ff ff ff ff 0f"),
        ]
        for (value, hex) in cases {
            var buffer = ByteBuffer()
            let written = buffer.writeUnsignedVarint(value)
            XCTAssertEqual(hexString(buffer), hex, "writing \(value)")
            XCTAssertEqual(written, ByteBuffer.unsignedVarintSize(value))
            var input = hexBuffer(hex)
            XCTAssertEqual(try input.readUnsignedVarint(), value, "reading \(hex)")
            XCTAssertEqual(input.readableBytes, 0)
        }
    }

    func testZigzagVarintGoldenBytes() {
        let cases: [(Int32, String)] = [
            (0, "00"), (-1, "01"), (1, "02"), (-2, "03"), (2, "04"), (63, "7e"), (-64, "7f"), (64, "80 01"),
            (150, "ac 02"), (Int32.max, "fe ff ff ff 0f"), (Int32.min, "ff ff ff ff 0f"),
        ]
        for (value, hex) in cases {
            var buffer = ByteBuffer()
            buffer.writeVarint(value)
            XCTAssertEqual(hexString(buffer), hex, "writing \(value)")
            var input = hexBuffer(hex)
            XCTAssertEqual(try input.readVarint(), value, "reading \(hex)")
        }
    }

    func testZigzagVarlongGoldenBytes() {
        let cases: [(Int64, String)] = [
            (0, "00"), (-1, "01"), (1, "02"), (300, "d8 04"),
            (Int64.max, "fe ff ff ff ff ff ff ff ff 01"), (Int64.min, "ff ff ff ff ff ff ff ff ff 01"),
        ]
        for (value, hex) in cases {
            var buffer = ByteBuffer()
            buffer.writeVarlong(value)
            XCTAssertEqual(hexString(buffer), hex, "writing \(value)")
            var input = hexBuffer(hex)
            XCTAssertEqual(try input.readVarlong(), value, "reading \(hex)")
        }
    }

    func testVarintRoundTripsAcrossRange() throws {
        var buffer = ByteBuffer()
        let values: [Int32] = [0, 1, -1, 127, -128, 1 << 20, -(1 << 20), Int32.max, Int32.min]
        for value in values { buffer.writeVarint(value) }
        for value in values { XCTAssertEqual(try buffer.readVarint(), value) }
    }

    func testTruncatedVarintThrowsAndConsumesNothing() {
        var buffer = hexBuffer("ac")
        XCTAssertThrowsError(try buffer.readUnsignedVarint(field: "length")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .truncated("length"))
        }
        XCTAssertEqual(buffer.readableBytes, 1)
        var empty = ByteBuffer()
        XCTAssertThrowsError(try empty.readVarint())
        XCTAssertThrowsError(try empty.readVarlong())
        var longTruncated = hexBuffer("ff ff ff ff ff ff")
        XCTAssertThrowsError(try longTruncated.readVarlong())
    }

    func testOverlongVarintIsRejected() {
        var buffer = hexBuffer("ff ff ff ff ff 01")
        XCTAssertThrowsError(try buffer.readUnsignedVarint()) { error in
            guard case .invalidValue = error as? KafkaProtocolError else { return XCTFail("got \(error)") }
        }
        var long = hexBuffer("ff ff ff ff ff ff ff ff ff ff 01")
        XCTAssertThrowsError(try long.readVarlong())
    }
}
