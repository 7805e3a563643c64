import Logging
import NIOCore
import NIOPosix
import ZooKeeperProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The standalone ZooKeeper server's state: database, sessions, connections and watches, plus
/// the ordering rule that makes it durable: a reply (or watch event) is released only once every
/// transaction logged before it has been fsynced. Writes are grouped per fsync (group commit).
public actor ZooKeeperServer {
    public static let version = "3.8.0-samsa"

    let configuration: ServerConfiguration
    let logger: Logger
    let dataDirectory: DataDirectory
    let ioPool: NIOThreadPool
    let startedAt: ContinuousClock.Instant
    let startedAtMillis: Int64

    var database: MetadataDatabase
    var watches = WatchManager()
    var sessions: [Int64: SessionState] = [:]
    var connections: [Int: ConnectionState] = [:]
    var nextConnectionID = 1
    var nextSessionId: Int64
    var stats = ServerStats()

    // Durability pipeline.
    enum LogJob {
        case records(ByteBuffer, sequence: UInt64, lastZxid: Int64)
        case snapshot([UInt8], zxid: Int64)
    }
    /// Sealed work for the log writer, oldest first.
    var logJobs: [LogJob] = []
    /// Records not yet handed to the writer; appended in place (kept out of `logJobs` so the
    /// buffer stays uniquely referenced and never copied).
    var openBatch = ByteBuffer()
    var isFlushing = false
    var appendedSequence: UInt64 = 0
    /// The newest zxid known to be on disk; the only zxid a reply may carry before its batch syncs.
    var durableZxid: Int64 = 0
    var durableSequence: UInt64 = 0
    var held: [(sequence: UInt64, connection: Int, item: OutboundItem, started: ContinuousClock.Instant?)] = []
    /// When the request being handled arrived, for latency stats.
    var requestStarted: ContinuousClock.Instant?
    var heldStart = 0
    var transactionsSinceSnapshot = 0
    private let failureContinuation: AsyncStream<PersistenceError>.Continuation
    /// Yields if the log cannot be written; the server must then stop, as ZooKeeper does.
    nonisolated let failures: AsyncStream<PersistenceError>

    /// Recovers `dataDir` and opens a new transaction log. Blocks on disk I/O: call at startup.
    public init(configuration: ServerConfiguration, logger: Logger) throws(PersistenceError) {
        self.configuration = configuration
        self.logger = logger
        self.dataDirectory = DataDirectory(
            dataDir: configuration.dataDir, logger: logger, preallocationSize: configuration.preAllocSizeKB * 1024
        )
        self.database = try self.dataDirectory.recover()
        self.durableZxid = self.database.lastZxid
        try self.dataDirectory.startLog(firstZxid: self.database.lastZxid + 1)
        self.startedAt = .now
        self.startedAtMillis = Self.wallClockMillis()
        // ZooKeeper's initializeNextSessionId; a standalone server uses server id 1.
        self.nextSessionId = Int64(bitPattern: UInt64(bitPattern: Self.wallClockMillis() << 24) >> 8) | (1 << 56)
        for (session, timeout) in self.database.sessionTimeouts {
            self.sessions[session] = SessionState(timeout: timeout, connection: nil, lastSeen: .now)
        }
        self.ioPool = NIOThreadPool(numberOfThreads: 1)
        self.ioPool.start()
        (self.failures, self.failureContinuation) = AsyncStream.makeStream(of: PersistenceError.self)
    }

    /// Waits for queued log writes, then stops the I/O thread.
    public func shutdown() async {
        for connection in self.connections.keys { self.closeConnection(connection) }
        var waited = 0
        while (self.isFlushing || !self.logJobs.isEmpty || self.openBatch.readableBytes > 0) && waited < 500 {
            try? await Task.sleep(for: .milliseconds(10))
            waited += 1
        }
        try? await self.ioPool.shutdownGracefully()
        self.logger.info("server stopped", metadata: ["zxid": "\(Self.hex(self.database.lastZxid))"])
    }

    static func wallClockMillis() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    static func hex(_ value: Int64) -> String { "0x" + String(UInt64(bitPattern: value), radix: 16) }

    // MARK: - Connections

    /// Registers a new connection; nil if its address already has `maxClientCnxns`.
    func open(outbox: Outbox, host: String, port: Int) -> Int? {
        let limit = self.configuration.maxClientCnxns
        if limit > 0 && self.connections.values.filter({ $0.remoteHost == host }).count >= limit {
            self.logger.warning(
                "Too many connections from \(host) - max is \(limit)",
                metadata: ["connection.peer": "\(host):\(port)"]
            )
            return nil
        }
        let id = self.nextConnectionID
        self.nextConnectionID += 1
        self.connections[id] = ConnectionState(
            id: id, outbox: outbox, remoteHost: host, remotePort: port, sessionId: nil,
            identities: [Id(scheme: "ip", id: host)], established: Self.wallClockMillis()
        )
        return id
    }

    /// Forgets a connection that has closed; its session lives on until it expires.
    func connectionClosed(_ id: Int) {
        guard let connection = self.connections.removeValue(forKey: id) else { return }
        self.watches.removeConnection(id)
        if let session = connection.sessionId, self.sessions[session]?.connection == id {
            self.sessions[session]?.connection = nil
            self.sessions[session]?.lastSeen = .now
        }
        self.logger.debug(
            "connection closed", metadata: ["connection.peer": "\(connection.remoteHost):\(connection.remotePort)"])
    }

    /// Closes a connection once everything queued for it has been written.
    func closeConnection(_ id: Int) {
        guard let connection = self.connections[id], !connection.isClosing else { return }
        self.connections[id]?.isClosing = true
        self.enqueue(.close, to: id)
    }

    func receive(_ packet: InboundPacket, connection id: Int) {
        guard let connection = self.connections[id], !connection.isClosing else { return }
        switch packet {
        case .fourLetterWord(let word):
            self.stats.packetsReceived += 1
            self.connections[id]?.packetsReceived += 1
            self.answerFourLetterWord(word, connection: id)
        case .packet(var buffer):
            self.stats.packetsReceived += 1
            self.connections[id]?.packetsReceived += 1
            self.requestStarted = .now
            if connection.sessionId == nil {
                self.handleConnect(&buffer, connection: id)
            } else {
                self.handleRequest(&buffer, connection: id)
            }
            self.requestStarted = nil
        }
    }

    // MARK: - Output ordering

    /// Sends output that depends on no pending transaction (pings, resumed handshakes) at once,
    /// so a slow disk cannot make clients miss heartbeats and lose their sessions.
    func sendNow(_ buffer: ByteBuffer, to id: Int) {
        self.deliver(.bytes(buffer), to: id, started: self.requestStarted)
    }

    /// Queues output behind every transaction logged so far.
    func enqueue(_ item: OutboundItem, to id: Int, started: ContinuousClock.Instant? = nil) {
        if self.heldStart == self.held.count && self.durableSequence == self.appendedSequence {
            self.deliver(item, to: id, started: started)
        } else {
            self.held.append((self.appendedSequence, id, item, started))
        }
    }

    private func deliver(_ item: OutboundItem, to id: Int, started: ContinuousClock.Instant? = nil) {
        guard let connection = self.connections[id] else { return }
        if let started {
            let elapsed = ContinuousClock.now - started
            let milliseconds =
                elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
            self.stats.latency.record(milliseconds)
            self.connections[id]?.latency.record(milliseconds)
        }
        switch item {
        case .bytes(let buffer):
            if connection.outbox.send(buffer) {
                self.stats.packetsSent += 1
                self.connections[id]?.packetsSent += 1
            } else if !connection.isClosing {
                self.logger.warning(
                    "client is not reading its replies; closing the connection",
                    metadata: ["connection.peer": "\(connection.remoteHost):\(connection.remotePort)"]
                )
                self.connections[id]?.isClosing = true
                connection.outbox.close()
            }
        case .close:
            connection.outbox.close()
        }
    }

    func releaseHeld() {
        while self.heldStart < self.held.count && self.held[self.heldStart].sequence <= self.durableSequence {
            let entry = self.held[self.heldStart]
            self.heldStart += 1
            self.deliver(entry.item, to: entry.connection, started: entry.started)
        }
        if self.heldStart == self.held.count {
            self.held.removeAll(keepingCapacity: true)
            self.heldStart = 0
        } else if self.heldStart > 4096 {
            self.held.removeFirst(self.heldStart)
            self.heldStart = 0
        }
    }

    // MARK: - Transactions

    /// Applies a transaction, queues it for the log, and fires the watches it triggers.
    @discardableResult
    func commit(_ body: TxnBody, sessionId: Int64, cxid: Int32) -> (zxid: Int64, outcome: TxnOutcome) {
        let header = TxnHeader(
            clientId: sessionId, cxid: cxid, zxid: self.database.lastZxid + 1, time: Self.wallClockMillis(),
            type: body.opCode.rawValue
        )
        var triggers: [WatchTrigger] = []
        let outcome = self.database.apply(body, header: header, triggers: &triggers)
        self.appendedSequence += 1
        TransactionLogFormat.writeRecord(header: header, body: body, to: &self.openBatch)
        self.transactionsSinceSnapshot += 1
        if self.transactionsSinceSnapshot >= self.configuration.snapCount {
            self.transactionsSinceSnapshot = 0
            self.sealOpenBatch()
            self.logJobs.append(.snapshot(SnapshotFormat.encode(self.database), zxid: header.zxid))
        }
        self.fire(triggers)
        self.scheduleFlush()
        return (header.zxid, outcome)
    }

    private func fire(_ triggers: [WatchTrigger]) {
        var processed: Set<Int> = []
        for trigger in triggers {
            let fired = self.watches.trigger(trigger, suppressed: trigger.suppressesDataWatchers ? processed : [])
            if trigger.table == .data && trigger.type == .nodeDeleted { processed = fired }
            guard !fired.isEmpty else { continue }
            var buffer = ByteBuffer()
            buffer.writeZooKeeperPacket { packet in
                ReplyHeader(xid: Xid.notification, zxid: -1, err: 0).write(to: &packet)
                WatcherEvent(type: trigger.type.rawValue, state: KeeperState.syncConnected.rawValue, path: trigger.path)
                    .write(to: &packet)
            }
            for connection in fired.sorted() { self.enqueue(.bytes(buffer), to: connection) }
        }
    }

    private func sealOpenBatch() {
        guard self.openBatch.readableBytes > 0 else { return }
        self.logJobs.append(.records(self.openBatch, sequence: self.appendedSequence, lastZxid: self.database.lastZxid))
        self.openBatch = ByteBuffer()
    }

    private func scheduleFlush() {
        guard !self.isFlushing else { return }
        if self.logJobs.isEmpty { self.sealOpenBatch() }
        guard !self.logJobs.isEmpty else { return }
        self.isFlushing = true
        let job = self.logJobs.removeFirst()
        Task { await self.perform(job) }
    }

    private func perform(_ job: LogJob) async {
        let directory = self.dataDirectory
        let retain = self.configuration.purgeInterval > 0 ? self.configuration.snapRetainCount : nil
        do {
            switch job {
            case .records(let buffer, let sequence, let lastZxid):
                try await self.ioPool.runIfActive { try directory.append(buffer) }
                self.durableSequence = sequence
                self.durableZxid = lastZxid
            case .snapshot(let bytes, let zxid):
                try await self.ioPool.runIfActive {
                    try directory.startLog(firstZxid: zxid + 1)
                    try directory.writeSnapshot(bytes, zxid: zxid, retain: retain)
                }
            }
        } catch {
            self.logger.critical("cannot write to dataDir; stopping", metadata: ["error": "\(error)"])
            self.failureContinuation.yield(
                error as? PersistenceError ?? .systemCall("write", path: directory.path, errno: 0))
            return
        }
        self.isFlushing = false
        self.releaseHeld()
        self.scheduleFlush()
    }

    // MARK: - Sessions

    /// Expires sessions whose client has been silent longer than the negotiated timeout.
    func expireSessions() {
        let now = ContinuousClock.now
        for (session, state) in self.sessions where now - state.lastSeen > .milliseconds(Int64(state.timeout)) {
            self.logger.info("Expiring session \(Self.hex(session)), timeout of \(state.timeout)ms exceeded")
            self.closeSession(session, cxid: 0)
            if let connection = state.connection { self.closeConnection(connection) }
        }
    }

    /// Deletes empty containers that once had children and expired TTL nodes, as ZooKeeper's
    /// `ContainerManager` does every `znode.container.checkIntervalMs`.
    func cleanUpContainersAndTTLs() {
        let tree = self.database.tree
        let now = Self.wallClockMillis()
        var doomed: [String] = []
        for path in tree.containers.sorted() {
            guard let node = tree.node(at: path), node.children.isEmpty, node.stat.cversion > 0 else { continue }
            doomed.append(path)
        }
        for path in tree.ttls.sorted() {
            guard let node = tree.node(at: path), node.children.isEmpty else { continue }
            if now - node.stat.mtime > EphemeralOwner.ttlValue(node.stat.ephemeralOwner) { doomed.append(path) }
        }
        for path in doomed {
            self.logger.debug("deleting empty container or expired TTL node", metadata: ["path": "\(path)"])
            self.commit(.delete(DeleteTxn(path: path)), sessionId: 0, cxid: 0)
        }
    }

    /// Closes connections that never completed the handshake (ZooKeeper's sessionless timeout).
    func closeSessionlessConnections(olderThan milliseconds: Int64) {
        let now = Self.wallClockMillis()
        for (id, connection) in self.connections
        where connection.sessionId == nil && now - connection.established > milliseconds {
            self.closeConnection(id)
        }
    }

    @discardableResult
    func closeSession(_ session: Int64, cxid: Int32) -> Int64 {
        let paths = (self.database.tree.ephemerals[session] ?? []).sorted()
        self.sessions[session] = nil
        return self.commit(.closeSession(CloseSessionTxn(paths2Delete: paths)), sessionId: session, cxid: cxid).zxid
    }

    func touch(_ session: Int64) {
        self.sessions[session]?.lastSeen = .now
    }

    func makeSessionId() -> Int64 {
        repeat {
            self.nextSessionId &+= 1
        } while self.sessions[self.nextSessionId] != nil || self.nextSessionId == EphemeralOwner.container
        return self.nextSessionId
    }
}
