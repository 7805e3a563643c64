import Foundation
import SamsaTesting
import XCTest

/// kafka-python (a pure-Python client with its own protocol code) against samsa-broker.
final class KafkaPythonTests: XCTestCase {
    private let modules = ["kafka", "snappy", "lz4", "zstandard"]

    func testAdminCreatesAndDeletesTopics() throws {
        let broker = try self.startCompatibilityBroker()
        let result = try ClientScript.run(
            "kafka_python_client.py", ["admin", broker.bootstrap], modules: self.modules, as: AdminResult.self)
        assertAdmin(result)
    }

    /// Keys, no key, a null value, empty key and value, all byte values, 100 KiB, headers
    /// (repeated names; KafkaProducer refuses null header values), timestamp_ms, 3 partitions.
    func testRecordsRoundTripByteForByte() throws {
        let broker = try self.startCompatibilityBroker()
        let result = try ClientScript.run(
            "kafka_python_client.py", ["records", broker.bootstrap], modules: self.modules, as: RoundTripResult.self)
        assertRoundTrip(result, records: 9, partitions: 3)
    }

    /// Fetches served with sendfile, 1000 bytes per partition at most (batches cut short at the
    /// limit, as Kafka sends them), reading across the broker's 8 KiB segments.
    func testSmallFetchesAcrossSegments() throws {
        let broker = try self.startCompatibilityBroker(overrides: ["log.segment.bytes": "8192"])
        let result = try ClientScript.run(
            "kafka_python_client.py", ["small-fetches", broker.bootstrap], modules: self.modules,
            as: RoundTripResult.self)
        assertRoundTrip(result, records: 200, partitions: 1)
        let segments = try FileManager.default.contentsOfDirectory(
            atPath: broker.logDir.appendingPathComponent("\(result.topic)-0").path
        ).filter { $0.hasSuffix(".log") }
        XCTAssertGreaterThan(segments.count, 2, "the reads should have crossed segments")
    }

    func testCompressionNone() throws { try self.compression("none") }
    func testCompressionGzip() throws { try self.compression("gzip") }
    func testCompressionSnappy() throws { try self.compression("snappy") }
    func testCompressionLz4() throws { try self.compression("lz4") }
    func testCompressionZstd() throws { try self.compression("zstd") }

    private func compression(_ codec: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let broker = try self.startCompatibilityBroker(file: file, line: line)
        let result = try ClientScript.run(
            "kafka_python_client.py", ["compression", broker.bootstrap, codec], modules: self.modules,
            as: RoundTripResult.self, file: file, line: line)
        XCTAssertEqual(result.codec, codec, file: file, line: line)
        assertRoundTrip(result, records: 200, partitions: 1, file: file, line: line)
    }
}
