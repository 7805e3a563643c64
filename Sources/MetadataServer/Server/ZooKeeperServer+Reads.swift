import NIOCore
import ZooKeeperProtocol

/// Read-only requests, answered from the tree with ZooKeeper 3.8's checks and watch rules.
extension ZooKeeperServer {
    /// Answers a read request; false if `opCode` is not one.
    func read(
        _ opCode: OpCode,
        _ buffer: inout ByteBuffer,
        xid: Int32,
        context: RequestContext,
        connection id: Int
    ) throws(JuteError) -> Bool {
        let tree = self.database.tree
        switch opCode {
        case .exists:
            let request = try ExistsRequest(from: &buffer)
            guard !request.path.contains("\0") else {
                self.reply(id, xid: xid, error: .badArguments)
                return true
            }
            // ZooKeeper 3.8.0 checks no ACL on exists (3.8.4 added a READ check); we match 3.8.0,
            // the version the differential tests run against.
            let node = tree.node(at: request.path)
            if request.watch { self.watches.addDataWatch(request.path, connection: id) }
            if let node {
                self.reply(id, xid: xid, error: .ok) { ExistsResponse(stat: node.clientStat).write(to: &$0) }
            } else {
                self.reply(id, xid: xid, error: .noNode)
            }
        case .getData:
            let request = try GetDataRequest(from: &buffer)
            switch self.getData(request.path, watch: request.watch, context: context, connection: id) {
            case .success(let response): self.reply(id, xid: xid, error: .ok) { response.write(to: &$0) }
            case .failure(let error): self.reply(id, xid: xid, error: error)
            }
        case .getChildren:
            let request = try GetChildrenRequest(from: &buffer)
            switch self.getChildren(request.path, watch: request.watch, context: context, connection: id) {
            case .success(let (children, _)):
                self.reply(id, xid: xid, error: .ok) { GetChildrenResponse(children: children).write(to: &$0) }
            case .failure(let error): self.reply(id, xid: xid, error: error)
            }
        case .getChildren2:
            let request = try GetChildren2Request(from: &buffer)
            switch self.getChildren(request.path, watch: request.watch, context: context, connection: id) {
            case .success(let (children, stat)):
                self.reply(id, xid: xid, error: .ok) {
                    GetChildren2Response(children: children, stat: stat).write(to: &$0)
                }
            case .failure(let error): self.reply(id, xid: xid, error: error)
            }
        case .getACL:
            let request = try GetACLRequest(from: &buffer)
            guard let node = tree.node(at: request.path) else {
                self.reply(id, xid: xid, error: .noNode)
                return true
            }
            guard ACLPolicy.isAllowed([.read, .admin], acl: node.acl, identities: context.identities) else {
                self.reply(id, xid: xid, error: .noAuth)
                return true
            }
            var acl = node.acl
            if !ACLPolicy.isAllowed(.admin, acl: node.acl, identities: context.identities) {
                // Without ADMIN, digest hashes are hidden, as in ZooKeeper 3.8.
                acl = acl.map { entry in
                    guard entry.id.scheme == "digest" else { return entry }
                    let user = entry.id.id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                    return ACL(perms: entry.perms, id: Id(scheme: "digest", id: user + ":x"))
                }
            }
            self.reply(id, xid: xid, error: .ok) { GetACLResponse(acl: acl, stat: node.clientStat).write(to: &$0) }
        case .getAllChildrenNumber:
            let request = try GetAllChildrenNumberRequest(from: &buffer)
            guard let node = tree.node(at: request.path) else {
                self.reply(id, xid: xid, error: .noNode)
                return true
            }
            guard ACLPolicy.isAllowed(.read, acl: node.acl, identities: context.identities) else {
                self.reply(id, xid: xid, error: .noAuth)
                return true
            }
            let count = Int32(clamping: tree.descendantCount(of: request.path))
            self.reply(id, xid: xid, error: .ok) { GetAllChildrenNumberResponse(totalNumber: count).write(to: &$0) }
        case .getEphemerals:
            let request = try GetEphemeralsRequest(from: &buffer)
            let all = (tree.ephemerals[context.sessionId] ?? []).sorted()
            let prefix = request.prefixPath.trimmingSpaces
            let paths = prefix.isEmpty || prefix == "/" ? all : all.filter { $0.hasPrefix(request.prefixPath) }
            self.reply(id, xid: xid, error: .ok) { GetEphemeralsResponse(ephemerals: paths).write(to: &$0) }
        case .sync:
            let request = try SyncRequest(from: &buffer)
            self.reply(id, xid: xid, error: .ok) { SyncResponse(path: request.path).write(to: &$0) }
        case .addWatch:
            let request = try AddWatchRequest(from: &buffer)
            guard let mode = AddWatchMode(rawValue: request.mode) else {
                self.reply(id, xid: xid, error: .marshallingError)
                return true
            }
            self.watches.addPersistentWatch(request.path, mode: mode, connection: id)
            self.reply(id, xid: xid, error: .ok) { ErrorResponse(err: 0).write(to: &$0) }
        case .checkWatches, .removeWatches:
            let request = try RemoveWatchesRequest(from: &buffer)
            guard let type = WatcherType(rawValue: request.type) else {
                self.reply(id, xid: xid, error: .marshallingError)
                return true
            }
            let found =
                opCode == .checkWatches
                ? self.watches.contains(request.path, type: type, connection: id)
                : self.watches.remove(request.path, type: type, connection: id)
            self.reply(id, xid: xid, error: found ? .ok : .noWatcher)
        case .whoAmI:
            let infos = context.identities.map { identity in
                let user =
                    identity.scheme == "digest"
                    ? identity.id.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
                    : identity.id
                return ClientInfo(authScheme: identity.scheme, user: user)
            }
            self.reply(id, xid: xid, error: .ok) { WhoAmIResponse(clientInfo: infos).write(to: &$0) }
        default:
            return false
        }
        return true
    }

