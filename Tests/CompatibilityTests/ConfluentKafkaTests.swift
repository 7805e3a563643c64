import Foundation
import SamsaTesting
import XCTest

/// confluent-kafka (librdkafka, the C client behind most non-Java clients) against samsa-broker.
final class ConfluentKafkaTests: XCTestCase {
    private let modules = ["confluent_kafka"]

    func testAdminCreatesAndDeletesTopics() throws {
        let broker = try self.startCompatibilityBroker()
        let result = try ClientScript.run(
            "confluent_client.py", ["admin", broker.bootstrap], modules: self.modules, as: AdminResult.self)
        assertAdmin(result)
    }

    /// Keys, no key, a null value, empty key and value, all byte values, 100 KiB, headers (one
    /// with a null value, repeated names), explicit timestamps, over 3 partitions.
    func testRecordsRoundTripByteForByte() throws {
        let broker = try self.startCompatibilityBroker()
        let result = try ClientScript.run(
            "confluent_client.py", ["records", broker.bootstrap], modules: self.modules, as: RoundTripResult.self)
        assertRoundTrip(result, records: 9, partitions: 3)
        let nullHeader = result.consumed?.first { $0.headers.contains { $0.count == 2 && $0[1] == nil } }
        XCTAssertNotNil(nullHeader, "the header with a null value came back as null")
    }

    func testCompressionNone() throws { try self.compression("none") }
    func testCompressionGzip() throws { try self.compression("gzip") }
    func testCompressionSnappy() throws { try self.compression("snappy") }
    func testCompressionLz4() throws { try self.compression("lz4") }
    func testCompressionZstd() throws { try self.compression("zstd") }

    private func compression(_ codec: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let broker = try self.startCompatibilityBroker(file: file, line: line)
        let result = try ClientScript.run(
            "confluent_client.py", ["compression", broker.bootstrap, codec], modules: self.modules,
            as: RoundTripResult.self, file: file, line: line)
        XCTAssertEqual(result.codec, codec, file: file, line: line)
        assertRoundTrip(result, records: 200, partitions: 1, file: file, line: line)
    }
}
