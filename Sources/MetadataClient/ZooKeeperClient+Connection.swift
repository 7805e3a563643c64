import Logging
import NIOCore
import NIOPosix
import ZooKeeperProtocol

/// Connecting to one of the servers, the handshake that creates or resumes the session, pings,
/// and the packets that arrive: replies matched to their requests, and watch events.
extension ZooKeeperClient {
    // MARK: - Connecting

    func waitForConnection(timeout: Duration) async throws {
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

    func reconnectLoop() async {
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

    func shutDown(error: ZooKeeperClientError, event: SessionEvent) {
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
}