    func getData(
        _ path: String,
        watch: Bool,
        context: RequestContext,
        connection id: Int
    ) -> Result<GetDataResponse, ErrorCode> {
        guard let node = self.database.tree.node(at: path) else { return .failure(.noNode) }
        guard ACLPolicy.isAllowed(.read, acl: node.acl, identities: context.identities) else {
            return .failure(.noAuth)
        }
        if watch { self.watches.addDataWatch(path, connection: id) }
        return .success(GetDataResponse(data: node.data, stat: node.clientStat))
    }

    /// Children come back sorted; ZooKeeper returns hash order, which clients must not rely on.
    func getChildren(
        _ path: String,
        watch: Bool,
        context: RequestContext,
        connection id: Int
    ) -> Result<([String], Stat), ErrorCode> {
        guard let node = self.database.tree.node(at: path) else { return .failure(.noNode) }
        guard ACLPolicy.isAllowed(.read, acl: node.acl, identities: context.identities) else {
            return .failure(.noAuth)
        }
        if watch { self.watches.addChildWatch(path, connection: id) }
        return .success((node.children.sorted(), node.clientStat))
    }

    func multiRead(_ buffer: inout ByteBuffer, xid: Int32, context: RequestContext, connection id: Int) {
        enum Result {
            case children([String])
            case data(GetDataResponse)
            case error(ErrorCode)
        }
        var results: [(OpCode, Result)] = []
        do throws(JuteError) {
            while true {
                let header = try MultiHeader(from: &buffer)
                if header.done { break }
                switch OpCode(rawValue: header.type) {
                case .getChildren:
                    let request = try GetChildrenRequest(from: &buffer)
                    switch self.getChildren(request.path, watch: request.watch, context: context, connection: id) {
                    case .success(let (children, _)): results.append((.getChildren, .children(children)))
                    case .failure(let error): results.append((.error, .error(error)))
                    }
                case .getData:
                    let request = try GetDataRequest(from: &buffer)
                    switch self.getData(request.path, watch: request.watch, context: context, connection: id) {
                    case .success(let response): results.append((.getData, .data(response)))
                    case .failure(let error): results.append((.error, .error(error)))
                    }
                default:
                    throw JuteError.invalidLength(field: "multiRead op type", length: header.type)
                }
            }
        } catch {
            self.reply(id, xid: xid, error: .marshallingError)
            return
        }
        self.reply(id, xid: xid, error: .ok) { packet in
            for (opCode, result) in results {
                switch result {
                case .children(let children):
                    MultiHeader(type: opCode.rawValue, done: false, err: 0).write(to: &packet)
                    GetChildrenResponse(children: children).write(to: &packet)
                case .data(let response):
                    MultiHeader(type: opCode.rawValue, done: false, err: 0).write(to: &packet)
                    response.write(to: &packet)
                case .error(let code):
                    MultiHeader(type: OpCode.error.rawValue, done: false, err: code.rawValue).write(to: &packet)
                    ErrorResponse(err: code.rawValue).write(to: &packet)
                }
            }
            MultiHeader(type: -1, done: true, err: -1).write(to: &packet)
        }
    }
}
