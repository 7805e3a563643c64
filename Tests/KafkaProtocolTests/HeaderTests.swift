import KafkaProtocol
import NIOCore
import XCTest

final class HeaderTests: XCTestCase {
    func testHeaderVersionsFollowFlexibleVersions() {
        XCTAssertEqual(ApiKey.fetch.requestHeaderVersion(for: 11), 1)
        XCTAssertEqual(ApiKey.fetch.requestHeaderVersion(for: 12), 2)
        XCTAssertEqual(ApiKey.fetch.responseHeaderVersion(for: 11), 0)
        XCTAssertEqual(ApiKey.fetch.responseHeaderVersion(for: 12), 1)
        XCTAssertEqual(ApiKey.saslHandshake.requestHeaderVersion(for: 1), 1)
        XCTAssertEqual(ApiKey.describeCluster.responseHeaderVersion(for: 0), 1)
    }

    func testApiVersionsResponsesAlwaysUseHeaderV0() {
        for version in ApiKey.apiVersions.validVersions {
            XCTAssertEqual(ApiKey.apiVersions.responseHeaderVersion(for: version), 0)
        }
        XCTAssertEqual(ApiKey.apiVersions.requestHeaderVersion(for: 3), 2)
        // A newer client's v5 is still parsed with header v2, as Kafka does.
        XCTAssertEqual(ApiKey.apiVersions.requestHeaderVersion(for: 5), 2)
    }

    func testControlledShutdownV0UsesRequestHeaderV0() {
        XCTAssertEqual(ApiKey.controlledShutdown.requestHeaderVersion(for: 0), 0)
        XCTAssertEqual(ApiKey.controlledShutdown.requestHeaderVersion(for: 1), 1)
        XCTAssertEqual(ApiKey.controlledShutdown.requestHeaderVersion(for: 3), 2)
    }

    func testApiKeyCoversEveryRequestSchema() {
        XCTAssertEqual(ApiKey.produce.rawValue, 0)
        XCTAssertEqual(ApiKey.fetch.rawValue, 1)
        XCTAssertEqual(ApiKey.listOffsets.rawValue, 2)
        XCTAssertEqual(ApiKey.metadata.rawValue, 3)
        XCTAssertEqual(ApiKey.leaderAndIsr.rawValue, 4)
        XCTAssertEqual(ApiKey.apiVersions.rawValue, 18)
        XCTAssertEqual(ApiKey.describeProducers.rawValue, 61)
        XCTAssertEqual(ApiKey.produce.name, "Produce")
        XCTAssertEqual(ApiKey.offsetForLeaderEpoch.name, "OffsetForLeaderEpoch")
        XCTAssertEqual(ApiKey.allCases.filter(\.hasCodec).count, 33)
        XCTAssertGreaterThan(ApiKey.allCases.count, 80)
        XCTAssertEqual(ApiKey.fetch.validVersions, 0...17)
        XCTAssertEqual(ApiKey.fetch.flexibleVersions?.lowerBound, 12)
        XCTAssertNil(ApiKey.saslHandshake.flexibleVersions)
        XCTAssertTrue(ApiKey.metadata.isFlexible(version: 9))
        XCTAssertFalse(ApiKey.metadata.isFlexible(version: 8))
        for key in ApiKey.allCases where key.hasCodec {
            XCTAssertEqual(key.requestType?.apiKey, key)
            XCTAssertEqual(key.responseType?.apiKey, key)
            XCTAssertEqual(key.requestType?.validVersions, key.validVersions)
        }
    }

    func testBrokerReadsRequestFrameAndWritesResponseFrame() throws {
        // Client side: a whole ApiVersions v3 request frame.
        var wire = ByteBuffer()
        let request = ApiVersionsRequest(clientSoftwareName: "samsa", clientSoftwareVersion: "0.1")
        wire.writeKafkaRequest(request, version: 3, correlationId: 42, clientId: "cli")

        // Broker side.
        var frame = try XCTUnwrap(try wire.readKafkaFrame())
        XCTAssertEqual(wire.readableBytes, 0)
        let header = try frame.readKafkaRequestHeader()
        XCTAssertEqual(header.apiKey, .apiVersions)
        XCTAssertEqual(header.requestApiVersion, 3)
        XCTAssertEqual(header.correlationId, 42)
        XCTAssertEqual(header.clientId, "cli")
        let body = try frame.readKafkaRequestBody(for: header)
        XCTAssertEqual(body as? ApiVersionsRequest, request)
        XCTAssertEqual(frame.readableBytes, 0)

        var out = ByteBuffer()
        let response = ApiVersionsResponse(apiKeys: [.init(apiKey: 18, minVersion: 0, maxVersion: 3)])
        out.writeKafkaResponse(response, version: 3, correlationId: header.correlationId)
        // size | correlation id, no header tag byte (ApiVersions) | body
        XCTAssertEqual(
            hexString(out),
            "00 00 00 13 00 00 00 2a 00 00 02 00 12 00 00 00 03 00 00 00 00 00 00"
        )

        // Client side again.
        var responseFrame = try XCTUnwrap(try out.readKafkaFrame())
        let responseHeader = try responseFrame.readKafkaResponseHeader(apiKey: .apiVersions, apiVersion: 3)
        XCTAssertEqual(responseHeader.correlationId, 42)
        XCTAssertEqual(try ApiVersionsResponse(from: &responseFrame, version: 3), response)
    }

    func testFlexibleResponseFrameHasHeaderTagByte() {
        var out = ByteBuffer()
        out.writeKafkaResponse(HeartbeatResponse(throttleTimeMs: 0, errorCode: 27), version: 4, correlationId: 1)
        // size 12 | correlation id, header tags | throttle, error code, body tags
        XCTAssertEqual(hexString(out), "00 00 00 0c 00 00 00 01 00 00 00 00 00 00 1b 00")
    }

    func testPartialFrameWaitsForMoreBytes() throws {
        var wire = hexBuffer("00 00 00 05 01 02")
        XCTAssertNil(try wire.readKafkaFrame())
        XCTAssertEqual(wire.readableBytes, 6, "nothing consumed")
        wire.writeBytes([3, 4, 5])
        XCTAssertEqual(try wire.readKafkaFrame(), ByteBuffer(bytes: [1, 2, 3, 4, 5]))
        var negative = hexBuffer("ff ff ff ff")
        XCTAssertThrowsError(try negative.readKafkaFrame())
        var huge = hexBuffer("7f 00 00 00")
        XCTAssertThrowsError(try huge.readKafkaFrame(maxLength: 1024))
    }

    func testUnknownApiKeyHeaderIsReadAsV1() throws {
        var frame = hexBuffer("03 e7 00 00 00 00 00 05 00 01 78")
        let header = try frame.readKafkaRequestHeader()
        XCTAssertNil(header.apiKey)
        XCTAssertEqual(header.correlationId, 5)
        XCTAssertEqual(header.clientId, "x")
        XCTAssertThrowsError(try frame.readKafkaRequestBody(for: header))
    }

    func testTruncatedRequestHeaderThrows() {
        let full = hexBuffer("00 12 00 03 00 00 00 01 00 03 63 6c 69 00")
        for length in 0..<full.readableBytes {
            var prefix = full.getSlice(at: 0, length: length)!
            XCTAssertThrowsError(try prefix.readKafkaRequestHeader(), "prefix \(length)")
        }
    }
}
