import Foundation
import KafkaProtocol
import LogStorage
import Logging
import NIOCore
import XCTest

@testable import Broker

/// The fetch response framed around file ranges must be byte for byte what the generated
/// `FetchResponse.write` produces with the records in memory, at every version.
final class FetchReplyTests: XCTestCase {
    private var directory = ""

    override func setUpWithError() throws {
        self.directory = NSTemporaryDirectory() + "samsa-fetch-reply-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: self.directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: self.directory)
    }

    private func log(_ name: String, values: [String]) throws -> PartitionLog {
        let log = try PartitionLog(
            topicPartition: TopicPartition(name, 0), directory: "\(self.directory)/\(name)-0", config: LogConfig(),
            now: 0, logger: Logger(label: "test"))
        for value in values {
            var builder = RecordBatchBuilder()
            builder.append(key: nil, value: ByteBuffer(string: value), timestamp: 1_000)
            _ = try log.appendAsLeader(builder.build(), leaderEpoch: 0, now: 0, advanceHighWatermark: true)
        }
        return log
    }

    func testFramedResponseEqualsTheGeneratedEncodingAtEveryVersion() throws {
        let first = try XCTUnwrap(
            try self.log("orders", values: ["a", "bb", "ccc"]).slice(from: 0, maxBytes: 1 << 20).records)
        // Cut inside the second batch: the frame carries a partial batch as Kafka's would.
        let cut = try XCTUnwrap(
            try self.log("payments", values: ["x", "y"]).slice(from: 0, maxBytes: 100, minOneBatch: true).records)
        XCTAssertEqual(cut.length, 100)

        var withFile = FetchResponse.PartitionData(partitionIndex: 0, highWatermark: 3, records: ByteBuffer())
        withFile.lastStableOffset = 3
        withFile.logStartOffset = 0
        withFile.abortedTransactions = [.init(producerId: 9, firstOffset: 1)]
        withFile.preferredReadReplica = 2
        withFile.divergingEpoch = .init(epoch: 4, endOffset: 7)
        withFile.currentLeader = .init(leaderId: 1, leaderEpoch: 5)
        let inMemory = FetchResponse.PartitionData(
            partitionIndex: 1, errorCode: ErrorCode.notLeaderOrFollower.rawValue, highWatermark: -1,
            records: ByteBuffer())
        var cutPartition = FetchResponse.PartitionData(partitionIndex: 2, highWatermark: 2, records: ByteBuffer())
        cutPartition.snapshotId = .init(endOffset: 3, epoch: 1)
        var response = FetchResponse(throttleTimeMs: 5, errorCode: 0, sessionId: 11)
        response.responses = [
            .init(
                topic: "orders", topicId: KafkaUUID(mostSignificantBits: 1, leastSignificantBits: 2),
                partitions: [withFile, inMemory]),
            .init(topic: "payments", partitions: [cutPartition]),
        ]
        response.nodeEndpoints = [.init(nodeId: 1, host: "127.0.0.1", port: 9092, rack: nil)]
        let reply = FetchReply(response: response, files: [[first, nil], [cut]])

        for version in Int16(4)...17 {
            let headerVersion: Int16 = version >= 12 ? 1 : 0
            let frame = reply.frame(correlationId: 42, headerVersion: headerVersion, version: version)
            XCTAssertEqual(frame.fileBytes, first.length + cut.length)

            var expectedResponse = response
            expectedResponse.responses[0].partitions[0].records = try first.read()
            expectedResponse.responses[1].partitions[0].records = try cut.read()
            var expected = ByteBuffer()
            expected.writeInteger(Int32(0))
            ResponseHeader(correlationId: 42).write(to: &expected, version: headerVersion)
            expectedResponse.write(to: &expected, version: version)
            expected.setInteger(Int32(expected.readableBytes - 4), at: 0)

            XCTAssertEqual(try frame.flattened(), expected, "version \(version)")
            XCTAssertEqual(frame.length, expected.readableBytes, "version \(version)")
        }
    }

    func testReplyWithoutFilesIsTheGeneratedEncoding() throws {
        let reply = FetchReply(response: FetchResponse(errorCode: 0, sessionId: 0))
        var expected = ByteBuffer()
        expected.writeInteger(Int32(0))
        ResponseHeader(correlationId: 1).write(to: &expected, version: 1)
        reply.response.write(to: &expected, version: 12)
        expected.setInteger(Int32(expected.readableBytes - 4), at: 0)
        XCTAssertEqual(try reply.frame(correlationId: 1, headerVersion: 1, version: 12).flattened(), expected)
    }
}
