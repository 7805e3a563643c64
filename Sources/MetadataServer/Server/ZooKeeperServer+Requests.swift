import Logging
import NIOCore
import ZooKeeperProtocol

/// Decoding requests and building replies, in ZooKeeper 3.8's formats.
extension ZooKeeperServer {
    func handleConnect(_ buffer: inout ByteBuffer, connection id: Int) {
        guard let request = Self.decodeConnectRequest(&buffer) else {
            self.logger.info("closing connection: the first packet is not a ConnectRequest")
            self.closeConnection(id)
            return
        }
        if request.lastZxidSeen > self.database.lastZxid {
            self.logger.info(
                "Refusing session request for client as it has seen zxid \(Self.hex(request.lastZxidSeen)) our last zxid is \(Self.hex(self.database.lastZxid))"
            )
            self.closeConnection(id)
            return
        }
        let timeout = self.configuration.negotiatedTimeout(request.timeOut)
        var session = request.sessionId
        if session == 0 {
            session = self.makeSessionId()
            self.sessions[session] = SessionState(timeout: timeout, connection: id, lastSeen: .now)
            self.commit(.createSession(CreateSessionTxn(timeOut: timeout)), sessionId: session, cxid: 0)
            self.logger.debug(
                "established session", metadata: ["session": "\(Self.hex(session))", "timeout": "\(timeout)"])
        } else if self.sessions[session] != nil, request.passwd == SessionPassword.make(for: session) {
            if let previous = self.sessions[session]?.connection, previous != id {
                self.closeConnection(previous)
            }
            self.sessions[session]?.connection = id
            self.sessions[session]?.timeout = timeout
            self.sessions[session]?.lastSeen = .now
        } else {
            // Expired, unknown or wrong password: timeout 0 tells the client its session is gone.
            self.logger.info("Invalid session \(Self.hex(session)) for client, probably expired")
            var reply = ByteBuffer()
            reply.writeZooKeeperPacket {
                ConnectResponse(
                    protocolVersion: 0, timeOut: 0, sessionId: 0, passwd: [UInt8](repeating: 0, count: 16),
                    readOnly: false
                ).write(to: &$0)
            }
            self.enqueue(.bytes(reply), to: id)
            self.closeConnection(id)
            return
        }
        self.connections[id]?.sessionId = session
        self.connections[id]?.lastOperation = "SESS"
        var reply = ByteBuffer()
        reply.writeZooKeeperPacket {
            ConnectResponse(
                protocolVersion: 0, timeOut: timeout, sessionId: session, passwd: SessionPassword.make(for: session),
                readOnly: false
            ).write(to: &$0)
        }
        if request.sessionId == 0 {
            self.enqueue(.bytes(reply), to: id)  // after the createSession transaction is on disk
        } else {
            self.sendNow(reply, to: id)  // a resumed session changes nothing on disk
        }
    }

    /// Older clients omit the trailing readOnly flag, so it is optional here.
    static func decodeConnectRequest(_ buffer: inout ByteBuffer) -> ConnectRequest? {
        do {
            var request = ConnectRequest()
            request.protocolVersion = try buffer.readJuteInt()
            request.lastZxidSeen = try buffer.readJuteLong()
            request.timeOut = try buffer.readJuteInt()
            request.sessionId = try buffer.readJuteLong()
            request.passwd = try buffer.readJuteBuffer() ?? []
            if buffer.readableBytes > 0 { request.readOnly = try buffer.readJuteBool() }
            return request
        } catch {
            return nil
        }
    }

