import KafkaProtocol
import NIOCore
import XCTest

/// Encodings assembled by hand from the Kafka protocol guide and the JSON schemas, checked both ways.
final class GoldenBytesTests: XCTestCase {
    func testApiVersionsResponseV3BodyMatchesWhatLibrdkafkaParses() {
        // 00 00 | uvarint(N+1) | N×(key, min, max, 00) | 00 00 00 00 | 00
        let response = ApiVersionsResponse(
            errorCode: 0,
            apiKeys: [
                .init(apiKey: 18, minVersion: 0, maxVersion: 4),
                .init(apiKey: 3, minVersion: 0, maxVersion: 12),
            ],
            throttleTimeMs: 0
        )
        assertGolden(
            response,
            version: 3,
            hex: "00 00 | 03 | 00 12 00 00 00 04 00 | 00 03 00 00 00 0c 00 | 00 00 00 00 | 00"
        )
    }

    func testApiVersionsResponseV0HasInt32CountAndNoThrottle() {
        let response = ApiVersionsResponse(errorCode: 35, apiKeys: [.init(apiKey: 18, minVersion: 0, maxVersion: 4)])
        assertGolden(response, version: 0, hex: "00 23 | 00 00 00 01 | 00 12 00 00 00 04")
    }

    func testApiVersionsRequestV3CarriesClientSoftware() {
        let request = ApiVersionsRequest(clientSoftwareName: "librdkafka", clientSoftwareVersion: "2.0.2")
        assertGolden(
            request,
            version: 3,
            hex: "0b 6c 69 62 72 64 6b 61 66 6b 61 | 06 32 2e 30 2e 32 | 00"
        )
        assertGolden(ApiVersionsRequest(), version: 2, hex: "")
    }

    func testMetadataRequestV9() {
        let request = MetadataRequest(
            topics: [.init(name: "foo")],
            allowAutoTopicCreation: true,
            includeClusterAuthorizedOperations: false,
            includeTopicAuthorizedOperations: true
        )
        // compact array (1+1) | topic: compact "foo", tags | allow auto | include cluster | include topic | tags
        assertGolden(request, version: 9, hex: "02 | 04 66 6f 6f 00 | 01 | 00 | 01 | 00")
    }

    func testMetadataRequestNullTopicsMeansAllTopics() {
        let all = MetadataRequest(topics: nil, allowAutoTopicCreation: false)
        assertGolden(all, version: 9, hex: "00 | 00 | 00 | 00 | 00")
        assertGolden(MetadataRequest(topics: nil), version: 1, hex: "ff ff ff ff")
        // v0 cannot say null: an empty array meant "all topics" then.
        XCTAssertEqual(hexString(encode(MetadataRequest(topics: nil), version: 0)), "00 00 00 00")
    }

    func testMetadataRequestV12NullableTopicName() {
        let id = KafkaUUID(mostSignificantBits: 1, leastSignificantBits: 2)
        let request = MetadataRequest(topics: [.init(topicId: id, name: nil)])
        assertGolden(
            request,
            version: 12,
            hex: "02 | 00 00 00 00 00 00 00 01 00 00 00 00 00 00 00 02 | 00 | 00 | 01 | 00 | 00"
        )
    }

    func testProduceRequestV3() {
        let request = ProduceRequest(
            transactionalId: nil,
            acks: -1,
            timeoutMs: 30_000,
            topicData: [
                .init(name: "t", partitionData: [.init(index: 0, records: ByteBuffer(bytes: [0xAA, 0xBB]))])
            ]
        )
        assertGolden(
            request,
            version: 3,
            hex: """
                ff ff | ff ff | 00 00 75 30 | 00 00 00 01 | 00 01 74 | 00 00 00 01 | 00 00 00 00 | 00 00 00 02 aa bb
                """
        )
    }

    func testProduceRequestV9IsCompact() {
        let request = ProduceRequest(
            transactionalId: "tx",
            acks: 1,
            timeoutMs: 1_000,
            topicData: [.init(name: "t", partitionData: [.init(index: 2, records: nil)])]
        )
        assertGolden(
            request,
            version: 9,
            hex: "03 74 78 | 00 01 | 00 00 03 e8 | 02 | 02 74 | 02 | 00 00 00 02 | 00 | 00 | 00 | 00"
        )
    }

    func testProduceRecordsAreSlicesOfTheInput() throws {
        let request = ProduceRequest(
            acks: 1,
            timeoutMs: 1,
            topicData: [.init(name: "t", partitionData: [.init(index: 0, records: ByteBuffer(bytes: [1, 2, 3]))])]
        )
        var input = encode(request, version: 3)
        let decoded = try ProduceRequest(from: &input, version: 3)
        let records = try XCTUnwrap(decoded.topicData.first?.partitionData.first?.records)
        XCTAssertEqual(records, ByteBuffer(bytes: [1, 2, 3]))
        // A slice shares storage with the frame it came from: same bytes at the same address.
        let sameStorage = input.withUnsafeReadableBytes { frame in
            records.withUnsafeReadableBytes { slice in
                slice.baseAddress == frame.baseAddress.map { $0 - 3 }
            }
        }
        XCTAssertTrue(sameStorage, "records were copied instead of sliced")
    }

    func testResponseHeadersV0AndV1() {
        assertGolden(ResponseHeader(correlationId: 7), version: 0, hex: "00 00 00 07")
        assertGolden(ResponseHeader(correlationId: 7), version: 1, hex: "00 00 00 07 00")
    }

    func testRequestHeaderClientIdStaysClassicInV2() {
        let header = RequestHeader(apiKey: .apiVersions, apiVersion: 3, correlationId: 1, clientId: "rdkafka")
        assertGolden(
            header,
            version: 2,
            hex: "00 12 | 00 03 | 00 00 00 01 | 00 07 72 64 6b 61 66 6b 61 | 00"
        )
        assertGolden(
            RequestHeader(apiKey: .controlledShutdown, apiVersion: 0, correlationId: 9, clientId: nil),
            version: 0,
            hex: "00 07 00 00 00 00 00 09"
        )
        assertGolden(
            RequestHeader(apiKey: .metadata, apiVersion: 1, correlationId: 2, clientId: nil),
            version: 1,
            hex: "00 03 00 01 00 00 00 02 ff ff"
        )
    }

    func testConsumerProtocolSubscriptionV0() {
        let subscription = ConsumerProtocolSubscription(topics: ["a", "bc"], userData: nil)
        assertGolden(
            subscription,
            version: 0,
            hex: "00 00 00 02 | 00 01 61 | 00 02 62 63 | ff ff ff ff"
        )
    }
}
