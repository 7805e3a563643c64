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
    let eventLoopGroup: any EventLoopGroup

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

    var state: State = .idle
    /// The session id, 0 before the first connection.
    public internal(set) var sessionId: Int64 = 0
    var password = [UInt8](repeating: 0, count: 16)
    /// The timeout the server granted, in milliseconds.
    public internal(set) var negotiatedTimeout: Int32 = 0
    /// The newest zxid seen, sent when reconnecting so a lagging server cannot serve older data.
    public internal(set) var lastZxid: Int64 = 0
    var serverIndex = 0
    var generation = 0
    var connection: Connection?
    private var nextXid: Int32 = 1
    var pending: [Int32: Pending] = [:]
    var pendingAuth: [CheckedContinuation<Void, any Error>?] = []
    var authInfo: [(scheme: String, auth: [UInt8])] = []
    var watches = ClientWatchTable()
    var sessionSubscribers: [Int: AsyncStream<SessionEvent>.Continuation] = [:]
    var connectWaiters: [Int: CheckedContinuation<Void, any Error>] = [:]
    var handshakeWaiter: CheckedContinuation<Void, Never>?
    var nextWaiterID = 0
    var pingTask: Task<Void, Never>?
    /// Set by `suspend()`: no connection is made until `resume()`.
    var isSuspended = false

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

    func emit(_ event: SessionEvent) {
        for continuation in self.sessionSubscribers.values { continuation.yield(event) }
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

    func registerWatch(for request: Pending, error: ErrorCode) {
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
