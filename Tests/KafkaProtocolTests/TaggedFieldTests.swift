import KafkaProtocol
import NIOCore
import XCTest

final class TaggedFieldTests: XCTestCase {
    private static let fetchV12Body =
        "ff ff ff ff | 00 00 01 f4 | 00 00 00 01 | 00 00 04 00 | 00 | 00 00 00 00 | ff ff ff ff | 01 | 01 | 01"

    func testFetchV12DecodesTaggedFields() throws {
        let request = FetchRequest(clusterId: "c1", maxWaitMs: 500, minBytes: 1, maxBytes: 1024)
        // tag section: one field, tag 0, 3 bytes: compact string "c1"
        assertGolden(request, version: 12, hex: Self.fetchV12Body + " | 01 | 00 03 03 63 31")
    }

    func testFetchV12WithoutClusterIdSendsEmptyTagSection() {
        let request = FetchRequest(clusterId: nil, maxWaitMs: 500, minBytes: 1, maxBytes: 1024)
        assertGolden(request, version: 12, hex: Self.fetchV12Body + " | 00")
    }

    func testFetchV12SkipsUnknownTags() throws {
        // An unknown tag 7 (2 bytes) before the known tag 0, as a newer client might send.
        var input = hexBuffer(Self.fetchV12Body + " | 02 | 07 02 ab cd | 00 03 03 63 31")
        let decoded = try FetchRequest(from: &input, version: 12)
        XCTAssertEqual(decoded.clusterId, "c1")
        XCTAssertEqual(decoded.maxWaitMs, 500)
        XCTAssertEqual(input.readableBytes, 0)
    }

    func testUnknownTagsInNestedStructsAreSkipped() throws {
        var buffer = ByteBuffer()
        // FetchRequest v12 with one topic whose partition carries an unknown tag 42.
        var prefix = Self.prefix
        buffer.writeBuffer(&prefix)
        buffer.writeUnsignedVarint(2)  // topics: 1
        buffer.writeKafkaString("t", compact: true)
        buffer.writeUnsignedVarint(2)  // partitions: 1
        buffer.writeInt32(3)  // partition
        buffer.writeInt32(-1)  // currentLeaderEpoch
        buffer.writeInt64(100)  // fetchOffset
        buffer.writeInt32(-1)  // lastFetchedEpoch
        buffer.writeInt64(-1)  // logStartOffset
        buffer.writeInt32(1 << 20)  // partitionMaxBytes
        buffer.writeUnsignedVarint(1)
        buffer.writeTaggedField(tag: 42) { $0.writeString("future") }
        buffer.writeEmptyTaggedFields()  // topic tags
        buffer.writeUnsignedVarint(1)  // forgotten topics: 0
        buffer.writeKafkaString("", compact: true)  // rack
        buffer.writeEmptyTaggedFields()
        let decoded = try FetchRequest(from: &buffer, version: 12)
        XCTAssertEqual(decoded.topics.first?.partitions.first?.fetchOffset, 100)
        XCTAssertEqual(decoded.topics.first?.partitions.first?.partitionMaxBytes, 1 << 20)
        XCTAssertEqual(buffer.readableBytes, 0)
    }

    private static var prefix: ByteBuffer {
        hexBuffer("ff ff ff ff 00 00 01 f4 00 00 00 01 00 00 04 00 00 00 00 00 00 ff ff ff ff")
    }

    func testFetchV15ReplicaStateTaggedStruct() throws {
        let request = FetchRequest(
            replicaState: .init(replicaId: 2, replicaEpoch: 5),
            maxWaitMs: 1,
            minBytes: 1
        )
        let encoded = encode(request, version: 15)
        // replicaId (int32) is gone in v15; the tag section at the end carries tag 1.
        XCTAssertTrue(hexString(encoded).hasSuffix("01 01 0d 00 00 00 02 00 00 00 00 00 00 00 05 00"))
        assertRoundTrip(request, version: 15)
    }

    func testApiVersionsResponseV3SupportedFeaturesRoundTrip() throws {
        let response = ApiVersionsResponse(
            apiKeys: [.init(apiKey: 18, minVersion: 0, maxVersion: 4)],
            supportedFeatures: [.init(name: "metadata.version", minVersion: 1, maxVersion: 20)],
            finalizedFeaturesEpoch: 7,
            zkMigrationReady: true
        )
        let encoded = encode(response, version: 3)
        let tags =
            "03 | 00 17 02 11 " + hexString(ByteBuffer(string: "metadata.version")) + " 00 01 00 14 00"
            + " | 01 08 00 00 00 00 00 00 00 07 | 03 01 01"
        XCTAssertEqual(
            hexString(encoded),
            hexString(hexBuffer("00 00 | 02 | 00 12 00 00 00 04 00 | 00 00 00 00 | " + tags))
        )
        assertRoundTrip(response, version: 3)
        // Older versions have no tag section: the tagged fields are dropped.
        var v2 = encode(response, version: 2)
        let decoded = try ApiVersionsResponse(from: &v2, version: 2)
        XCTAssertEqual(decoded.supportedFeatures, [])
        XCTAssertEqual(decoded.finalizedFeaturesEpoch, -1)
    }

    func testTaggedFieldAtDefaultIsNotSent() {
        let response = ApiVersionsResponse(finalizedFeaturesEpoch: -1, zkMigrationReady: false)
        XCTAssertEqual(hexString(encode(response, version: 3)), "00 00 01 00 00 00 00 00")
    }

    func testCorruptTagSizeThrows() {
        var input = hexBuffer(Self.fetchV12Body + " | 01 | 00 10 03 63 31")
        XCTAssertThrowsError(try FetchRequest(from: &input, version: 12)) { error in
            guard case .truncated = error as? KafkaProtocolError else { return XCTFail("got \(error)") }
        }
    }
}
