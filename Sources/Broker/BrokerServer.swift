import FaultControl
import Foundation
import KafkaProtocol
import LogStorage
import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A Kafka broker process: loads its logs, listens on its listeners, serves requests, runs the
/// log housekeeping (retention, flush, checkpoints), and shuts down cleanly when its task is
/// cancelled (SIGTERM in `samsa-broker`).
public final class BrokerServer: Sendable {
    public let config: BrokerConfig
    let state: BrokerState
    let logger: Logger
    private let group: MultiThreadedEventLoopGroup

    public var brokerId: Int32 { self.state.brokerId }
    public var clusterId: String { self.state.clusterId }

    public init(config: BrokerConfig, logger: Logger) throws {
        self.config = config
        var logger = logger
        // A cluster's id comes from the metadata server (`/cluster/id`), learnt in `run`.
        let metaProperties: MetaProperties
        if config.isStandalone {
            metaProperties = try MetaProperties.loadOrCreate(in: config.logDirs, brokerId: config.brokerId)
        } else {
            guard config.brokerId >= 0 else { throw ClusterContext.JoinError.brokerIdRequired }
            metaProperties = MetaProperties(
                clusterId: MetaProperties.existingClusterId(in: config.logDirs) ?? "", brokerId: config.brokerId)
        }
        logger[metadataKey: "broker.id"] = "\(metaProperties.brokerId)"
        self.logger = logger
        let logManager = try LogManager(logDirs: config.logDirs, logger: logger)
        let topics = try TopicRegistry(directory: config.logDirs[0])
        self.state = BrokerState(
            config: config, brokerId: metaProperties.brokerId, clusterId: metaProperties.clusterId, logger: logger,
            logManager: logManager, topics: topics)
        self.group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, System.coreCount))
    }

    /// SIGUSR2 from the cluster's owner (`samsa-broker`): re-reads `samsa.fault.control.file` and
    /// applies the faults it lists (see `FaultInjection`), one log line per change. A missing file
    /// means no faults; an unreadable one is reported and changes nothing.
    public func reloadFaults() async {
        guard let path = self.config.faultControlFile else {
            self.logger.warning("SIGUSR2 ignored: no \(BrokerFaults.configKey) in this broker's config")
            return
        }
        do {
            try self.state.faults.reload(from: URL(fileURLWithPath: path), logger: self.logger)
        } catch {
            self.logger.error(
                "cannot read the fault control file; faults unchanged",
                metadata: ["path": "\(path)", "error": "\(error)"])
            return
        }
        // Suspending and resuming are idempotent: whichever of two quick signals ends last, the
        // session follows the newest file.
        await self.state.cluster?.setIsolated(self.state.faults.isIsolated)
    }

    /// Loads every partition log (recovering after a crash), binds the listeners and serves until
    /// the calling task is cancelled; then closes connections and shuts the logs down cleanly.
    /// `onListening` receives the bound ports (useful with port 0).
    public func run(onListening: @Sendable ([Int]) -> Void = { _ in }) async throws {
        // The event loops are shut down here and only here, after every channel is closed, whether
        // serving ended or the start failed (a taken port, a taken broker.id, a stop before
        // listening): a second shutdown, or a close scheduled after it, is a programming error to
        // NIO ("Cannot schedule tasks on an EventLoop that has already shut down").
        var failure: (any Error)?
        do { try await self.serve(onListening: onListening) } catch { failure = error }
        try? await self.group.shutdownGracefully()
        self.logger.info("[KafkaServer id=\(self.state.brokerId)] shut down completed")
        if let failure { throw failure }
    }

    private func serve(onListening: @Sendable ([Int]) -> Void) async throws {
        try await self.loadLogs()
        await self.state.groupCoordinator.load()
        let dispatcher = RequestDispatcher(state: self.state)
        let maxFrame = self.config.socketRequestMaxBytes
        let transfers = self.state.fetchTransfers
        var servers: [NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ResponseFrame>, Never>] = []
        for listener in self.config.listeners {
            let server = try await Self.bindingFailure(listener) {
                try await ServerBootstrap(group: self.group)
                    .serverChannelOption(.backlog, value: 256)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                    .childChannelOption(.maxMessagesPerRead, value: 16)
                    .bind(host: listener.host, port: listener.port) { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                ByteToMessageHandler(KafkaFrameDecoder(maxFrameSize: maxFrame)))
                            try channel.pipeline.syncOperations.addHandler(ResponseFrameWriter(counters: transfers))
                            return try NIOAsyncChannel<ByteBuffer, ResponseFrame>(wrappingChannelSynchronously: channel)
                        }
                    }
            }
            servers.append(server)
        }
        let ports = servers.compactMap { $0.channel.localAddress?.port }
        self.state.boundPorts.withLock { $0 = ports }
        if !self.config.isStandalone {
            do {
                let cluster = try await ClusterContext.join(
                    state: self.state, advertised: self.state.advertisedEndpoint)
                self.state.setCluster(cluster)
                // Isolated before it had joined: cut the new session too.
                if self.state.faults.isIsolated { await cluster.setIsolated(true) }
                self.state.ready.open()
            } catch {
                for server in servers { try? await server.channel.close() }
                await self.shutdownLogs()
                throw error
            }
        }
        if self.config.isStandalone { self.state.ready.open() }
        self.logger.info(
            "[KafkaServer id=\(self.state.brokerId)] started",
            metadata: [
                "listeners": "\(self.config.listeners)", "ports": "\(ports)", "cluster.id": "\(self.state.clusterId)",
            ])
        onListening(ports)
        // Serving runs in its own task so that a stop (this task cancelled) can ask the controller
        // for a controlled shutdown while the listeners still answer: the controller may be this
        // broker, sending LeaderAndIsr to itself. Kafka's `KafkaServer.shutdown` does the same,
        // controlled shutdown first, then the socket server.
        let (stopped, stop) = AsyncStream<Never>.makeStream()
        let serving = Task {
            await withDiscardingTaskGroup { group in
                group.addTask { await self.runHousekeeping() }
                group.addTask { await self.state.groupCoordinator.run() }
                if let cluster = self.state.cluster { group.addTask { await self.runReplicaHousekeeping(cluster) } }
                for server in servers {
                    group.addTask { await self.accept(on: server, dispatcher: dispatcher) }
                }
            }
            stop.finish()
        }
        await withTaskCancellationHandler {
            for await _ in stopped {}
        } onCancel: {
            stop.finish()
        }
        // In a task of its own: this one is cancelled, and the backoff between attempts must
        // still wait (a cancelled `Task.sleep` returns at once).
        if let cluster = self.state.cluster { await Task { await self.controlledShutdown(cluster) }.value }
        serving.cancel()
        await serving.value
        if let cluster = self.state.cluster { await cluster.shutdown() }
        await self.shutdownLogs()
    }

    /// A port already taken is the usual reason a broker cannot start (the same file started
    /// twice, or a broker that has not finished stopping): say it in those words, not errno's.
    private static func bindingFailure<T>(
        _ listener: BrokerConfig.Endpoint, _ bind: () async throws -> T
    ) async throws -> T {
        do {
            return try await bind()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw ListenerInUse(host: listener.host, port: listener.port)
        }
    }

    private func accept(
        on server: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ResponseFrame>, Never>, dispatcher: RequestDispatcher
    ) async {
        do {
            // Stopping closes the listener rather than cancelling this loop: a cancelled loop
            // would drop connections already accepted, and NIO traps on an NIOAsyncChannel dropped
            // unused. Closing lets each accepted connection be served and closed first.
            try await withTaskCancellationHandler {
                try await Task {
                    try await withThrowingDiscardingTaskGroup { group in
                        try await server.executeThenClose { connections in
                            for try await connection in connections {
                                group.addTask { await self.serve(connection, dispatcher: dispatcher) }
                            }
                        }
                        group.cancelAll()
                    }
                }.value
            } onCancel: {
                server.channel.close(promise: nil)
            }
        } catch is CancellationError {
        } catch {
            self.logger.error("listener stopped", metadata: ["error": "\(error)"])
        }
    }

    /// One connection: requests are handled one at a time, in order, as Kafka does (a client's
    /// responses must come back in request order; a long-poll fetch holds the line).
    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ResponseFrame>, dispatcher: RequestDispatcher) async {
        let peer = connection.channel.remoteAddress?.description ?? "unknown"
        do {
            try await connection.executeThenClose { inbound, outbound in
                await self.state.ready.wait()
                for try await frame in inbound {
                    switch await dispatcher.dispatch(frame, peer: peer) {
                    case .respond(let response):
                        try await outbound.write(response)
                    case .noResponse:
                        continue
                    case .close(let reason):
                        self.logger.info("closing connection", metadata: ["peer": "\(peer)", "reason": "\(reason)"])
                        return
                    }
                }
            }
        } catch {
            self.logger.debug("connection ended", metadata: ["peer": "\(peer)", "error": "\(error)"])
        }
    }

    private func loadLogs() async throws {
        let topics = await self.state.topics.all
        let byName = Dictionary(uniqueKeysWithValues: topics.map { ($0.name, $0) })
        let loaded = try self.state.logManager.loadLogs(now: Clock.millis()) { name in
            byName[name].map { self.state.logConfig(for: $0) } ?? self.state.logDefaults
        }
        // In a cluster the controller says which partitions this broker hosts (LeaderAndIsr).
        guard self.config.isStandalone else {
            self.logger.info("loaded logs", metadata: ["partitions": "\(loaded.count)"])
            return
        }
        // Partitions of known topics that have no directory yet (e.g. created just before a crash).
        for topic in topics { try self.state.createLogs(for: topic) }
        // Directories of topics that no longer exist (deleted while a log dir was away) are left
        // alone but not served.
        let orphans = loaded.filter { byName[$0.topic] == nil || $0.partition >= byName[$0.topic]!.partitions }
        for orphan in orphans {
            self.logger.warning("ignoring partition directory of unknown topic", metadata: ["partition": "\(orphan)"])
            self.state.logManager.deleteLog(for: orphan)
        }
        self.logger.info("loaded logs", metadata: ["partitions": "\(loaded.count - orphans.count)"])
    }

    /// Kafka's scheduler: retention every `log.retention.check.interval.ms`, flushing every
    /// `log.flush.scheduler.interval.ms`, checkpoints every `log.flush.offset.checkpoint.interval.ms`,
    /// and a log cleaner pass every `log.cleaner.backoff.ms` when `log.cleaner.enable`.
    private func runHousekeeping() async {
        let tick: Int64 = 100
        var lastRetention = Clock.millis()
        var lastCleaning = lastRetention
        var lastFlush = lastRetention
        var lastCheckpoint = lastRetention
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(tick))
            let now = Clock.millis()
            if now - lastRetention >= self.config.logRetentionCheckIntervalMs {
                lastRetention = now
                self.state.logManager.runRetention(now: now)
            }
            if self.config.logCleanerEnable, now - lastCleaning >= self.config.logCleanerBackoffMs {
                lastCleaning = now
                self.state.logManager.runCleaner(now: now)
            }
            if self.config.logFlushSchedulerIntervalMs != .max,
                now - lastFlush >= self.config.logFlushSchedulerIntervalMs
            {
                lastFlush = now
                self.state.logManager.flushDirty(now: now)
            }
            if now - lastCheckpoint >= self.config.logFlushOffsetCheckpointIntervalMs {
                lastCheckpoint = now
                do { try self.state.logManager.writeCheckpoints() } catch {
                    self.logger.error("checkpoint failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// Cluster duties on a timer: shrink ISRs of lagging followers (checked every half
    /// `replica.lag.time.max.ms`) and, on the controller, the imbalance check every
    /// `leader.imbalance.check.interval.seconds` when `auto.leader.rebalance.enable`.
    private func runReplicaHousekeeping(_ cluster: ClusterContext) async {
        let interval = max(100, self.config.replicaLagTimeMaxMs / 2)
        var lastRebalance = Clock.millis()
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(interval))
            if Task.isCancelled { break }
            await cluster.replicaManager.shrinkIsrIfNeeded()
            let now = Clock.millis()
            if self.config.autoLeaderRebalanceEnable, now - lastRebalance >= self.config.leaderImbalanceCheckIntervalMs
            {
                lastRebalance = now
                if await cluster.controller.isActive { await cluster.controller.autoRebalance() }
            }
        }
    }

    private func shutdownLogs() async {
        self.logger.info(
            "[KafkaServer id=\(self.state.brokerId)] shutting down",
            metadata: [
                "fetch.sendfile.bytes": "\(self.state.fetchTransfers.sentWithSendfile)",
                "fetch.copied.bytes": "\(self.state.fetchTransfers.copied)",
            ])
        do {
            try self.state.logManager.shutdown(now: Clock.millis())
        } catch {
            self.logger.error(
                "clean shutdown of logs failed; the next start will recover", metadata: ["error": "\(error)"])
        }
    }
}

/// A listener's port is taken by another process.
struct ListenerInUse: Error, CustomStringConvertible {
    let host: String
    let port: Int

    var description: String {
        "cannot listen on \(self.host):\(self.port): another process holds that port (a broker already started "
            + "with this file, or one still stopping); stop it or give `listeners` another port"
    }
}
