import KafkaProtocol
import NIOCore
import SamsaTesting
import XCTest

@testable import SamsaClient

final class ConsumerIntegrationTests: XCTestCase {
    private func setUp(topic: String, partitions: Int32) async throws -> KafkaAdmin {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        self.addTeardownBlock { await admin.close() }
        try await admin.createTopic(topic, partitions: partitions)
        return admin
    }

    /// Polls until `count` records arrived or `maxPolls` polls passed (a bound, not a timing assertion).
    private func pollRecords(_ consumer: KafkaConsumer, count: Int, maxPolls: Int = 50) async throws -> [ConsumerRecord]
    {
        var records: [ConsumerRecord] = []
        for _ in 0..<maxPolls where records.count < count {
            records += try await consumer.poll(timeout: .milliseconds(500))
        }
        return records
    }

    func testProduceConsumeRoundTripEveryCodec() async throws {
        let admin = try await self.setUp(topic: "round", partitions: 1)
        let codecs = CompressionCodec.allCases.filter { RecordCompression.isAvailable($0) }
        for codec in codecs {
            var configuration = ProducerConfiguration()
            configuration.compression = codec
            let producer = KafkaProducer(client: admin.client, configuration: configuration)
            for index in 0..<100 {
                try await producer.send(
                    ProducerRecord(
                        topic: "round", key: ByteBuffer(string: "k\(index)"),
                        value: ByteBuffer(string: "\(codec)-\(index)"),
                        headers: [Record.Header(key: "codec", value: ByteBuffer(string: "\(codec)"))]))
            }
            await producer.flush()
        }
        var consumerConfiguration = ConsumerConfiguration()
        consumerConfiguration.autoOffsetReset = .earliest
        let consumer = KafkaConsumer(client: admin.client, configuration: consumerConfiguration)
        try await consumer.assign([TopicPartition("round", 0)])
        let records = try await self.pollRecords(consumer, count: 100 * codecs.count)
        XCTAssertEqual(records.count, 100 * codecs.count)
        XCTAssertEqual(records.map(\.offset), Array(0..<Int64(100 * codecs.count)))
        for (codecIndex, codec) in codecs.enumerated() {
            let slice = records[(codecIndex * 100)..<((codecIndex + 1) * 100)]
            XCTAssertEqual(slice.first?.valueString, "\(codec)-0")
            XCTAssertEqual(slice.last?.keyString, "k99")
            XCTAssertEqual(slice.first?.headers.first?.value.map { String(buffer: $0) }, "\(codec)")
        }
        let position = try await consumer.position(TopicPartition("round", 0))
        XCTAssertEqual(position, Int64(100 * codecs.count))
        await consumer.close()
    }

    func testSeekPauseResumeAndLag() async throws {
        let admin = try await self.setUp(topic: "seeky", partitions: 2)
        let producer = KafkaProducer(client: admin.client)
        for index in 0..<10 {
            for partition: Int32 in [0, 1] {
                try await producer.send(
                    ProducerRecord(topic: "seeky", partition: partition, value: "p\(partition)-\(index)"))
            }
        }
        await producer.flush()
        let p0 = TopicPartition("seeky", 0)
        let p1 = TopicPartition("seeky", 1)
        var configuration = ConsumerConfiguration()
        configuration.autoOffsetReset = .latest
        configuration.maxPollRecords = 100
        let consumer = KafkaConsumer(client: admin.client, configuration: configuration)
        try await consumer.assign([p0, p1])
        let startLag = try await consumer.lag()
        XCTAssertEqual(startLag[p0], 0, "auto.offset.reset=latest starts at the end")

        try await consumer.seekToBeginning([p0, p1])
        let lag = try await consumer.lag()
        XCTAssertEqual(lag[p0], 10)
        XCTAssertEqual(lag[p1], 10)

        try await consumer.pause([p1])
        let fromP0 = try await self.pollRecords(consumer, count: 10)
        XCTAssertEqual(fromP0.count, 10)
        XCTAssertTrue(fromP0.allSatisfy { $0.partition == 0 }, "a paused partition is not fetched")
        let paused = await consumer.pausedPartitions
        XCTAssertEqual(paused, [p1])

        try await consumer.resume([p1])
        try await consumer.seek(p1, to: 7)
        let fromP1 = try await self.pollRecords(consumer, count: 3)
        XCTAssertEqual(fromP1.map(\.offset), [7, 8, 9])
        XCTAssertEqual(fromP1.first?.valueString, "p1-7")
        let endLag = try await consumer.lag()
        XCTAssertEqual(endLag[p0], 0)
        XCTAssertEqual(endLag[p1], 0)
        await consumer.close()
    }

    func testMaxPollRecordsSplitsAFetch() async throws {
        let admin = try await self.setUp(topic: "split", partitions: 1)
        let producer = KafkaProducer(client: admin.client)
        for index in 0..<25 { try await producer.send(ProducerRecord(topic: "split", value: "\(index)")) }
        await producer.flush()
        var configuration = ConsumerConfiguration()
        configuration.autoOffsetReset = .earliest
        configuration.maxPollRecords = 10
        let consumer = KafkaConsumer(client: admin.client, configuration: configuration)
        try await consumer.assign([TopicPartition("split", 0)])
        var sizes: [Int] = []
        var total = 0
        for _ in 0..<20 where total < 25 {
            let batch = try await consumer.poll(timeout: .milliseconds(500))
            if !batch.isEmpty { sizes.append(batch.count) }
            total += batch.count
        }
        XCTAssertEqual(total, 25)
        XCTAssertTrue(sizes.allSatisfy { $0 <= 10 }, "\(sizes)")
        await consumer.close()
    }

    func testSeekByTimestamp() async throws {
        let admin = try await self.setUp(topic: "when", partitions: 1)
        let producer = KafkaProducer(client: admin.client)
        for index in 0..<5 {
            _ = try await producer.send(
                ProducerRecord(topic: "when", value: "\(index)", timestamp: 10_000 + Int64(index) * 10))
        }
        let partition = TopicPartition("when", 0)
        let consumer = KafkaConsumer(client: admin.client)
        try await consumer.assign([partition])
        try await consumer.seek([partition], toTimestamp: 10_025)
        let position = try await consumer.position(partition)
        XCTAssertEqual(position, 3)
        try await consumer.seek([partition], toTimestamp: 99_999)
        let end = try await consumer.position(partition)
        XCTAssertEqual(end, 5)
        await consumer.close()
    }

    func testCommitWithoutGroupIsAConfigurationError() async throws {
        let admin = try await self.setUp(topic: "nogroup", partitions: 1)
        let consumer = KafkaConsumer(client: admin.client)
        try await consumer.assign([TopicPartition("nogroup", 0)])
        do {
            try await consumer.commit([TopicPartition("nogroup", 0): 1])
            XCTFail("expected an error")
        } catch let error as SamsaClientError {
            XCTAssertTrue(error.description.contains("group.id"), error.description)
        }
        await consumer.close()
    }
}
