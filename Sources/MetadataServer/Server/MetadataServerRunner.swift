import Logging
import NIOCore
import NIOPosix
import ZooKeeperProtocol

/// Binds the client port and serves until the calling task is cancelled (SIGTERM/SIGINT in
/// `samsa-meta`) or the transaction log fails. Each connection runs in its own child task and
/// catches its own errors, so one bad client never stops the server.
public enum MetadataServerRunner {
    public static func run(
        configuration: ServerConfiguration,
        logger: Logger,
        onBound: @Sendable (_ port: Int) -> Void = { _ in }
    ) async throws {
        for warning in configuration.warnings { logger.warning("\(warning)") }
        let server = try ZooKeeperServer(configuration: configuration, logger: logger)
        let maximumLength = configuration.juteMaxBuffer + 1024
        let queueLimit = configuration.maxQueuedBytesPerConnection
        let listener: NIOAsyncChannel<NIOAsyncChannel<InboundPacket, ByteBuffer>, Never>
        do {
            listener = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 256)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .bind(host: configuration.clientPortAddress, port: configuration.clientPort) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(
                                ZooKeeperFrameDecoder(maximumLength: maximumLength, acceptsFourLetterWords: true)
                            )
                        )
                        return try NIOAsyncChannel<InboundPacket, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
        } catch {
            await server.shutdown()
            throw MetadataServerError.cannotBind(
                address: configuration.clientPortAddress, port: configuration.clientPort, reason: "\(error)"
            )
        }
        let port = listener.channel.localAddress?.port ?? configuration.clientPort
        logger.info(
            "samsa-meta serving ZooKeeper clients",
            metadata: [
                "address": "\(configuration.clientPortAddress):\(port)", "dataDir": "\(configuration.dataDir)",
                "tickTime": "\(configuration.tickTime)",
            ]
        )
        onBound(port)
        let tick = Duration.milliseconds(max(1, configuration.tickTime / 2))
        do {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask {
                    for await failure in server.failures { throw failure }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: tick)
                        await server.expireSessions()
                        await server.closeSessionlessConnections(olderThan: 10_000)
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .milliseconds(configuration.containerCheckIntervalMs))
                        await server.cleanUpContainersAndTTLs()
                    }
                }
                // Stopping closes the listener instead of cancelling this loop: a cancelled loop
                // would drop connections already accepted, and NIO traps on an NIOAsyncChannel
                // dropped unused. Closing lets every accepted child be served (and closed) first.
                try await withTaskCancellationHandler {
                    try await Task {
                        try await withThrowingDiscardingTaskGroup { connections in
                            try await listener.executeThenClose { inbound in
                                for try await child in inbound {
                                    connections.addTask {
                                        await Self.serve(child, server: server, queueLimit: queueLimit, logger: logger)
                                    }
                                }
                            }
                            connections.cancelAll()
                        }
                    }.value
                } onCancel: {
                    listener.channel.close(promise: nil)
                }
                group.cancelAll()
            }
        } catch is CancellationError {
            // Normal stop.
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    static func serve(
        _ channel: NIOAsyncChannel<InboundPacket, ByteBuffer>,
        server: ZooKeeperServer,
        queueLimit: Int,
        logger: Logger
    ) async {
        let (stream, continuation) = AsyncStream.makeStream(of: OutboundItem.self)
        let outbox = Outbox(continuation: continuation, limit: queueLimit)
        let remote = channel.channel.remoteAddress
        guard let id = await server.open(outbox: outbox, host: remote?.ipAddress ?? "unknown", port: remote?.port ?? 0)
        else {
            // Refused (too many connections, or stopping). Close through executeThenClose: an
            // NIOAsyncChannel dropped with its writer unfinished is a fatal error in NIO.
            try? await channel.executeThenClose { _, _ in }
            return
        }
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await item in stream {
                            switch item {
                            case .bytes(let buffer):
                                let count = buffer.readableBytes
                                try await outbound.write(buffer)
                                outbox.didWrite(count)
                            case .close:
                                return
                            }
                        }
                    }
                    group.addTask {
                        for try await packet in inbound {
                            await server.receive(packet, connection: id)
                        }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            logger.debug(
                "connection closed on error",
                metadata: ["connection.peer": "\(remote.map { "\($0)" } ?? "?")", "error": "\(error)"]
            )
        }
        continuation.finish()
        await server.connectionClosed(id)
    }
}
