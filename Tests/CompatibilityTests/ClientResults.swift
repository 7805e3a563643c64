import Foundation
import XCTest

/// One record as a client script reports it: bytes as hex, null as nil, headers in order as
/// `[name, hex value or nil]`.
struct ClientRecord: Decodable, Equatable, CustomStringConvertible {
    let topic: String
    let partition: Int32
    let offset: Int64
    let key: String?
    let value: String?
    let headers: [[String?]]
    let timestamp: Int64?

    var description: String {
        func short(_ hex: String?) -> String {
            guard let hex else { return "null" }
            return hex.count > 40 ? "\(hex.prefix(40))…(\(hex.count / 2) bytes)" : hex
        }
        let headers = self.headers.map { "\($0.first.flatMap { $0 } ?? "?")=\(short($0.count > 1 ? $0[1] : nil))" }
        return "\(self.topic)/\(self.partition)@\(self.offset) key=\(short(self.key)) value=\(short(self.value)) "
            + "headers=[\(headers.joined(separator: ","))] ts=\(self.timestamp.map(String.init) ?? "null")"
    }
}

/// `admin` case of confluent_client.py and kafka_python_client.py.
struct AdminResult: Decodable {
    let client: String
    let topic: String
    let createError: String?
    let partitions: [Int32]?
    let createAgainError: String?
    let deleteError: String?
    let listedAfterDelete: Bool
}

/// `records` and `compression` cases of confluent_client.py and kafka_python_client.py.
struct RoundTripResult: Decodable {
    let client: String
    let topic: String
    let codec: String?
    let createError: String?
    let partitions: [Int32]?
    let produced: [ClientRecord]?
    let produceErrors: [String]?
    let consumed: [ClientRecord]?
    let consumeErrors: [String]?
    /// High watermark per partition (JSON object keys are strings).
    let endOffsets: [String: Int64]?
}

/// The timestamps the scripts set: `common.BASE_TIMESTAMP_MS + i` for the i-th record.
let baseTimestampMs: Int64 = 1_700_000_000_000

func assertAdmin(_ r: AdminResult, file: StaticString = #filePath, line: UInt = #line) {
    let who = "\(r.client), topic \(r.topic)"
    XCTAssertNil(r.createError, "CreateTopics: \(who)", file: file, line: line)
    XCTAssertEqual(r.partitions, [0, 1, 2], "metadata after CreateTopics: \(who)", file: file, line: line)
    XCTAssertEqual(r.createAgainError, "TOPIC_ALREADY_EXISTS", "second CreateTopics: \(who)", file: file, line: line)
    XCTAssertNil(r.deleteError, "DeleteTopics: \(who)", file: file, line: line)
    XCTAssertFalse(
        r.listedAfterDelete, "metadata still lists the topic after DeleteTopics: \(who)",
        file: file, line: line)
}

/// Everything produced was acknowledged at consecutive offsets from 0 in each partition, read
/// back identical (key, value, headers, timestamp, partition, offset), and each partition's high
/// watermark is its record count.
func assertRoundTrip(
    _ r: RoundTripResult, records expectedCount: Int, partitions: Int32,
    file: StaticString = #filePath, line: UInt = #line
) {
    let who = "\(r.client), topic \(r.topic)"
    XCTAssertNil(r.createError, "CreateTopics: \(who)", file: file, line: line)
    XCTAssertEqual(r.partitions, Array(0..<partitions), "partitions in metadata: \(who)", file: file, line: line)
    guard let produced = r.produced, let consumed = r.consumed else {
        return XCTFail("no records reported: \(who)", file: file, line: line)
    }
    XCTAssertEqual(r.produceErrors, [], "delivery errors: \(who)", file: file, line: line)
    XCTAssertEqual(r.consumeErrors, [], "consumer errors: \(who)", file: file, line: line)
    XCTAssertEqual(produced.count, expectedCount, "acknowledged records: \(who)", file: file, line: line)

    let order: (ClientRecord, ClientRecord) -> Bool = { ($0.partition, $0.offset) < ($1.partition, $1.offset) }
    let sentSorted = produced.sorted(by: order)
    let readSorted = consumed.sorted(by: order)
    for partition in 0..<partitions {
        let offsets = sentSorted.filter { $0.partition == partition }.map(\.offset)
        XCTAssertEqual(
            offsets, Array(0..<Int64(offsets.count)),
            "offsets acknowledged in partition \(partition): \(who)", file: file, line: line)
        XCTAssertEqual(
            r.endOffsets?[String(partition)], Int64(offsets.count),
            "high watermark of partition \(partition): \(who)", file: file, line: line)
    }
    XCTAssertEqual(readSorted.count, sentSorted.count, "records read back: \(who)", file: file, line: line)
    if let (sent, read) = zip(sentSorted, readSorted).first(where: { $0.0 != $0.1 }) {
        XCTFail("first record read back differently: \(who)\n sent: \(sent)\n read: \(read)", file: file, line: line)
    }
    let expectedTimestamps = (0..<Int64(expectedCount)).map { baseTimestampMs + $0 }
    XCTAssertEqual(
        readSorted.compactMap(\.timestamp).sorted(), expectedTimestamps,
        "CreateTime timestamps set by the producer: \(who)", file: file, line: line)
}
