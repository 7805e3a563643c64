import KafkaProtocol
import NIOCore
import XCTest

final class PrimitivesTests: XCTestCase {
    func testFixedWidthIntegersAreBigEndian() throws {
        var buffer = ByteBuffer()
        buffer.writeInt8(-2)
        buffer.writeInt16(0x0102)
        buffer.writeInt32(-1)
        buffer.writeInt64(0x0102_0304_0506_0708)
        buffer.writeUInt16(0xFFFE)
        buffer.writeUInt32(0x8000_0001)
        buffer.writeFloat64(1.5)
        buffer.writeBool(true)
        XCTAssertEqual(
            hexString(buffer),
            "fe 01 02 ff ff ff ff 01 02 03 04 05 06 07 08 ff fe 80 00 00 01 3f f8 00 00 00 00 00 00 01"
        )
        XCTAssertEqual(try buffer.readInt8(), -2)
        XCTAssertEqual(try buffer.readInt16(), 0x0102)
        XCTAssertEqual(try buffer.readInt32(), -1)
        XCTAssertEqual(try buffer.readInt64(), 0x0102_0304_0506_0708)
        XCTAssertEqual(try buffer.readUInt16(), 0xFFFE)
        XCTAssertEqual(try buffer.readUInt32(), 0x8000_0001)
        XCTAssertEqual(try buffer.readFloat64(), 1.5)
        XCTAssertEqual(try buffer.readBool(), true)
    }

    func testEveryPrimitiveThrowsTruncatedOnShortInput() {
        // Each reader gets one byte less than it needs; none may trap, all must name the field.
        let readers: [(String, Int, (inout ByteBuffer) throws -> Void)] = [
            ("int8", 1, { _ = try $0.readInt8(field: "f") }),
            ("int16", 2, { _ = try $0.readInt16(field: "f") }),
            ("int32", 4, { _ = try $0.readInt32(field: "f") }),
            ("int64", 8, { _ = try $0.readInt64(field: "f") }),
            ("uint16", 2, { _ = try $0.readUInt16(field: "f") }),
            ("uint32", 4, { _ = try $0.readUInt32(field: "f") }),
            ("float64", 8, { _ = try $0.readFloat64(field: "f") }),
            ("bool", 1, { _ = try $0.readBool(field: "f") }),
            ("uuid", 16, { _ = try $0.readKafkaUUID(field: "f") }),
        ]
        for (name, size, read) in readers {
            var buffer = ByteBuffer(repeating: 0x01, count: size - 1)
            XCTAssertThrowsError(try read(&buffer), name) { error in
                XCTAssertEqual(error as? KafkaProtocolError, .truncated("f"), name)
            }
            XCTAssertEqual(buffer.readableBytes, size - 1, "\(name) consumed bytes before throwing")
        }
    }

    func testStringsClassicAndCompact() throws {
        var buffer = ByteBuffer()
        buffer.writeKafkaString("kafka", compact: false)
        buffer.writeKafkaNullableString(nil, compact: false)
        buffer.writeKafkaString("", compact: false)
        XCTAssertEqual(hexString(buffer), "00 05 6b 61 66 6b 61 ff ff 00 00")
        XCTAssertEqual(try buffer.readKafkaString(compact: false), "kafka")
        XCTAssertNil(try buffer.readKafkaNullableString(compact: false))
        XCTAssertEqual(try buffer.readKafkaNullableString(compact: false), "")

        var compact = ByteBuffer()
        compact.writeKafkaString("kafka", compact: true)
        compact.writeKafkaNullableString(nil, compact: true)
        compact.writeKafkaString("", compact: true)
        XCTAssertEqual(hexString(compact), "06 6b 61 66 6b 61 00 01")
        XCTAssertEqual(try compact.readKafkaString(compact: true), "kafka")
        XCTAssertNil(try compact.readKafkaNullableString(compact: true))
        XCTAssertEqual(try compact.readKafkaString(compact: true), "")
    }

    func testNullWhereNotNullableIsInvalid() {
        var buffer = hexBuffer("ff ff")
        XCTAssertThrowsError(try buffer.readKafkaString(compact: false, field: "name")) { error in
            guard case .invalidValue = error as? KafkaProtocolError else { return XCTFail("got \(error)") }
        }
        XCTAssertEqual(buffer.readableBytes, 2, "nothing consumed")
        var compact = hexBuffer("00")
        XCTAssertThrowsError(try compact.readKafkaBytes(compact: true))
        var array = hexBuffer("ff ff ff ff")
        XCTAssertThrowsError(try array.readKafkaArrayCount(compact: false))
    }

