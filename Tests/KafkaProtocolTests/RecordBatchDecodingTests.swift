import KafkaProtocol
import NIOCore
import XCTest

final class RecordBatchDecodingTests: XCTestCase {
    func testRoundTripKeysValuesHeadersAndNulls() throws {
        var builder = RecordBatchBuilder(baseOffset: 40)
        builder.append(
            key: ByteBuffer(string: "k"), value: nil, headers: [.init(key: "h", value: nil)], timestamp: 1_000)
        builder.append(key: nil, value: ByteBuffer(string: "v"), timestamp: 1_005)
        let batches = try RecordBatches.decode(builder.build())
        let records = try XCTUnwrap(batches.first?.records)
        XCTAssertEqual(records.map(\.offset), [40, 41])
        XCTAssertEqual(records.map(\.timestamp), [1_000, 1_005])
        XCTAssertEqual(records[0].key.map { String(buffer: $0) }, "k")
        XCTAssertNil(records[0].value)
        XCTAssertEqual(records[0].headers, [.init(key: "h", value: nil)])
        XCTAssertEqual(records[1].value.map { String(buffer: $0) }, "v")
    }

    /// Found by samsa-fuzz-kafka: offsets and timestamps near Int64's limits overflowed and
    /// trapped. Bytes from the network may say anything; decoding must wrap, not crash.
    func testExtremeOffsetsAndTimestampsWrapInsteadOfTrapping() throws {
        var builder = RecordBatchBuilder(baseOffset: .max)
        builder.append(key: nil, value: ByteBuffer(string: "a"), timestamp: .max)
        builder.append(key: nil, value: ByteBuffer(string: "b"), timestamp: .min)
        var batch = builder.build()
        batch.setInteger(Int64.max, at: RecordBatchHeader.Offset.baseTimestamp)
        let decoded = try RecordBatches.decode(batch)
        let records = try XCTUnwrap(decoded.first?.records)
        XCTAssertEqual(records.count, 2)
        XCTAssertEqual(records[1].offset, Int64.min, "Int64.max + 1 wraps")
        let header = try XCTUnwrap(decoded.first?.header)
        XCTAssertEqual(header.lastOffset, Int64.min)
        XCTAssertEqual(header.nextOffset, Int64.min + 1)
    }
}
