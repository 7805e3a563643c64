import KafkaProtocol
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// One TCP connection to one broker. Requests are pipelined: many may be in flight, each matched to its
/// response by correlation id. The first request is ApiVersions, and every later request uses the highest
/// version both sides speak (min of our max and the broker's max), as Kafka's clients do.
public final class BrokerConnection: Sendable {
    public let address: BrokerAddress
    /// The broker's node id once known from metadata; -1 for a bootstrap connection.
    public let nodeId: Int32
    private let channel: any Channel
    private let clientId: String
    private let requestTimeout: Duration
    private let nextCorrelationId = Atomic<Int32>(1)
    private let brokerVersions: Mutex<[Int16: ClosedRange<Int16>]>

    /// Whether the socket is still open; a closed connection is replaced on next use.
    public var isActive: Bool { self.channel.isActive }

    private init(address: BrokerAddress, nodeId: Int32, channel: any Channel, configuration: ClientConfiguration) {
        self.address = address
        self.nodeId = nodeId
        self.channel = channel
        self.clientId = configuration.clientId
        self.requestTimeout = configuration.requestTimeout
        self.brokerVersions = Mutex([:])
    }

    /// Opens a connection and performs the ApiVersions handshake.
    public static func connect(
        to address: BrokerAddress, nodeId: Int32 = -1, configuration: ClientConfiguration,
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> BrokerConnection {
        let broker = "\(nodeId >= 0 ? "\(nodeId) at " : "")\(address)"
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: group)
                .connectTimeout(.nanoseconds(min(Self.nanoseconds(configuration.connectTimeout), Self.maximumTimeout)))
                .channelOption(.socketOption(.tcp_nodelay), value: 1)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(ResponseFrameDecoder()))
                        try channel.pipeline.syncOperations.addHandler(RequestPipelineHandler(broker: broker))
                    }
                }
                .connect(host: address.host, port: address.port)
                .get()
        } catch {
            throw SamsaClientError.connectionFailed(broker: broker, reason: "\(error)")
        }
        let connection = BrokerConnection(
            address: address, nodeId: nodeId, channel: channel, configuration: configuration)
        do {
            try await connection.handshake()
        } catch {
            connection.close()
            throw error
        }
        configuration.logger.debug("connected", metadata: ["broker": "\(broker)"])
        return connection
    }

    /// Closes the socket; outstanding requests fail with `connectionClosed`.
    public func close() {
        self.channel.close(promise: nil)
    }

    /// The version of `apiKey` this connection will use, or an error naming both ranges.
    public func version(for apiKey: ApiKey) throws(SamsaClientError) -> Int16 {
        guard let ours = ClientApiVersions.supported(apiKey) else {
            throw .unsupportedApi(apiKey, broker: "\(self.address)")
        }
        guard let theirs = self.brokerVersions.withLock({ $0[apiKey.rawValue] }) else {
            throw .unsupportedApi(apiKey, broker: "\(self.address)")
        }
        let version = min(ours.upperBound, theirs.upperBound)
        guard version >= ours.lowerBound, version >= theirs.lowerBound else {
            throw .noCommonVersion(apiKey, ours: ours, broker: theirs, address: "\(self.address)")
        }
        return version
    }

    /// The broker's range for `apiKey`, if it offers the API.
    public func brokerVersionRange(for apiKey: ApiKey) -> ClosedRange<Int16>? {
        self.brokerVersions.withLock { $0[apiKey.rawValue] }
    }

    /// Sends `request` at the negotiated version (or `version`) and decodes the response.
    public func send<Request: KafkaRequest>(
        _ request: Request, version: Int16? = nil, timeout: Duration? = nil
    ) async throws -> Request.Response {
        try await self.start(request, version: version, timeout: timeout).response()
    }

    /// Writes `request` now and returns its pending response. Requests started one after another from the
    /// same task or actor go out in that order, which is what lets a producer keep several batches of one
    /// partition in flight without reordering them.
    public func start<Request: KafkaRequest>(
        _ request: Request, version: Int16? = nil, timeout: Duration? = nil
    ) throws -> PendingResponse<Request> {
        let version = try version ?? self.version(for: Request.apiKey)
        let future = self.write(request, version: version, timeout: timeout, expectsResponse: true)
        return PendingResponse(future: future, version: version)
    }

    /// Sends a request the broker will not answer (Produce with acks=0); returns once it is written.
    public func sendWithoutResponse<Request: KafkaRequest>(_ request: Request, version: Int16? = nil) async throws {
        let version = try version ?? self.version(for: Request.apiKey)
        _ = try await self.write(request, version: version, timeout: nil, expectsResponse: false).get()
    }

    /// Encodes and writes one request frame; the future holds the response frame (or, without a response, an
    /// empty buffer once written).
    private func write<Request: KafkaRequest>(
        _ request: Request, version: Int16, timeout: Duration?, expectsResponse: Bool
    ) -> EventLoopFuture<ByteBuffer> {
        let correlationId = self.nextCorrelationId.wrappingAdd(1, ordering: .relaxed).oldValue
        var buffer = self.channel.allocator.buffer(capacity: 256)
        buffer.writeKafkaRequest(request, version: version, correlationId: correlationId, clientId: self.clientId)
        let promise = self.channel.eventLoop.makePromise(of: ByteBuffer.self)
        let outgoing = OutgoingRequest(
            frame: buffer, apiKey: Request.apiKey, correlationId: correlationId,
            response: expectsResponse ? promise : nil,
            timeout: .nanoseconds(min(Self.nanoseconds(timeout ?? self.requestTimeout), Self.maximumTimeout)))
        // A write to a closed channel never reaches the handler, so its failure must fail the response too
        // (a second completion of `promise` is ignored).
        let written = self.channel.eventLoop.makePromise(of: Void.self)
        let broker = "\(self.address)"
        written.futureResult.whenComplete { result in
            switch result {
            case .success: if !expectsResponse { promise.succeed(ByteBuffer()) }
            case .failure: promise.fail(SamsaClientError.connectionClosed(broker: broker))
            }
        }
        self.channel.writeAndFlush(outgoing, promise: written)
        return promise.futureResult
    }

    /// The raw response frame of a request written at `version`.
    private func roundTrip<Request: KafkaRequest>(
        _ request: Request, version: Int16, timeout: Duration?
    ) async throws -> ByteBuffer {
        try await PendingResponse<Request>.frame(
            from: self.write(request, version: version, timeout: timeout, expectsResponse: true))
    }

    /// ApiVersions v3, falling back to the version the broker says it speaks (KIP-511): a broker that does not
    /// know v3 answers in v0 with UNSUPPORTED_VERSION and its own range for ApiVersions.
    private func handshake() async throws {
        var version: Int16 = 3
        for _ in 0..<3 {
            var frame = try await self.roundTrip(
                ApiVersionsRequest(clientSoftwareName: "samsa-client", clientSoftwareVersion: "0.1"),
                version: version, timeout: nil)
            let response: ApiVersionsResponse
            do {
                _ = try frame.readKafkaResponseHeader(apiKey: .apiVersions, apiVersion: version)
                let errorCode = frame.getInteger(at: frame.readerIndex, as: Int16.self) ?? 0
                let readVersion: Int16 = errorCode == ErrorCode.unsupportedVersion.rawValue ? 0 : version
                response = try ApiVersionsResponse(from: &frame, version: readVersion)
            } catch {
                throw SamsaClientError.malformedResponse(.apiVersions, reason: "\(error)")
            }
            if response.errorCode == ErrorCode.unsupportedVersion.rawValue,
                let theirs = response.apiKeys.first(where: { $0.apiKey == ApiKey.apiVersions.rawValue }),
                theirs.maxVersion < version
            {
                version = max(0, theirs.maxVersion)
                continue
            }
            guard response.errorCode == 0 else {
                throw SamsaClientError.kafka(
                    ErrorCode(rawValue: response.errorCode) ?? .unknownServerError,
                    context: "ApiVersions handshake with \(self.address)")
            }
            var ranges: [Int16: ClosedRange<Int16>] = [:]
            for entry in response.apiKeys where entry.minVersion <= entry.maxVersion {
                ranges[entry.apiKey] = entry.minVersion...entry.maxVersion
            }
            self.brokerVersions.withLock { $0 = ranges }
            return
        }
        throw SamsaClientError.noCommonVersion(
            .apiVersions, ours: 0...3, broker: version...version, address: "\(self.address)")
    }

    /// A day: longer timeouts are treated as this, keeping event-loop deadlines far from overflow.
    static let maximumTimeout: Int64 = 86_400_000_000_000

    /// Saturating, so a huge configured timeout means "very long" rather than a trap.
    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? Int64.min : Int64.max }
        let (total, overflowAgain) = whole.addingReportingOverflow(attoseconds / 1_000_000_000)
        if overflowAgain { return whole < 0 ? Int64.min : Int64.max }
        return total
    }
}
