import KafkaProtocol
import NIOCore
import SamsaTesting
import XCTest

@testable import SamsaClient

final class ConnectionTests: XCTestCase {
    func testBootstrapListParsing() throws {
        let addresses = try BrokerAddress.parseList("PLAINTEXT://a:1, b:2,c")
        XCTAssertEqual(
            addresses,
            [
                BrokerAddress(host: "a", port: 1), BrokerAddress(host: "b", port: 2),
                BrokerAddress(host: "c", port: 9092),
            ])
        XCTAssertThrowsError(try BrokerAddress.parseList("a:notaport"))
        XCTAssertThrowsError(try BrokerAddress.parseList(" , "))
    }

    func testErrorsNameTheKafkaConcept() {
        XCTAssertEqual(
            SamsaClientError.noLeader(topic: "orders", partition: 2).description, "partition 2 of orders has no leader")
        XCTAssertTrue(
            SamsaClientError.compressionLibraryMissing(codec: .zstd, library: "libzstd.so.1", debianPackage: "libzstd1")
                .description.contains("apt-get install libzstd1"))
    }

    func testClientReconnectsAfterTheBrokerRestarts() async throws {
        let broker = try self.startBroker()
        let admin = try KafkaAdmin(bootstrapServers: broker.bootstrap)
        self.addTeardownBlock { await admin.close() }
        try await admin.createTopic("again", partitions: 1)
        let producer = KafkaProducer(client: admin.client)
        let before = try await producer.send(ProducerRecord(topic: "again", value: "before"))
        XCTAssertEqual(before.offset, 0)
        try broker.restart()
        let after = try await producer.send(ProducerRecord(topic: "again", value: "after"))
        XCTAssertEqual(after.offset, 1)
        await producer.close()
    }

    func testSilentBrokerTimesOutAndClosesTheConnection() async throws {
        let broker = try self.startBroker()
        var configuration = try ClientConfiguration(
            bootstrapServers: broker.bootstrap, requestTimeout: .milliseconds(500))
        configuration.retries = 0
        let connection = try await BrokerConnection.connect(
            to: configuration.bootstrapServers[0], configuration: configuration)
        broker.pause()
        defer { broker.resume() }
        do {
            _ = try await connection.send(MetadataRequest(topics: []))
            XCTFail("expected a timeout")
        } catch SamsaClientError.requestTimedOut(let api, _, _) {
            XCTAssertEqual(api, .metadata)
        }
        // Kafka closes a connection after a request timeout; later requests fail fast instead of waiting.
        for _ in 0..<100 where connection.isActive { try await Task.sleep(for: .milliseconds(10)) }
        XCTAssertFalse(connection.isActive)
    }
}