    func handleRequest(_ buffer: inout ByteBuffer, connection id: Int) {
        guard let header = try? RequestHeader(from: &buffer), let connection = self.connections[id],
            let session = connection.sessionId
        else {
            self.closeConnection(id)
            return
        }
        guard self.sessions[session] != nil else {
            self.reply(id, xid: header.xid, error: .sessionExpired)
            self.closeConnection(id)
            return
        }
        let opCode = OpCode(rawValue: header.type)
        // ZooKeeper answers SASL packets before a request reaches the session tracker, so they do
        // not keep a session alive: a client looping on SASL sees its session expire and the
        // connection close (kazoo: "Connection dropped in SASL", AuthFailedError).
        if opCode != .sasl { self.touch(session) }
        self.connections[id]?.lastCxid = header.xid
        self.connections[id]?.lastOperation = Self.shortName(opCode)
        let context = RequestContext(
            sessionId: session, identities: connection.identities,
            isExtendedTypesEnabled: self.configuration.isExtendedTypesEnabled
        )
        do throws(JuteError) {
            switch opCode {
            case .ping:
                // Clients match pings by xid, so a ping reply may pass queued replies; it carries
                // the durable zxid so a client never learns of a zxid a crash could take back.
                var buffer = ByteBuffer()
                buffer.writeZooKeeperPacket {
                    ReplyHeader(xid: Xid.ping, zxid: self.durableZxid, err: 0).write(to: &$0)
                }
                self.sendNow(buffer, to: id)
            case .closeSession:
                let zxid = self.closeSession(session, cxid: header.xid)
                self.reply(id, xid: header.xid, zxid: zxid, error: .ok)
                self.closeConnection(id)
            case .auth:
                self.handleAuth(try AuthPacket(from: &buffer), xid: header.xid, connection: id)
            case .sasl:
                // A ZooKeeper 3.8 without a JAAS `Server` section has no SASL server on the
                // connection: `processSasl` answers OK, zxid 0, with a null token (length -1), and
                // the client's SASL mechanism then fails on its own (kazoo: AuthFailedError).
                _ = try GetSASLRequest(from: &buffer)
                self.reply(id, xid: header.xid, zxid: 0, error: .ok) { $0.writeInteger(Int32(-1)) }
            case .setWatches:
                let request = try SetWatches(from: &buffer)
                self.setWatches(
                    SetWatches2(
                        relativeZxid: request.relativeZxid, dataWatches: request.dataWatches,
                        existWatches: request.existWatches, childWatches: request.childWatches
                    ), connection: id
                )
                self.reply(id, xid: header.xid, error: .ok)
            case .setWatches2:
                self.setWatches(try SetWatches2(from: &buffer), connection: id)
                self.reply(id, xid: header.xid, error: .ok)
            case .create, .create2, .createContainer:
                self.write(
                    .create(try CreateRequest(from: &buffer), opCode: opCode), xid: header.xid, context: context,
                    connection: id)
            case .createTTL:
                self.write(
                    .createTTL(try CreateTTLRequest(from: &buffer)), xid: header.xid, context: context, connection: id)
            case .delete:
                self.write(.delete(try DeleteRequest(from: &buffer)), xid: header.xid, context: context, connection: id)
            case .setData:
                self.write(
                    .setData(try SetDataRequest(from: &buffer)), xid: header.xid, context: context, connection: id)
            case .setACL:
                self.write(.setACL(try SetACLRequest(from: &buffer)), xid: header.xid, context: context, connection: id)
            case .check:
                self.write(
                    .check(try CheckVersionRequest(from: &buffer)), xid: header.xid, context: context, connection: id)
            case .multi:
                self.multi(&buffer, xid: header.xid, context: context, connection: id)
            case .multiRead:
                self.multiRead(&buffer, xid: header.xid, context: context, connection: id)
            case .reconfig:
                self.reply(id, xid: header.xid, error: .reconfigDisabled)
            default:
                if !(try self.read(opCode, &buffer, xid: header.xid, context: context, connection: id)) {
                    self.logger.info("unknown op code \(header.type); answering Unimplemented")
                    self.reply(id, xid: header.xid, error: .unimplemented)
                }
            }
        } catch {
            self.logger.info("cannot decode \(opCode) request: \(error)")
            self.reply(id, xid: header.xid, error: .marshallingError)
        }
    }

    /// Sends a reply header (and body, unless `error` is set) after everything logged so far.
    func reply(
        _ id: Int,
        xid: Int32,
        zxid: Int64? = nil,
        error: ErrorCode,
        body: ((inout ByteBuffer) -> Void)? = nil
    ) {
        var buffer = ByteBuffer()
        let zxid = zxid ?? self.database.lastZxid
        buffer.writeZooKeeperPacket { packet in
            ReplyHeader(xid: xid, zxid: zxid, err: error.rawValue).write(to: &packet)
            if error == .ok { body?(&packet) }
        }
        self.connections[id]?.lastZxid = zxid
        self.connections[id]?.lastResponseTime = Self.wallClockMillis()
        self.enqueue(.bytes(buffer), to: id, started: self.requestStarted)
    }

