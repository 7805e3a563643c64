import Foundation
import KafkaProtocol
import NIOCore
import SamsaTesting
import XCTest

@testable import SamsaClient

/// SamsaClient and librdkafka (confluent-kafka) on one samsa-broker: each reads the other's batches in every
/// codec, and keyed records land in the same partitions (librdkafka's `murmur2_random` is Java's partitioner).
final class LibrdkafkaInteropTests: XCTestCase {
    private static let script = #"""
        import sys, json, time
        from confluent_kafka import Producer, Consumer, TopicPartition
        mode, bs, topic = sys.argv[1], sys.argv[2], sys.argv[3]
        if mode == "produce":
            out = []
            for codec in sys.argv[4].split(","):
                p = Producer({"bootstrap.servers": bs, "compression.type": codec, "linger.ms": 50,
                              "partitioner": "murmur2_random", "enable.idempotence": False})
                def cb(err, msg):
                    if err:
                        print("delivery failed:", err, file=sys.stderr)
                        sys.exit(1)
                    out.append([msg.key().decode(), msg.partition()])
                for i in range(int(sys.argv[5])):
                    p.produce(topic, key=f"k{i}".encode(), value=f"{codec}-{i}".encode(), on_delivery=cb)
                if p.flush(30) != 0:
                    sys.exit(2)
            print(json.dumps(out))
        else:
            n = int(sys.argv[4])
            c = Consumer({"bootstrap.servers": bs, "group.id": "interop-unused", "enable.auto.commit": False})
            c.assign([TopicPartition(topic, 0, 0)])
            values, deadline = [], time.time() + 60
            while len(values) < n and time.time() < deadline:
                for m in c.consume(100, 1.0):
                    if m.error() is None:
                        values.append(m.value().decode())
            c.close()
            print(json.dumps(values))
        """#

    private let codecs = ["none", "gzip", "snappy", "lz4", "zstd"]

    private func runScript(_ arguments: [String]) throws -> Any {
        let python = try ExternalTool.requirePython(modules: ["confluent_kafka"])
        let result = try ExternalTool.run(python, arguments: ["-c", Self.script] + arguments, timeout: .seconds(120))
        XCTAssertEqual(result.exitStatus, 0, result.stderr)
        return try JSONSerialization.jsonObject(with: result.stdout)
    }

    func testSamsaReadsLibrdkafkaBatchesInEveryCodec() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        self.addTeardownBlock { await admin.close() }
        try await admin.createTopic("from-librdkafka", partitions: 1)
        _ = try self.runScript([
            "produce", broker.bootstrap, "from-librdkafka", self.codecs.joined(separator: ","), "20",
        ])
        var configuration = ConsumerConfiguration()
        configuration.autoOffsetReset = .earliest
        let consumer = KafkaConsumer(client: admin.client, configuration: configuration)
        try await consumer.assign([TopicPartition("from-librdkafka", 0)])
        var values: [String] = []
        for _ in 0..<50 where values.count < 100 {
            values += try await consumer.poll(timeout: .milliseconds(500)).compactMap(\.valueString)
        }
        XCTAssertEqual(values, self.codecs.flatMap { codec in (0..<20).map { "\(codec)-\($0)" } })
        await consumer.close()
    }

    func testLibrdkafkaReadsSamsaBatchesInEveryCodec() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        self.addTeardownBlock { await admin.close() }
        try await admin.createTopic("from-samsa", partitions: 1)
        for codec in CompressionCodec.allCases {
            var configuration = ProducerConfiguration()
            configuration.compression = codec
            let producer = KafkaProducer(client: admin.client, configuration: configuration)
            for index in 0..<20 {
                try await producer.send(
                    ProducerRecord(topic: "from-samsa", key: "k\(index)", value: "\(codec)-\(index)"), onDelivery: nil)
            }
            await producer.flush()
        }
        let values = try self.runScript(["consume", broker.bootstrap, "from-samsa", "100"]) as? [String]
        XCTAssertEqual(values, CompressionCodec.allCases.flatMap { codec in (0..<20).map { "\(codec)-\($0)" } })
    }

    func testKeyedRecordsLandInTheSamePartitionsAsLibrdkafkaMurmur2() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        self.addTeardownBlock { await admin.close() }
        try await admin.createTopic("keyed", partitions: 6)
        let placed = try self.runScript(["produce", broker.bootstrap, "keyed", "none", "30"]) as? [[Any]] ?? []
        XCTAssertEqual(placed.count, 30)
        let producer = KafkaProducer(client: admin.client)
        for entry in placed {
            guard let key = entry.first as? String, let partition = entry.last as? Int else {
                XCTFail("unexpected entry \(entry)")
                continue
            }
            let metadata = try await producer.send(ProducerRecord(topic: "keyed", key: key, value: "swift"))
            XCTAssertEqual(Int(metadata.partition), partition, "key \(key)")
        }
        await producer.close()
    }
}
