import KafkaProtocol
import Logging
import NIOCore
import NIOPosix

/// A Kafka-protocol connection from this broker to another: the controller's channel to each
/// broker (LeaderAndIsr, UpdateMetadata, StopReplica) and a follower's fetches from its leader.
/// Requests are pipelined; a broker answers a connection's requests in order, so replies are
/// matched first-in, first-out.
actor InterBrokerConnection {
    enum Failure: Error, CustomStringConvertible {
        case closed(String)
        case timedOut(String)

        var description: String {
            switch self {
            case .closed(let peer): "connection to \(peer) closed"
            case .timedOut(let what): "\(what) timed out"
            }
        }
    }

    let host: String
    let port: Int
    private let clientId: String
    private var channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>?
    private var outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>?
    private var waiting: [(correlationId: Int32, continuation: CheckedContinuation<ByteBuffer, any Error>)] = []
    private var nextCorrelationId: Int32 = 0
    private var reader: Task<Void, Never>?

    init(host: String, port: Int, clientId: String) {
        self.host = host
        self.port = port
        self.clientId = clientId
    }

    private var peer: String { "\(self.host):\(self.port)" }

    private func connectIfNeeded() async throws {
        if self.outbound != nil { return }
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.seconds(3))
            .connect(host: self.host, port: self.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(KafkaFrameDecoder(maxFrameSize: Int(Int32.max))))
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        self.channel = channel
        // The channel lives as long as this task: it owns reading; writes go through `outbound`.
        await withCheckedContinuation { (ready: CheckedContinuation<Void, Never>) in
            self.reader = Task {
                do {
                    try await channel.executeThenClose { inbound, outbound in
                        self.outbound = outbound
                        ready.resume()
                        for try await frame in inbound {
                            self.deliver(frame)
                        }
                    }
                } catch {}
                self.failAll()
            }
        }
    }

    private func deliver(_ frame: ByteBuffer) {
        guard !self.waiting.isEmpty else { return }
        self.waiting.removeFirst().continuation.resume(returning: frame)
    }

    private func failAll() {
        let waiting = self.waiting
        self.waiting = []
        self.outbound = nil
        self.channel = nil
        for entry in waiting { entry.continuation.resume(throwing: Failure.closed(self.peer)) }
    }

    /// Sends `request` and waits for its response (or throws if the connection drops).
    func send<Request: KafkaRequest>(_ request: Request, version: Int16) async throws -> Request.Response {
        try await self.connectIfNeeded()
        guard let outbound = self.outbound else { throw Failure.closed(self.peer) }
        self.nextCorrelationId &+= 1
        let correlationId = self.nextCorrelationId
        var frame = ByteBuffer()
        frame.writeInteger(Int32(0))
        RequestHeader(
            requestApiKey: Request.apiKey.rawValue, requestApiVersion: version, correlationId: correlationId,
            clientId: self.clientId
        ).write(to: &frame, version: Request.apiKey.requestHeaderVersion(for: version))
        request.write(to: &frame, version: version)
        frame.setInteger(Int32(frame.readableBytes - 4), at: frame.readerIndex)
        var response = try await withCheckedThrowingContinuation { continuation in
            self.waiting.append((correlationId, continuation))
            Task { await self.write(frame, to: outbound) }
        }
        let header = try ResponseHeader(from: &response, version: Request.apiKey.responseHeaderVersion(for: version))
        guard header.correlationId == correlationId else { throw Failure.closed(self.peer) }
        return try Request.Response(from: &response, version: version)
    }

    private func write(_ frame: ByteBuffer, to outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>) async {
        do {
            try await outbound.write(frame)
        } catch {
            self.close()
        }
    }

    func close() {
        self.reader?.cancel()
        if let channel = self.channel { channel.channel.close(promise: nil) }
        self.failAll()
    }
}