    private func handleAuth(_ packet: AuthPacket, xid: Int32, connection id: Int) {
        guard packet.scheme == "digest" else {
            self.logger.warning("No authentication provider for scheme: \(packet.scheme)")
            self.reply(id, xid: Xid.auth, zxid: 0, error: .authFailed)
            self.closeConnection(id)
            return
        }
        let identity = Id(
            scheme: "digest", id: ACLPolicy.digest(userAndPassword: String(decoding: packet.auth, as: UTF8.self)))
        if self.connections[id]?.identities.contains(identity) == false {
            self.connections[id]?.identities.append(identity)
        }
        self.reply(id, xid: Xid.auth, zxid: 0, error: .ok)
    }

    private func setWatches(_ request: SetWatches2, connection id: Int) {
        let tree = self.database.tree
        var events: [(EventType, String)] = []
        for path in request.dataWatches {
            if let node = tree.node(at: path) {
                if node.stat.mzxid > request.relativeZxid {
                    events.append((.nodeDataChanged, path))
                } else {
                    self.watches.addDataWatch(path, connection: id)
                }
            } else {
                events.append((.nodeDeleted, path))
            }
        }
        for path in request.existWatches {
            if tree.node(at: path) != nil {
                events.append((.nodeCreated, path))
            } else {
                self.watches.addDataWatch(path, connection: id)
            }
        }
        for path in request.childWatches {
            if let node = tree.node(at: path) {
                if node.stat.pzxid > request.relativeZxid {
                    events.append((.nodeChildrenChanged, path))
                } else {
                    self.watches.addChildWatch(path, connection: id)
                }
            } else {
                events.append((.nodeDeleted, path))
            }
        }
        for path in request.persistentWatches {
            self.watches.addPersistentWatch(path, mode: .persistent, connection: id)
        }
        for path in request.persistentRecursiveWatches {
            self.watches.addPersistentWatch(path, mode: .persistentRecursive, connection: id)
        }
        for (type, path) in events {
            var buffer = ByteBuffer()
            buffer.writeZooKeeperPacket { packet in
                ReplyHeader(xid: Xid.notification, zxid: -1, err: 0).write(to: &packet)
                WatcherEvent(type: type.rawValue, state: KeeperState.syncConnected.rawValue, path: path).write(
                    to: &packet)
            }
            self.enqueue(.bytes(buffer), to: id)
        }
    }

    // MARK: - Writes

    private func write(_ operation: WriteOperation, xid: Int32, context: RequestContext, connection id: Int) {
        let body: TxnBody
        do throws(ErrorCode) {
            body = try self.database.tree.prepare(operation, context: context)
        } catch {
            // ZooKeeper logs a failed write as an error transaction, which takes a zxid.
            body = .error(ErrorTxn(err: error.rawValue))
        }
        let (zxid, outcome) = self.commit(body, sessionId: context.sessionId, cxid: xid)
        switch outcome {
        case .error(let code):
            self.reply(id, xid: xid, zxid: zxid, error: code)
        case .created(let path, let stat):
            self.reply(id, xid: xid, zxid: zxid, error: .ok) { packet in
                if operation.opCode == .create {
                    CreateResponse(path: path).write(to: &packet)
                } else {
                    Create2Response(path: path, stat: stat).write(to: &packet)
                }
            }
        case .dataSet(let stat):
            self.reply(id, xid: xid, zxid: zxid, error: .ok) { SetDataResponse(stat: stat).write(to: &$0) }
        case .aclSet(let stat):
            self.reply(id, xid: xid, zxid: zxid, error: .ok) { SetACLResponse(stat: stat).write(to: &$0) }
        case .checked:
            let stat = self.database.tree.node(at: operation.path)?.clientStat ?? Stat()
            self.reply(id, xid: xid, zxid: zxid, error: .ok) { SetDataResponse(stat: stat).write(to: &$0) }
        case .deleted, .session, .multi:
            self.reply(id, xid: xid, zxid: zxid, error: .ok)
        }
    }

