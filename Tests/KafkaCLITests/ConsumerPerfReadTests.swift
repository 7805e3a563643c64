import Foundation
import KafkaProtocol
import LocalCluster
import NIOCore
import PageCache
import SamsaClient
import SamsaTesting
import XCTest

@testable import KafkaCLI

/// `kafka-consumer-perf-test --random-offsets` and the page cache line, against one standalone broker.
final class ConsumerPerfReadTests: XCTestCase {
    private var broker: TestBroker?

    override func setUp() async throws {
        self.broker = try self.startBroker(overrides: ["num.partitions": "2", "group.initial.rebalance.delay.ms": "0"])
    }

    func testRandomReadsReturnTheRecordsAtTheOffsetsDrawn() async throws {
        let broker = try XCTUnwrap(self.broker)
        let created = await self.tool(
            "kafka-topics",
            ["--bootstrap-server", broker.bootstrap, "--create", "--topic", "numbers", "--partitions", "2"])
        XCTAssertEqual(created.status, 0, created.summary)
        let client = try KafkaClient(bootstrapServers: broker.bootstrap)
        let producer = KafkaProducer(client: client, configuration: ProducerConfiguration())
        for partition in Int32(0)..<2 {
            for number in 0..<300 {
                try await producer.send(
                    ProducerRecord(topic: "numbers", partition: partition, value: "\(partition)-\(number)"),
                    onDelivery: nil)
            }
        }
        await producer.flush()
        let consumer = KafkaConsumer(client: client, configuration: ConsumerConfiguration())
        let reader = try await RandomOffsetReader.prepare(
            consumer, partitions: [TopicPartition("numbers", 0), TopicPartition("numbers", 1)])
        XCTAssertEqual(reader.total, 600)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let read = try await reader.read(timeout: .seconds(5), using: &generator)
            let first = try XCTUnwrap(read.records.first, "nothing read at \(read.partition) offset \(read.offset)")
            XCTAssertEqual(first.offset, read.offset)
            for (step, record) in read.records.enumerated() {
                XCTAssertEqual(record.topicPartition, read.partition)
                XCTAssertEqual(record.offset, read.offset + Int64(step))
                XCTAssertEqual(record.valueString, "\(read.partition.partition)-\(record.offset)")
            }
        }
        await consumer.close()
        await producer.close()
        await client.close()

        let run = await self.tool(
            "kafka-consumer-perf-test",
            [
                "--bootstrap-server", broker.bootstrap, "--topic", "numbers", "--messages", "500", "--random-offsets",
                "--timeout", "5000",
            ])
        XCTAssertEqual(run.status, 0, run.summary)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, run.summary)
        // Kafka's line first, as Kafka prints it, with every record asked for.
        XCTAssertEqual(
            lines[1].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }[4], "500", run.summary)
        XCTAssertNotNil(
            lines[2].range(
                of:
                    #"^Samsa: random offsets: [0-9]+ reads \(seek, then one poll\); poll latency p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms\.$"#,
                options: .regularExpression), run.summary)
        XCTAssertTrue(
            run.facts.contains { $0.hasPrefix("poll.p50.ms=") } && run.facts.contains { $0.hasPrefix("nmsg.sec=") },
            run.summary)

        // In a Spanish session Samsa's own lines are Spanish; Kafka's line stays as Kafka prints it.
        let spanish = await self.tool(
            "kafka-consumer-perf-test",
            [
                "--bootstrap-server", broker.bootstrap, "--topic", "numbers", "--messages", "100", "--random-offsets",
                "--timeout", "5000",
            ],
            environment: ["SAMSA_LANGUAGE": "es"], directory: NSTemporaryDirectory())
        XCTAssertEqual(spanish.status, 0, spanish.summary)
        let spanishLines = spanish.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(spanishLines.first, lines.first, spanish.summary)
        XCTAssertNotNil(
            spanishLines[2].range(
                of:
                    #"^Samsa: offsets al azar: [0-9]+ lecturas \(seek y un poll\); latencia de poll p50 [0-9.]+ ms, p99 [0-9.]+ ms, máx\. [0-9.]+ ms\.$"#,
                options: .regularExpression), spanish.summary)
        XCTAssertTrue(
            spanishLines[3].hasPrefix("Samsa: page cache: los log dirs de los líderes no están en esta máquina"),
            spanish.summary)
    }

    func testThePageCacheLineSaysHowMuchOfWhatWasReadWasInMemoryBefore() async throws {
        let broker = try XCTUnwrap(self.broker)
        let created = await self.tool(
            "kafka-topics",
            ["--bootstrap-server", broker.bootstrap, "--create", "--topic", "cached", "--partitions", "1"])
        XCTAssertEqual(created.status, 0, created.summary)
        let client = try KafkaClient(bootstrapServers: broker.bootstrap)
        let producer = KafkaProducer(client: client, configuration: ProducerConfiguration())
        for number in 0..<2000 {
            try await producer.send(
                ProducerRecord(topic: "cached", partition: 0, value: String(repeating: "x", count: 100) + "\(number)"),
                onDelivery: nil)
        }
        await producer.flush()
        await producer.close()
        await client.close()
        let arguments = [
            "--bootstrap-server", broker.bootstrap, "--topic", "cached", "--messages", "2000", "--timeout", "5000",
        ]

        // Not run from a cluster's folder: the line says the log dirs are not here.
        let elsewhere = await self.tool("kafka-consumer-perf-test", arguments, directory: NSTemporaryDirectory())
        XCTAssertTrue(
            elsewhere.stdout.contains("Samsa: page cache: the leaders' log dirs are not on this machine"),
            elsewhere.summary)
        XCTAssertFalse(elsewhere.facts.contains { $0.hasPrefix("page.cache.percent=") }, elsewhere.summary)

        // A folder whose cluster.json names this broker's port and log dir, as `samsa` writes it.
        let folder = broker.logDir.deletingLastPathComponent().appendingPathComponent("project", isDirectory: true)
        let layout = ClusterLayout(name: "lab", baseDirectory: folder)
        try FileManager.default.createDirectory(at: layout.root, withIntermediateDirectories: true)
        let port = try XCTUnwrap(Int(broker.bootstrap.split(separator: ":").last ?? ""))
        let record = ProcessRecord(
            role: .broker(1), port: port, configFile: "", dataDir: broker.logDir.path, logFile: "")
        try ClusterState(
            name: "lab", mode: .standalone, isDetached: false, ownerPID: nil, createdAt: Date(), metadataServer: nil,
            brokers: [record]
        )
        .save(to: layout.stateFile)

        let segment = broker.logDir.appendingPathComponent("cached-0/00000000000000000000.log").path
        try PageCache.evict(file: segment)
        guard try PageCache.residency(ofFile: segment).residentBytes == 0 else {
            throw XCTSkip("this file system keeps files in memory")
        }
        let cold = await self.tool("kafka-consumer-perf-test", arguments, directory: folder.path)
        XCTAssertEqual(cold.status, 0, cold.summary)
        XCTAssertTrue(cold.facts.contains("page.cache.percent=0"), cold.summary)
        XCTAssertTrue(cold.stdout.contains("were resident (0 %)"), cold.summary)

        // The cold read brought the pages in: the same read again finds them there.
        let hot = await self.tool("kafka-consumer-perf-test", arguments, directory: folder.path)
        XCTAssertTrue(hot.facts.contains("page.cache.percent=100"), hot.summary)
        XCTAssertTrue(
            hot.stdout.split(separator: "\n").last?.hasPrefix("Samsa: page cache before the read: ") == true,
            hot.summary)
    }
}
