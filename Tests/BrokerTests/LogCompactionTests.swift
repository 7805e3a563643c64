import Foundation
import KafkaProtocol
import NIOCore
import XCTest

/// The broker's log cleaner on a `cleanup.policy=compact` topic, end to end through Produce and
/// Fetch (Kafka's `LogCleaner` run by the broker every `log.cleaner.backoff.ms`).
final class LogCompactionTests: XCTestCase {
    private func produce(_ pairs: [(String, String)], to topic: String, on connection: RawKafkaConnection) throws {
        var builder = RecordBatchBuilder()
        for (key, value) in pairs {
            builder.append(key: ByteBuffer(string: key), value: ByteBuffer(string: value), timestamp: 1_000)
        }
        let response = try connection.request(
            ProduceRequest(
                acks: 1, timeoutMs: 1000,
                topicData: [
                    .init(name: topic, partitionData: [.init(index: 0, records: builder.build())])
                ]),
            version: 9)
        XCTAssertEqual(response.responses.first?.partitionResponses.first?.errorCode, 0)
    }

    /// Every record a consumer reads from offset 0 as "offset:key=value" (one fetch per segment).
    private func consumeAll(_ topic: String, on connection: RawKafkaConnection) throws -> [String] {
        var offset: Int64 = 0
        var lines: [String] = []
        for _ in 0..<100 {
            let response = try connection.request(
                FetchRequest(
                    maxWaitMs: 0, minBytes: 1, maxBytes: 1 << 20,
                    topics: [
                        .init(
                            topic: topic,
                            partitions: [.init(partition: 0, fetchOffset: offset, partitionMaxBytes: 1 << 20)])
                    ]),
                version: 12)
            let partition = try XCTUnwrap(response.responses.first?.partitions.first)
            XCTAssertEqual(partition.errorCode, 0)
            let batches = try RecordBatches.decode(partition.records ?? ByteBuffer())
            guard let last = batches.last else { break }
            for record in batches.flatMap(\.records) {
                lines.append("\(record.offset):\(String(buffer: record.key!))=\(String(buffer: record.value!))")
            }
            offset = last.header.nextOffset
        }
        return lines
    }

    func testConsumerFromZeroSeesTheLatestValuePerKeyWithOriginalOffsetsAfterCleaning() async throws {
        let broker = try await self.startInProcessBroker(["log.cleaner.backoff.ms": "100"])
        let connection = try RawKafkaConnection(port: broker.port)
        let created = try connection.request(
            CreateTopicsRequest(
                topics: [
                    .init(
                        name: "prices", numPartitions: 1, replicationFactor: 1,
                        configs: [
                            .init(name: "cleanup.policy", value: "compact"),
                            .init(name: "segment.bytes", value: "100"),  // one batch per segment
                            .init(name: "min.cleanable.dirty.ratio", value: "0.01"),
                        ])
                ],
                timeoutMs: 1000),
            version: 7)
        XCTAssertEqual(created.topics.first?.errorCode, 0)
        for round in 0..<3 {
            try self.produce([("apple", "a\(round)"), ("pear", "p\(round)")], to: "prices", on: connection)  // 2r, 2r+1
        }
        try self.produce([("fig", "f")], to: "prices", on: connection)  // 6: the active segment
        XCTAssertEqual(try self.consumeAll("prices", on: connection).count, 7)
        let expected = ["4:apple=a2", "5:pear=p2", "6:fig=f"]
        var seen: [String] = []
        for _ in 0..<100 {  // the cleaner runs every 100 ms; give it up to 10 s
            seen = try self.consumeAll("prices", on: connection)
            if seen == expected { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        XCTAssertEqual(seen, expected)
        let checkpoint = try String(contentsOfFile: "\(broker.logDir)/cleaner-offset-checkpoint", encoding: .utf8)
        XCTAssertTrue(checkpoint.contains("prices 0 6\n"), checkpoint)
    }

    func testCleanerDisabledLeavesTheLogAsWritten() async throws {
        let broker = try await self.startInProcessBroker([
            "log.cleaner.backoff.ms": "100", "log.cleaner.enable": "false",
        ])
        let connection = try RawKafkaConnection(port: broker.port)
        let created = try connection.request(
            CreateTopicsRequest(
                topics: [
                    .init(
                        name: "prices", numPartitions: 1, replicationFactor: 1,
                        configs: [
                            .init(name: "cleanup.policy", value: "compact"), .init(name: "segment.bytes", value: "100"),
                        ])
                ],
                timeoutMs: 1000),
            version: 7)
        XCTAssertEqual(created.topics.first?.errorCode, 0)
        for round in 0..<3 { try self.produce([("apple", "a\(round)")], to: "prices", on: connection) }
        try await Task.sleep(for: .milliseconds(500))
        XCTAssertEqual(try self.consumeAll("prices", on: connection), ["0:apple=a0", "1:apple=a1", "2:apple=a2"])
    }

    /// `__consumer_offsets` is compacted too, and the coordinator reloads the cleaned log: after
    /// five commits of one group's offset the cleaner keeps only the last, and a restarted broker
    /// answers OffsetFetch with it.
    func testConsumerOffsetsAreCompactedAndReloadAfterARestart() async throws {
        var overrides = [
            "offsets.topic.num.partitions": "1", "offsets.topic.replication.factor": "1",
            "log.segment.bytes": "100",  // every commit rolls a segment of __consumer_offsets
            "log.cleaner.backoff.ms": "100",
        ]
        let broker = try await self.startInProcessBroker(overrides)
        let offsetsDirectory = "\(broker.logDir)/__consumer_offsets-0"
        do {
            let connection = try RawKafkaConnection(port: broker.port)
            let created = try connection.request(
                CreateTopicsRequest(
                    topics: [.init(name: "t", numPartitions: 1, replicationFactor: 1)], timeoutMs: 1000),
                version: 5)
            XCTAssertEqual(created.topics.first?.errorCode, 0)
            for offset in Int64(1)...5 {
                let commit = try connection.request(
                    OffsetCommitRequest(
                        groupId: "readers",
                        topics: [.init(name: "t", partitions: [.init(partitionIndex: 0, committedOffset: offset)])]),
                    version: 2)
                XCTAssertEqual(commit.topics.first?.partitions.first?.errorCode, 0)
            }
            var records = 0
            for _ in 0..<100 {  // cleaner every 100 ms: up to 10 s
                records = try self.recordCount(inLogFilesOf: offsetsDirectory)
                if records == 2 { break }  // the last commit of 1..4 (cleaned) and 5 (active segment)
                try await Task.sleep(for: .milliseconds(100))
            }
            XCTAssertEqual(records, 2)
        }
        broker.task.cancel()
        _ = await broker.task.result

        overrides["log.dirs"] = broker.logDir
        let restarted = try await self.startInProcessBroker(overrides)
        let connection = try RawKafkaConnection(port: restarted.port)
        let fetched = try connection.request(
            OffsetFetchRequest(groupId: "readers", topics: [.init(name: "t", partitionIndexes: [0])]), version: 5)
        XCTAssertEqual(fetched.topics.first?.partitions.first?.committedOffset, 5)
    }

    /// Records in a partition directory's segment files, read straight from disk.
    private func recordCount(inLogFilesOf directory: String) throws -> Int {
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".log") }
        var count = 0
        for name in names {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
            count += try RecordBatches.decode(ByteBuffer(bytes: data)).reduce(0) { $0 + $1.records.count }
        }
        return count
    }
}