    func testStringLengthsBeyondInputAreTruncatedNotAllocated() {
        var classic = hexBuffer("7f ff 61 62")
        XCTAssertThrowsError(try classic.readKafkaString(compact: false, field: "name")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .truncated("name"))
        }
        XCTAssertEqual(classic.readableBytes, 4, "nothing consumed")
        var compact = hexBuffer("05 61")
        XCTAssertThrowsError(try compact.readKafkaString(compact: true, field: "name")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .truncated("name"))
        }
        var negative = hexBuffer("ff fe")
        XCTAssertThrowsError(try negative.readKafkaNullableString(compact: false, field: "name")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .invalidLength(-2, "name"))
        }
        // A compact length over Kafka's 32767-byte string limit is rejected even if the bytes were there.
        var huge = ByteBuffer()
        huge.writeUnsignedVarint(40_000)
        XCTAssertThrowsError(try huge.readKafkaString(compact: true, field: "name")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .invalidLength(39_999, "name"))
        }
    }

    func testBytesClassicAndCompactAreSlices() throws {
        var buffer = ByteBuffer()
        buffer.writeKafkaBytes(ByteBuffer(bytes: [1, 2, 3]), compact: false)
        buffer.writeKafkaNullableBytes(nil, compact: false)
        buffer.writeKafkaBytes(ByteBuffer(bytes: [9]), compact: true)
        buffer.writeKafkaNullableBytes(nil, compact: true)
        XCTAssertEqual(hexString(buffer), "00 00 00 03 01 02 03 ff ff ff ff 02 09 00")
        XCTAssertEqual(try buffer.readKafkaBytes(compact: false), ByteBuffer(bytes: [1, 2, 3]))
        XCTAssertNil(try buffer.readKafkaNullableBytes(compact: false))
        XCTAssertEqual(try buffer.readKafkaBytes(compact: true), ByteBuffer(bytes: [9]))
        XCTAssertNil(try buffer.readKafkaNullableBytes(compact: true))

        var short = hexBuffer("7f ff ff ff 00")
        XCTAssertThrowsError(try short.readKafkaBytes(compact: false, field: "records")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .truncated("records"))
        }
        var negative = hexBuffer("ff ff ff fe")
        XCTAssertThrowsError(try negative.readKafkaNullableBytes(compact: false, field: "records")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .invalidLength(-2, "records"))
        }
    }

    func testArrayCountsClassicCompactAndAbsurd() throws {
        var buffer = ByteBuffer()
        buffer.writeKafkaArrayCount(2, compact: false)
        buffer.writeKafkaNullableArrayCount(nil, compact: false)
        buffer.writeKafkaArrayCount(2, compact: true)
        buffer.writeKafkaNullableArrayCount(nil, compact: true)
        XCTAssertEqual(hexString(buffer), "00 00 00 02 ff ff ff ff 03 00")
        buffer.writeBytes([0xEE, 0xEE])  // the two elements would follow; counts are checked against them
        XCTAssertEqual(try buffer.readKafkaArrayCount(compact: false), 2)
        XCTAssertNil(try buffer.readKafkaNullableArrayCount(compact: false))
        XCTAssertEqual(try buffer.readKafkaArrayCount(compact: true), 2)
        XCTAssertNil(try buffer.readKafkaNullableArrayCount(compact: true))

        // A count of two billion with four bytes behind it must fail before anything is allocated.
        var absurd = hexBuffer("7f ff ff ff 00 00 00 00")
        XCTAssertThrowsError(try absurd.readKafkaArrayCount(compact: false, field: "topics")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .truncated("topics"))
        }
        var negative = hexBuffer("80 00 00 00")
        XCTAssertThrowsError(try negative.readKafkaNullableArrayCount(compact: false, field: "topics")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .invalidLength(Int(Int32.min), "topics"))
        }
        var compactAbsurd = hexBuffer("ff ff ff ff 0f")
        XCTAssertThrowsError(try compactAbsurd.readKafkaArrayCount(compact: true))
    }

    func testReadKafkaArrayHelper() throws {
        var buffer = ByteBuffer()
        buffer.writeKafkaArrayCount(3, compact: true)
        for value: Int32 in [7, 8, 9] { buffer.writeInt32(value) }
        let values = try buffer.readKafkaArray(compact: true) {
            (element: inout ByteBuffer) throws(KafkaProtocolError) in
            try element.readInt32()
        }
        XCTAssertEqual(values, [7, 8, 9])
    }

    func testOverlongStringsAreCutToKafkasLimit() throws {
        let long = String(repeating: "x", count: 40_000)
        var buffer = ByteBuffer()
        buffer.writeKafkaString(long, compact: false)
        XCTAssertEqual(buffer.readableBytes, 2 + 32_767)
        XCTAssertEqual(try buffer.readKafkaString(compact: false).count, 32_767)
    }

    func testTaggedFieldSectionsSkipUnknownTags() throws {
        var buffer = ByteBuffer()
        buffer.writeUnsignedVarint(2)
        buffer.writeTaggedField(tag: 5) { $0.writeInt32(42) }
        buffer.writeTaggedField(tag: 900) { $0.writeKafkaString("hi", compact: true) }
        buffer.writeInt8(0x7F)  // what follows the section
        XCTAssertEqual(hexString(buffer), "02 05 04 00 00 00 2a 84 07 03 03 68 69 7f")

        var seen: [UInt32] = []
        var copy = buffer
        try copy.readTaggedFields { (tag, value) throws(KafkaProtocolError) in
            seen.append(tag)
            if tag == 5 { XCTAssertEqual(try value.readInt32(), 42) }
        }
        XCTAssertEqual(seen, [5, 900])
        XCTAssertEqual(try copy.readInt8(), 0x7F)

        try buffer.skipTaggedFields()
        XCTAssertEqual(try buffer.readInt8(), 0x7F)
    }

    func testTruncatedTaggedFieldSectionThrowsAndConsumesNothing() {
        var buffer = hexBuffer("01 05 04 00 00")
        XCTAssertThrowsError(try buffer.skipTaggedFields(field: "tags")) { error in
            XCTAssertEqual(error as? KafkaProtocolError, .truncated("tags"))
        }
        XCTAssertEqual(buffer.readableBytes, 5)
    }

    func testErrorDescriptionsSayWhatWentWrong() {
        XCTAssertTrue(KafkaProtocolError.truncated("FetchRequest.topics").description.contains("FetchRequest.topics"))
        XCTAssertTrue(KafkaProtocolError.invalidLength(-5, "name").description.contains("-5"))
        XCTAssertTrue(
            KafkaProtocolError.unsupportedVersion("FetchRequest", 99, 0...17).description.contains("0...17")
        )
    }
}
