import Foundation
import KafkaProtocol
import NIOCore
import XCTest

/// Malformed requests get the protocol's error or a closed connection, never a crash, and never a
/// file outside `log.dirs`; other clients keep being served.
final class BadInputTests: XCTestCase {
    private func header(apiKey: Int16, version: Int16, correlationId: Int32 = 7) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(apiKey)
        buffer.writeInteger(version)
        buffer.writeInteger(correlationId)
        buffer.writeInteger(Int16(4))
        buffer.writeString("test")
        return buffer
    }

    private func assertStillServing(_ broker: InProcessBroker, file: StaticString = #filePath, line: UInt = #line)
        throws
    {
        let connection = try RawKafkaConnection(port: broker.port)
        let response = try connection.request(ApiVersionsRequest(), version: 0)
        XCTAssertEqual(response.errorCode, 0, file: file, line: line)
    }

    func testUnknownApiVersionsVersionGetsV0ErrorWithOurRange() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        var request = self.header(apiKey: ApiKey.apiVersions.rawValue, version: 99)
        request.writeBytes([0x00, 0x00, 0x00])  // a body we cannot know: skipped
        connection.sendFrame(request)
        var frame = try XCTUnwrap(try connection.receiveFrame())
        XCTAssertEqual(frame.readInteger(as: Int32.self), 7, "header v0: just the correlation id")
        let response = try ApiVersionsResponse(from: &frame, version: 0)
        XCTAssertEqual(response.errorCode, ErrorCode.unsupportedVersion.rawValue)
        let entry = try XCTUnwrap(response.apiKeys.first { $0.apiKey == ApiKey.apiVersions.rawValue })
        XCTAssertEqual(entry.maxVersion, 4)
    }

    func testApiVersionsV3BodyHasNoTaggedFeatures() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        var request = self.header(apiKey: 18, version: 3)
        request.writeBytes([0x00])  // header tags
        request.writeBytes([0x05] + Array("kcat".utf8) + [0x04] + Array("1.7".utf8) + [0x00])
        connection.sendFrame(request)
        var frame = try XCTUnwrap(try connection.receiveFrame())
        XCTAssertEqual(frame.readInteger(as: Int32.self), 7)
        // error 0, compact array, N x (key,min,max,tag 0), throttle 0, final tag byte 0.
        XCTAssertEqual(frame.readInteger(as: Int16.self), 0)
        let count = try XCTUnwrap(frame.readInteger(as: UInt8.self)) - 1
        for _ in 0..<count {
            frame.moveReaderIndex(forwardBy: 6)
            XCTAssertEqual(frame.readInteger(as: UInt8.self), 0)
        }
        XCTAssertEqual(frame.readInteger(as: Int32.self), 0)
        XCTAssertEqual(Array(frame.readableBytesView), [0x00])
    }

    func testMalformedFramesCloseOnlyThatConnection() async throws {
        let broker = try await self.startInProcessBroker(["socket.request.max.bytes": "1024"])
        let cases: [(String, [UInt8])] = [
            ("negative length", [0xFF, 0xFF, 0xFF, 0xF0]),
            ("length over socket.request.max.bytes", [0x00, 0x10, 0x00, 0x00] + [UInt8](repeating: 0, count: 16)),
            ("shorter than a header", [0x00, 0x00, 0x00, 0x02, 0x00, 0x03]),
            (
                "unknown API key",
                [0x00, 0x00, 0x00, 0x0A] + [0x7F, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF]
            ),
            (
                "unsupported Produce version",
                [0x00, 0x00, 0x00, 0x0A] + [0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0xFF, 0xFF]
            ),
        ]
        for (name, bytes) in cases {
            let connection = try RawKafkaConnection(port: broker.port)
            connection.send(bytes)
            XCTAssertTrue(try connection.isClosedByPeer(), name)
            try self.assertStillServing(broker)
        }
    }

    func testGarbageAfterValidHeaderAndTruncatedBodiesClose() async throws {
        let broker = try await self.startInProcessBroker()
        var garbage = self.header(apiKey: ApiKey.metadata.rawValue, version: 1)
        garbage.writeBytes([0x7F, 0xFF, 0xFF, 0xFF, 0x01, 0x02])  // a topic count of 2^31-1 with 2 bytes behind it
        var produceBody = ByteBuffer()
        ProduceRequest(
            acks: 1, timeoutMs: 1000,
            topicData: [.init(name: "t", partitionData: [.init(index: 0, records: ByteBuffer(bytes: [1, 2, 3]))])]
        )
        .write(to: &produceBody, version: 7)
        for cut in [1, 5, produceBody.readableBytes - 1] {
            var truncated = self.header(apiKey: ApiKey.produce.rawValue, version: 7)
            truncated.writeImmutableBuffer(produceBody.getSlice(at: 0, length: cut)!)
            let connection = try RawKafkaConnection(port: broker.port)
            connection.sendFrame(truncated)
            XCTAssertTrue(try connection.isClosedByPeer(), "produce cut at \(cut)")
        }
        let connection = try RawKafkaConnection(port: broker.port)
        connection.sendFrame(garbage)
        XCTAssertTrue(try connection.isClosedByPeer())
        try self.assertStillServing(broker)
    }

    func testBytesAfterACompleteBodyAreIgnoredAsKafkaDoes() async throws {
        let broker = try await self.startInProcessBroker()
        var trailing = self.header(apiKey: ApiKey.metadata.rawValue, version: 1)
        trailing.writeBytes([0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00])  // null topics (all), then 3 extra bytes
        let connection = try RawKafkaConnection(port: broker.port)
        connection.sendFrame(trailing)
        var frame = try XCTUnwrap(try connection.receiveFrame(), "Kafka answers; it does not check for trailing bytes")
        XCTAssertEqual(frame.readInteger(as: Int32.self), 7)
        XCTAssertEqual(try MetadataResponse(from: &frame, version: 1).brokers.count, 1)
    }

    private func createTopic(_ name: String, on connection: RawKafkaConnection) throws -> CreateTopicsResponse {
        try connection.request(
            CreateTopicsRequest(topics: [.init(name: name, numPartitions: 1, replicationFactor: 1)], timeoutMs: 1000),
            version: 5)
    }

    func testInvalidTopicNamesAreRefusedAndNothingIsWrittenOutsideLogDirs() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        let parent = (broker.logDir as NSString).deletingLastPathComponent
        let before = try FileManager.default.contentsOfDirectory(atPath: parent)
        for name in ["../x", "a/b", "..", ".", "", String(repeating: "x", count: 250), "bad name", "ünïcode"] {
            let response = try self.createTopic(name, on: connection)
            XCTAssertEqual(response.topics.first?.errorCode, ErrorCode.invalidTopicException.rawValue, "\(name)")
            let metadata = try connection.request(
                MetadataRequest(topics: [.init(name: name)], allowAutoTopicCreation: true), version: 9)
            XCTAssertNotEqual(metadata.topics.first?.errorCode, 0, "\(name) must not be auto-created")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: parent), before)
        let inside = try FileManager.default.contentsOfDirectory(atPath: broker.logDir)
        XCTAssertEqual(inside.filter { !$0.hasPrefix("meta.properties") && !$0.hasPrefix("samsa-") }, [])
        XCTAssertEqual(
            try self.createTopic(String(repeating: "x", count: 249), on: connection).topics.first?.errorCode, 0)
    }

    private func produce(_ records: ByteBuffer, to topic: String, on connection: RawKafkaConnection) throws
        -> ProduceResponse.PartitionProduceResponse?
    {
        let response = try connection.request(
            ProduceRequest(
                acks: 1, timeoutMs: 1000,
                topicData: [.init(name: topic, partitionData: [.init(index: 0, records: records)])]),
            version: 8)
        return response.responses.first?.partitionResponses.first
    }

    func testCorruptBatchesGetProduceErrorsAndAreNotStored() async throws {
        let broker = try await self.startInProcessBroker()
        let connection = try RawKafkaConnection(port: broker.port)
        _ = try self.createTopic("orders", on: connection)
        var builder = RecordBatchBuilder()
        builder.append(key: nil, value: ByteBuffer(string: "one"), timestamp: 1)
        builder.append(key: nil, value: ByteBuffer(string: "two"), timestamp: 2)
        let good = builder.build()

        var badCRC = good
        badCRC.setInteger(UInt8(0x42), at: good.writerIndex - 1)
        XCTAssertEqual(
            try self.produce(badCRC, to: "orders", on: connection)?.errorCode, ErrorCode.corruptMessage.rawValue)

        // Claims 3 records, holds 2; CRC recomputed so only the count is wrong.
        var badCount = good
        badCount.setInteger(Int32(3), at: RecordBatchHeader.Offset.recordsCount)
        badCount.setInteger(Int32(2), at: RecordBatchHeader.Offset.lastOffsetDelta)
        badCount.setInteger(
            RecordBatches.computeCRC(in: badCount, at: 0, totalSize: badCount.readableBytes),
            at: RecordBatchHeader.Offset.crc)
        XCTAssertEqual(
            try self.produce(badCount, to: "orders", on: connection)?.errorCode, ErrorCode.invalidRecord.rawValue)

        var oldMagic = good
        oldMagic.setInteger(Int8(1), at: RecordBatchHeader.Offset.magic)
        XCTAssertNotEqual(try self.produce(oldMagic, to: "orders", on: connection)?.errorCode, 0)

        XCTAssertEqual(
            try self.produce(good, to: "nope", on: connection)?.errorCode, ErrorCode.unknownTopicOrPartition.rawValue)
        let accepted = try self.produce(good, to: "orders", on: connection)
        XCTAssertEqual(accepted?.errorCode, 0)
        XCTAssertEqual(accepted?.baseOffset, 0, "nothing from the refused batches was stored")
    }
}