    private func multi(_ buffer: inout ByteBuffer, xid: Int32, context: RequestContext, connection id: Int) {
        var operations: [WriteOperation] = []
        do throws(JuteError) {
            while true {
                let header = try MultiHeader(from: &buffer)
                if header.done { break }
                switch OpCode(rawValue: header.type) {
                case .create, .create2, .createContainer:
                    operations.append(.create(try CreateRequest(from: &buffer), opCode: OpCode(rawValue: header.type)))
                case .createTTL: operations.append(.createTTL(try CreateTTLRequest(from: &buffer)))
                case .delete: operations.append(.delete(try DeleteRequest(from: &buffer)))
                case .setData: operations.append(.setData(try SetDataRequest(from: &buffer)))
                case .check: operations.append(.check(try CheckVersionRequest(from: &buffer)))
                default: throw JuteError.invalidLength(field: "multi op type", length: header.type)
                }
            }
        } catch {
            self.reply(id, xid: xid, error: .marshallingError)
            return
        }
        let header = TxnHeader(
            clientId: context.sessionId, cxid: xid, zxid: self.database.lastZxid + 1, time: Self.wallClockMillis(),
            type: OpCode.multi.rawValue
        )
        let body = self.database.tree.prepareMulti(operations, context: context, header: header)
        let (zxid, outcome) = self.commit(body, sessionId: context.sessionId, cxid: xid)
        guard case .multi(let outcomes) = outcome else {
            self.reply(id, xid: xid, zxid: zxid, error: .runtimeInconsistency)
            return
        }
        self.reply(id, xid: xid, zxid: zxid, error: .ok) { packet in
            for (operation, outcome) in zip(operations, outcomes) {
                switch outcome {
                case .created(let path, let stat):
                    if operation.opCode == .create {
                        MultiHeader(type: OpCode.create.rawValue, done: false, err: 0).write(to: &packet)
                        CreateResponse(path: path).write(to: &packet)
                    } else {
                        MultiHeader(type: OpCode.create2.rawValue, done: false, err: 0).write(to: &packet)
                        Create2Response(path: path, stat: stat).write(to: &packet)
                    }
                case .deleted:
                    MultiHeader(type: OpCode.delete.rawValue, done: false, err: 0).write(to: &packet)
                case .dataSet(let stat):
                    MultiHeader(type: OpCode.setData.rawValue, done: false, err: 0).write(to: &packet)
                    SetDataResponse(stat: stat).write(to: &packet)
                case .checked:
                    MultiHeader(type: OpCode.check.rawValue, done: false, err: 0).write(to: &packet)
                case .error(let code):
                    MultiHeader(type: OpCode.error.rawValue, done: false, err: code.rawValue).write(to: &packet)
                    ErrorResponse(err: code.rawValue).write(to: &packet)
                case .aclSet, .session, .multi:
                    MultiHeader(type: OpCode.error.rawValue, done: false, err: ErrorCode.runtimeInconsistency.rawValue)
                        .write(to: &packet)
                    ErrorResponse(err: ErrorCode.runtimeInconsistency.rawValue).write(to: &packet)
                }
            }
            MultiHeader(type: -1, done: true, err: -1).write(to: &packet)
        }
    }

    static func shortName(_ opCode: OpCode) -> String {
        switch opCode {
        case .ping: "PING"
        case .create, .create2, .createContainer, .createTTL: "CREA"
        case .delete: "DELE"
        case .exists: "EXIS"
        case .getData: "GETD"
        case .setData: "SETD"
        case .getChildren, .getChildren2: "GETC"
        case .multi: "MULT"
        case .closeSession: "CLOS"
        case .sync: "SYNC"
        default: "MISC"
        }
    }
}

extension WriteOperation {
    var path: String {
        switch self {
        case .create(let request, _): request.path
        case .createTTL(let request): request.path
        case .delete(let request): request.path
        case .setData(let request): request.path
        case .setACL(let request): request.path
        case .check(let request): request.path
        }
    }
}
