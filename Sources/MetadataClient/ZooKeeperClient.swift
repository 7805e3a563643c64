import Logging
import NIOCore
import NIOPosix
import ZooKeeperProtocol

/// An asynchronous ZooKeeper client for Samsa's brokers, REPL and labs; works against samsa-meta
/// and a real ZooKeeper 3.8.
///
/// One actor owns the session: requests are pipelined on one connection (each call waits only
/// for its own reply), watches arrive on `AsyncStream`s, and a dropped connection is replaced by
/// one to the next server in the connect string, resuming the session and re-registering
/// watches with `setWatches2`, as ZooKeeper's own clients do.
public actor ZooKeeperClient {
    public nonisolated let servers: [ServerAddress]
    /// Prefix of every path on the server (`host:port/chroot`); paths in this API are relative to it.
    public nonisolated let chroot: String?
    /// The session timeout asked for; the server clamps it (see `negotiatedTimeout`).
    public nonisolated let requestedTimeout: Int32
    let logger: Logger
    private let eventLoopGroup: any EventLoopGroup

    enum State {
        case idle
        case connecting
        case connected
        case expired
        case closed
    }

    struct Connection {
        let generation: Int
        let channel: any Channel
        let outbox: AsyncStream<ByteBuffer>.Continuation
        var isHandshaken = false
        var lastReceived = ContinuousClock.now
    }

    enum WatchKind {
        case data
        case exist
        case child
        case persistent(AddWatchMode)
    }

    struct Pending {
        let opCode: OpCode
        let continuation: CheckedContinuation<(ReplyHeader, ByteBuffer), any Error>
        let watchPath: String
        let watch: (kind: WatchKind, continuation: AsyncStream<WatchedEvent>.Continuation)?
    }

    private(set) var state: State = .idle
    /// The session id, 0 before the first connection.
    public private(set) var sessionId: Int64 = 0
    private var password = [UInt8](repeating: 0, count: 16)
    /// The timeout the server granted, in milliseconds.
    public private(set) var negotiatedTimeout: Int32 = 0
    /// The newest zxid seen, sent when reconnecting so a lagging server cannot serve older data.
    public private(set) var lastZxid: Int64 = 0
    private var serverIndex = 0
    private var generation = 0
    private var connection: Connection?
    private var nextXid: Int32 = 1
    private var pending: [Int32: Pending] = [:]
    private var pendingAuth: [CheckedContinuation<Void, any Error>?] = []
    private var authInfo: [(scheme: String, auth: [UInt8])] = []
    var watches = ClientWatchTable()
    private var sessionSubscribers: [Int: AsyncStream<SessionEvent>.Continuation] = [:]
    private var connectWaiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    private var handshakeWaiter: CheckedContinuation<Void, Never>?
    private var nextWaiterID = 0
    private var pingTask: Task<Void, Never>?
    /// Set by `suspend()`: no connection is made until `resume()`.
    private var isSuspended = false

    /// - Parameters:
    ///   - connectString: `host:port[,host:port...][/chroot]`, like ZooKeeper's and Kafka's
    ///     `zookeeper.connect`.
    ///   - sessionTimeout: how long the server keeps the session (and its ephemerals) without
    ///     hearing from this client.
    public init(
        connectString: String,
        sessionTimeout: Duration = .seconds(10),
        logger: Logger = Logger(label: "samsa.zookeeper-client"),
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(ZooKeeperClientError) {
        (self.servers, self.chroot) = try ServerAddress.parse(connectStringWithChroot: connectString)
        let milliseconds =
            sessionTimeout.components.seconds * 1000 + sessionTimeout.components.attoseconds / 1_000_000_000_000_000
        self.requestedTimeout = Int32(clamping: milliseconds)
        self.logger = logger
        self.eventLoopGroup = eventLoopGroup
    }

    /// Connects and creates the session; returns once connected. Throws `connectionLoss` if no
    /// server answered within `timeout` (default: the session timeout); the client keeps trying.
    public func connect(timeout: Duration? = nil) async throws {
        switch self.state {
        case .connected: return
        case .expired: throw ZooKeeperClientError.sessionExpired
        case .closed: throw ZooKeeperClientError.closed
        case .idle:
            self.state = .connecting
            Task { await self.reconnectLoop() }
        case .connecting:
            break
        }
        try await self.waitForConnection(timeout: timeout ?? .milliseconds(Int64(self.requestedTimeout)))
    }

    /// Ends the session (its ephemerals are deleted at once) and the connection.
    public func close() async {
        guard self.state != .closed else { return }
        if self.state == .connected {
            _ = try? await self.closeSessionRequest()
        }
        self.state = .closed
        self.shutDown(error: .closed, event: .closed)
    }

    private func closeSessionRequest() async throws {
        let request = Task { try await self.submit(.closeSession, path: "/") { _ in } }
        let timer = Task {
            try? await Task.sleep(for: .seconds(2))
            request.cancel()
        }
        _ = try? await request.value
        timer.cancel()
    }

    /// Cuts this client off from the servers, as a network partition would: the connection is
    /// closed and none is opened again until `resume()`. Nothing tells the server, so the session
    /// expires after its timeout; calls made meanwhile wait for a connection as during any
    /// reconnect. Samsa's fault injection (`fault isolate`) uses it to make a zombie leader.
    public func suspend() {
        guard !self.isSuspended else { return }
        self.isSuspended = true
        self.logger.warning("connection to ZooKeeper suspended", metadata: ["session": "\(Self.hex(self.sessionId))"])
        if let connection = self.connection {
            connection.outbox.finish()
            connection.channel.close(promise: nil)
        }
    }

    /// Ends `suspend()`: the client reconnects and resumes its session, or learns it expired.
    public func resume() {
        guard self.isSuspended else { return }
        self.isSuspended = false
        self.logger.info("connection to ZooKeeper resumed", metadata: ["session": "\(Self.hex(self.sessionId))"])
    }

    /// A stream of session state changes, starting from now.
    public func sessionEvents() -> AsyncStream<SessionEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: SessionEvent.self)
        if self.state == .closed || self.state == .expired {
            continuation.yield(self.state == .closed ? .closed : .expired)
            continuation.finish()
            return stream
        }
        let id = self.nextWaiterID
        self.nextWaiterID += 1
        self.sessionSubscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        self.sessionSubscribers[id] = nil
    }

    private func emit(_ event: SessionEvent) {
        for continuation in self.sessionSubscribers.values { continuation.yield(event) }
    }

    // MARK: - Connecting

    private func waitForConnection(timeout: Duration) async throws {
        if self.state == .connected { return }
        let id = self.nextWaiterID
        self.nextWaiterID += 1
        let timer = Task {
            try? await Task.sleep(for: timeout)
            self.waiterTimedOut(id)
        }
        defer { timer.cancel() }
        try await withCheckedThrowingContinuation { continuation in
            switch self.state {
            case .connected: continuation.resume()
            case .expired: continuation.resume(throwing: ZooKeeperClientError.sessionExpired)
            case .closed: continuation.resume(throwing: ZooKeeperClientError.closed)
            default: self.connectWaiters[id] = continuation
            }
        }
    }

    private func waiterTimedOut(_ id: Int) {
        self.connectWaiters.removeValue(forKey: id)?.resume(throwing: ZooKeeperClientError.connectionLoss)
    }

    private func reconnectLoop() async {
        var attempt = 0
        while self.state == .connecting {
            if self.isSuspended {
                try? await Task.sleep(for: .milliseconds(100))
                continue
            }
            let server = self.servers[self.serverIndex % self.servers.count]
            self.serverIndex += 1
            do {
                try await self.open(server)
                await withCheckedContinuation { continuation in
                    if self.connection?.isHandshaken == true || self.connection == nil {
                        continuation.resume()
                    } else {
                        self.handshakeWaiter = continuation
                    }
                }
            } catch {
                self.logger.debug("cannot connect", metadata: ["server": "\(server)", "error": "\(error)"])
            }
            guard self.state == .connecting else { return }
            attempt += 1
            try? await Task.sleep(for: .milliseconds(min(1000, 50 * attempt)))
        }
    }

    private func open(_ server: ServerAddress) async throws {
        let timeout = Int64(max(1000, Int(self.requestedTimeout) / max(1, self.servers.count)))
        let channel = try await ClientBootstrap(group: self.eventLoopGroup)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connectTimeout(.milliseconds(timeout))
            .connect(host: server.host, port: server.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(ZooKeeperFrameDecoder(maximumLength: 64 << 20))
                    )
                    return try NIOAsyncChannel<InboundPacket, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        guard self.state == .connecting, !self.isSuspended else {
            try? await channel.channel.close()
            return
        }
        self.generation += 1
        let generation = self.generation
        let (stream, outbox) = AsyncStream.makeStream(of: ByteBuffer.self)
        self.connection = Connection(generation: generation, channel: channel.channel, outbox: outbox)
        var request = ByteBuffer()
        request.writeZooKeeperPacket {
            ConnectRequest(
                protocolVersion: 0, lastZxidSeen: self.lastZxid, timeOut: self.requestedTimeout,
                sessionId: self.sessionId, passwd: self.password, readOnly: false
            ).write(to: &$0)
        }
        outbox.yield(request)
        Task { await Self.run(channel, outgoing: stream, client: self, generation: generation) }
        // A server that accepts but never answers must not stall the loop.
        Task {
            try? await Task.sleep(for: .milliseconds(timeout))
            await self.handshakeTimedOut(generation)
        }
    }

    private func handshakeTimedOut(_ generation: Int) {
        guard let connection = self.connection, connection.generation == generation, !connection.isHandshaken else {
            return
        }
        self.logger.debug("no ConnectResponse in time; trying the next server")
        connection.outbox.finish()
        connection.channel.close(promise: nil)
    }

    private static func run(
        _ channel: NIOAsyncChannel<InboundPacket, ByteBuffer>,
        outgoing: AsyncStream<ByteBuffer>,
        client: ZooKeeperClient,
        generation: Int
    ) async {
        do {
            try await channel.executeThenClose { inbound, outbound in
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await buffer in outgoing { try await outbound.write(buffer) }
                    }
                    group.addTask {
                        for try await packet in inbound { await client.received(packet, generation: generation) }
                    }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            client.logger.debug("connection ended", metadata: ["error": "\(error)"])
        }
        await client.connectionEnded(generation: generation)
    }

    private func connectionEnded(generation: Int) {
        guard let connection = self.connection, connection.generation == generation else { return }
        self.connection = nil
        connection.outbox.finish()
        self.pingTask?.cancel()
        self.failPending(.connectionLoss)
        self.handshakeWaiter?.resume()
        self.handshakeWaiter = nil
        if self.state == .connected {
            self.state = .connecting
            self.logger.info(
                "disconnected from ZooKeeper; reconnecting", metadata: ["session": "\(Self.hex(self.sessionId))"])
            self.emit(.disconnected)
            Task { await self.reconnectLoop() }
        }
    }

    private func failPending(_ error: ZooKeeperClientError) {
        let pending = self.pending
        self.pending = [:]
        for request in pending.values {
            request.watch?.continuation.finish()
            request.continuation.resume(throwing: error)
        }
        let auth = self.pendingAuth
        self.pendingAuth = []
        for continuation in auth { continuation?.resume(throwing: error) }
    }

    private func shutDown(error: ZooKeeperClientError, event: SessionEvent) {
        self.pingTask?.cancel()
        if let connection = self.connection {
            connection.outbox.finish()
            connection.channel.close(promise: nil)
        }
        self.connection = nil
        self.failPending(error)
        self.handshakeWaiter?.resume()
        self.handshakeWaiter = nil
        let waiters = self.connectWaiters
        self.connectWaiters = [:]
        for waiter in waiters.values { waiter.resume(throwing: error) }
        self.watches.finishAll()
        self.emit(event)
        for continuation in self.sessionSubscribers.values { continuation.finish() }
        self.sessionSubscribers = [:]
    }

    // MARK: - Incoming packets

    private func received(_ packet: InboundPacket, generation: Int) {
        guard let connection = self.connection, connection.generation == generation,
            case .packet(var buffer) = packet
        else { return }
        self.connection?.lastReceived = .now
        if !connection.isHandshaken {
            self.handshake(&buffer, connection: connection)
            return
        }
        guard let header = try? ReplyHeader(from: &buffer) else {
            self.drop(connection, reason: "unreadable reply header")
            return
        }
        if header.zxid > 0 { self.lastZxid = max(self.lastZxid, header.zxid) }
        switch header.xid {
        case Xid.notification:
            guard let event = try? WatcherEvent(from: &buffer) else { return }
            if let type = EventType(rawValue: event.type), type != .none {
                self.watches.dispatch(WatchedEvent(type: type, path: self.clientPath(event.path)))
            }
        case Xid.ping, Xid.setWatches:
            return
        case Xid.auth:
            let waiter = self.pendingAuth.isEmpty ? nil : self.pendingAuth.removeFirst()
            if header.err == 0 {
                waiter?.resume()
            } else {
                waiter?.resume(throwing: ZooKeeperClientError.server(ErrorCode(rawValue: header.err), path: "/"))
                self.emit(.authFailed)
            }
        default:
            guard let request = self.pending.removeValue(forKey: header.xid) else {
                self.logger.warning("reply for unknown xid \(header.xid)")
                return
            }
            self.registerWatch(for: request, error: ErrorCode(rawValue: header.err))
            request.continuation.resume(returning: (header, buffer))
        }
    }

    private func handshake(_ buffer: inout ByteBuffer, connection: Connection) {
        guard let response = Self.decodeConnectResponse(&buffer) else {
            self.drop(connection, reason: "unreadable ConnectResponse")
            return
        }
        guard response.timeOut > 0 else {
            self.logger.info("ZooKeeper session expired", metadata: ["session": "\(Self.hex(self.sessionId))"])
            self.state = .expired
            self.shutDown(error: .sessionExpired, event: .expired)
            return
        }
        let isNew = self.sessionId != response.sessionId
        self.sessionId = response.sessionId
        self.password = response.passwd
        self.negotiatedTimeout = response.timeOut
        self.connection?.isHandshaken = true
        self.state = .connected
        self.logger.info(
            isNew ? "ZooKeeper session established" : "ZooKeeper session resumed",
            metadata: ["session": "\(Self.hex(self.sessionId))", "timeout": "\(response.timeOut)"]
        )
        if !self.watches.isEmpty {
            var packet = ByteBuffer()
            packet.writeZooKeeperPacket {
                RequestHeader(xid: Xid.setWatches, type: OpCode.setWatches2.rawValue).write(to: &$0)
                self.watches.registration(relativeZxid: self.lastZxid, serverPath: self.serverPath).write(to: &$0)
            }
            connection.outbox.yield(packet)
        }
        for (scheme, auth) in self.authInfo {
            self.pendingAuth.append(nil)
            connection.outbox.yield(Self.authPacket(scheme: scheme, auth: auth))
        }
        self.handshakeWaiter?.resume()
        self.handshakeWaiter = nil
        let waiters = self.connectWaiters
        self.connectWaiters = [:]
        for waiter in waiters.values { waiter.resume() }
        self.emit(.connected(sessionId: self.sessionId))
        self.startPinging(generation: connection.generation)
    }

    static func decodeConnectResponse(_ buffer: inout ByteBuffer) -> ConnectResponse? {
        do {
            var response = ConnectResponse()
            response.protocolVersion = try buffer.readJuteInt()
            response.timeOut = try buffer.readJuteInt()
            response.sessionId = try buffer.readJuteLong()
            response.passwd = try buffer.readJuteBuffer() ?? []
            if buffer.readableBytes > 0 { response.readOnly = try buffer.readJuteBool() }
            return response
        } catch {
            return nil
        }
    }

    private func drop(_ connection: Connection, reason: String) {
        self.logger.warning("dropping connection: \(reason)")
        connection.outbox.finish()
        connection.channel.close(promise: nil)
    }

    /// Pings at a third of the timeout; a server silent for two thirds is given up on, as the
    /// Java client's read timeout does, so the session can be resumed elsewhere in time.
    private func startPinging(generation: Int) {
        self.pingTask?.cancel()
        let timeout = Int64(self.negotiatedTimeout)
        self.pingTask = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(max(50, timeout / 3)))
                guard !Task.isCancelled else { return }
                await self.ping(generation: generation, readTimeout: .milliseconds(timeout * 2 / 3))
            }
        }
    }

    private func ping(generation: Int, readTimeout: Duration) {
        guard let connection = self.connection, connection.generation == generation else { return }
        if ContinuousClock.now - connection.lastReceived > readTimeout {
            self.drop(connection, reason: "no reply from the server for \(readTimeout)")
            return
        }
        var packet = ByteBuffer()
        packet.writeZooKeeperPacket { RequestHeader(xid: Xid.ping, type: OpCode.ping.rawValue).write(to: &$0) }
        connection.outbox.yield(packet)
    }

    // MARK: - Requests

    /// Sends one request and waits for its reply; requests from concurrent callers are pipelined.
    func submit(
        _ opCode: OpCode,
        path: String,
        watch: (kind: WatchKind, continuation: AsyncStream<WatchedEvent>.Continuation)? = nil,
        body: (inout ByteBuffer) -> Void
    ) async throws -> (ReplyHeader, ByteBuffer) {
        if self.state != .connected {
            do {
                try await self.waitForConnection(
                    timeout: .milliseconds(Int64(max(self.negotiatedTimeout, self.requestedTimeout))))
            } catch {
                watch?.continuation.finish()
                throw error
            }
        }
        guard let connection = self.connection, self.state == .connected else {
            watch?.continuation.finish()
            throw ZooKeeperClientError.connectionLoss
        }
        let xid = self.nextXid
        self.nextXid = self.nextXid == Int32.max ? 1 : self.nextXid + 1
        var packet = ByteBuffer()
        packet.writeZooKeeperPacket {
            RequestHeader(xid: xid, type: opCode.rawValue).write(to: &$0)
            body(&$0)
        }
        return try await withCheckedThrowingContinuation { continuation in
            self.pending[xid] = Pending(opCode: opCode, continuation: continuation, watchPath: path, watch: watch)
            connection.outbox.yield(packet)
        }
    }

    private func registerWatch(for request: Pending, error: ErrorCode) {
        guard let (kind, continuation) = request.watch else { return }
        let path = request.watchPath
        switch (kind, error) {
        case (.data, .ok):
            self.watches.data[path, default: []].append(continuation)
        case (.exist, .ok):
            self.watches.data[path, default: []].append(continuation)
        case (.exist, .noNode):
            self.watches.exist[path, default: []].append(continuation)
        case (.child, .ok):
            self.watches.child[path, default: []].append(continuation)
        case (.persistent(.persistent), .ok):
            self.watches.persistent[path, default: []].append(continuation)
        case (.persistent(.persistentRecursive), .ok):
            self.watches.recursive[path, default: []].append(continuation)
        default:
            continuation.finish()
        }
    }

    /// Adds credentials to the connection (and to every later one), e.g. `("digest", "user:pw")`.
    public func addAuth(scheme: String, auth: [UInt8]) async throws {
        if self.state != .connected {
            try await self.waitForConnection(timeout: .milliseconds(Int64(self.requestedTimeout)))
        }
        guard let connection = self.connection else { throw ZooKeeperClientError.connectionLoss }
        self.authInfo.append((scheme, auth))
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            self.pendingAuth.append(continuation)
            connection.outbox.yield(Self.authPacket(scheme: scheme, auth: auth))
        }
    }

    static func authPacket(scheme: String, auth: [UInt8]) -> ByteBuffer {
        var packet = ByteBuffer()
        packet.writeZooKeeperPacket {
            RequestHeader(xid: Xid.auth, type: OpCode.auth.rawValue).write(to: &$0)
            AuthPacket(type: 0, scheme: scheme, auth: auth).write(to: &$0)
        }
        return packet
    }

    static func hex(_ value: Int64) -> String { "0x" + String(UInt64(bitPattern: value), radix: 16) }

    /// The server's path for a client path (adds the chroot).
    nonisolated func serverPath(_ path: String) -> String {
        guard let chroot = self.chroot else { return path }
        return path == "/" ? chroot : chroot + path
    }

    /// The client's path for a server path (strips the chroot).
    nonisolated func clientPath(_ path: String) -> String {
        guard let chroot = self.chroot else { return path }
        if path == chroot { return "/" }
        return path.hasPrefix(chroot + "/") ? String(path.dropFirst(chroot.count)) : path
    }
}
