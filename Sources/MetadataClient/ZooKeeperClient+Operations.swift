import NIOCore
import ZooKeeperProtocol

/// The ZooKeeper operations. Paths are checked before anything is sent; errors from the server
/// come back as `ZooKeeperClientError.server(code, path:)`.
extension ZooKeeperClient {
    /// Creates a node and returns its actual path (sequential nodes get a 10-digit suffix).
    @discardableResult
    public func create(
        _ path: String,
        data: [UInt8] = [],
        acl: [ACL] = ACL.openACLUnsafe,
        mode: CreateMode = .persistent
    ) async throws -> String {
        try Self.check(path, isSequential: mode.isSequential)
        let opCode: OpCode = mode.isContainer ? .createContainer : .create
        var reply = try await self.call(opCode, path: path) {
            CreateRequest(path: self.serverPath(path), data: data, acl: acl, flags: mode.rawValue).write(to: &$0)
        }
        if opCode == .createContainer {
            return self.clientPath(try Self.decode(Create2Response.self, from: &reply).path)
        }
        return self.clientPath(try Self.decode(CreateResponse.self, from: &reply).path)
    }

    /// Creates a node and returns its path and `Stat` in one round trip (`create2`).
    public func createReturningStat(
        _ path: String,
        data: [UInt8] = [],
        acl: [ACL] = ACL.openACLUnsafe,
        mode: CreateMode = .persistent,
        ttl: Int64? = nil
    ) async throws -> (path: String, stat: Stat) {
        try Self.check(path, isSequential: mode.isSequential)
        var reply: ByteBuffer
        if mode.isTTL {
            reply = try await self.call(.createTTL, path: path) {
                CreateTTLRequest(path: self.serverPath(path), data: data, acl: acl, flags: mode.rawValue, ttl: ttl ?? 0)
                    .write(to: &$0)
            }
        } else {
            reply = try await self.call(mode.isContainer ? .createContainer : .create2, path: path) {
                CreateRequest(path: self.serverPath(path), data: data, acl: acl, flags: mode.rawValue).write(to: &$0)
            }
        }
        let response = try Self.decode(Create2Response.self, from: &reply)
        return (self.clientPath(response.path), response.stat)
    }

    /// Creates this client's chroot and its missing ancestors on the server, as Kafka's broker
    /// does at startup (`createChrootIfNecessary`): paths above the chroot cannot be named through
    /// the client's own API, which is relative to the chroot. Nothing to do without a chroot.
    public func createChrootIfMissing() async throws {
        guard let chroot = self.chroot else { return }
        var current = ""
        for segment in chroot.split(separator: "/") {
            current += "/" + segment
            let serverPath = current
            do {
                _ = try await self.call(.create, path: serverPath) {
                    CreateRequest(
                        path: serverPath, data: [], acl: ACL.openACLUnsafe, flags: CreateMode.persistent.rawValue
                    ).write(to: &$0)
                }
            } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                continue
            }
        }
    }

    /// Deletes a node; `version` -1 matches any version.
    public func delete(_ path: String, version: Int32 = -1) async throws {
        try Self.check(path)
        _ = try await self.call(.delete, path: path) {
            DeleteRequest(path: self.serverPath(path), version: version).write(to: &$0)
        }
    }

    /// The node's `Stat`, or nil if it does not exist.
    public func exists(_ path: String) async throws -> Stat? {
        try await self.exists(path, watch: nil)
    }

    /// Like `exists`, plus a one-shot watch: `NodeCreated` if absent now, else `NodeDataChanged`
    /// or `NodeDeleted`.
    public func existsWatching(_ path: String) async throws -> (stat: Stat?, watch: AsyncStream<WatchedEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchedEvent.self)
        let stat = try await self.exists(path, watch: (.exist, continuation))
        return (stat, stream)
    }

    private func exists(
        _ path: String,
        watch: (kind: WatchKind, continuation: AsyncStream<WatchedEvent>.Continuation)?
    ) async throws -> Stat? {
        try Self.check(path)
        var (header, reply) = try await self.submit(.exists, path: path, watch: watch) {
            ExistsRequest(path: self.serverPath(path), watch: watch != nil).write(to: &$0)
        }
        if header.err == ErrorCode.noNode.rawValue { return nil }
        try Self.throwIfError(header, path: path)
        return try Self.decode(ExistsResponse.self, from: &reply).stat
    }

    /// The node's data (empty for null data) and `Stat`.
    public func getData(_ path: String) async throws -> (data: [UInt8], stat: Stat) {
        let response = try await self.getData(path, watch: nil)
        return (response.data ?? [], response.stat)
    }

    /// Like `getData`, plus a one-shot watch for `NodeDataChanged` or `NodeDeleted`.
    public func getDataWatching(
        _ path: String
    ) async throws -> (data: [UInt8], stat: Stat, watch: AsyncStream<WatchedEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchedEvent.self)
        let response = try await self.getData(path, watch: (.data, continuation))
        return (response.data ?? [], response.stat, stream)
    }

    private func getData(
        _ path: String,
        watch: (kind: WatchKind, continuation: AsyncStream<WatchedEvent>.Continuation)?
    ) async throws -> GetDataResponse {
        try Self.check(path)
        var reply = try await self.call(.getData, path: path, watch: watch) {
            GetDataRequest(path: self.serverPath(path), watch: watch != nil).write(to: &$0)
        }
        return try Self.decode(GetDataResponse.self, from: &reply)
    }

    /// Replaces the node's data if `version` matches (-1: any) and returns the new `Stat`.
    @discardableResult
    public func setData(_ path: String, data: [UInt8], version: Int32 = -1) async throws -> Stat {
        try Self.check(path)
        var reply = try await self.call(.setData, path: path) {
            SetDataRequest(path: self.serverPath(path), data: data, version: version).write(to: &$0)
        }
        return try Self.decode(SetDataResponse.self, from: &reply).stat
    }

    /// The node's child names (sorted here, since ZooKeeper's order is arbitrary).
    public func getChildren(_ path: String) async throws -> [String] {
        try await self.getChildrenAndStat(path, watch: nil).children
    }

    /// Child names and the parent's `Stat` (`getChildren2`).
    public func getChildrenAndStat(_ path: String) async throws -> (children: [String], stat: Stat) {
        try await self.getChildrenAndStat(path, watch: nil)
    }

    /// Like `getChildren`, plus a one-shot watch for `NodeChildrenChanged` or `NodeDeleted`.
    public func getChildrenWatching(
        _ path: String
    ) async throws -> (children: [String], watch: AsyncStream<WatchedEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(of: WatchedEvent.self)
        let result = try await self.getChildrenAndStat(path, watch: (.child, continuation))
        return (result.children, stream)
    }

    private func getChildrenAndStat(
        _ path: String,
        watch: (kind: WatchKind, continuation: AsyncStream<WatchedEvent>.Continuation)?
    ) async throws -> (children: [String], stat: Stat) {
        try Self.check(path)
        var reply = try await self.call(.getChildren2, path: path, watch: watch) {
            GetChildren2Request(path: self.serverPath(path), watch: watch != nil).write(to: &$0)
        }
        let response = try Self.decode(GetChildren2Response.self, from: &reply)
        return (response.children.sorted(), response.stat)
    }

    /// A watch that stays after firing (ZooKeeper 3.6+ `addWatch`). Persistent: data and child
    /// events of `path`; recursive: created/deleted/changed events of `path` and all below it.
    public func addWatch(_ path: String, mode: AddWatchMode) async throws -> AsyncStream<WatchedEvent> {
        try Self.check(path)
        let (stream, continuation) = AsyncStream.makeStream(of: WatchedEvent.self)
        _ = try await self.call(.addWatch, path: path, watch: (.persistent(mode), continuation)) {
            AddWatchRequest(path: self.serverPath(path), mode: mode.rawValue).write(to: &$0)
        }
        return stream
    }

    /// Removes this client's watches of `type` on `path` on the server and ends their streams
    /// (ZooKeeper 3.5+ `removeWatches`); `NoWatcher` if there were none.
    public func removeWatches(_ path: String, type: WatcherType) async throws {
        try Self.check(path)
        _ = try await self.call(.removeWatches, path: path) {
            RemoveWatchesRequest(path: self.serverPath(path), type: type.rawValue).write(to: &$0)
        }
        self.watches.remove(path, type: type)
    }

    /// Runs operations atomically: all are applied or none. Throws `multiFailed` with each
    /// operation's result when one fails.
    @discardableResult
    public func multi(_ operations: [MultiOperation]) async throws -> [MultiResult] {
        for operation in operations {
            if case .create(let path, _, _, let mode) = operation {
                try Self.check(path, isSequential: mode.isSequential)
            } else {
                try Self.check(operation.path)
            }
        }
        var reply = try await self.call(.multi, path: operations.first?.path ?? "/") { buffer in
            for operation in operations {
                switch operation {
                case .create(let path, let data, let acl, let mode):
                    MultiHeader(type: OpCode.create.rawValue, done: false, err: -1).write(to: &buffer)
                    CreateRequest(path: self.serverPath(path), data: data, acl: acl, flags: mode.rawValue).write(
                        to: &buffer)
                case .delete(let path, let version):
                    MultiHeader(type: OpCode.delete.rawValue, done: false, err: -1).write(to: &buffer)
                    DeleteRequest(path: self.serverPath(path), version: version).write(to: &buffer)
                case .setData(let path, let data, let version):
                    MultiHeader(type: OpCode.setData.rawValue, done: false, err: -1).write(to: &buffer)
                    SetDataRequest(path: self.serverPath(path), data: data, version: version).write(to: &buffer)
                case .check(let path, let version):
                    MultiHeader(type: OpCode.check.rawValue, done: false, err: -1).write(to: &buffer)
                    CheckVersionRequest(path: self.serverPath(path), version: version).write(to: &buffer)
                }
            }
            MultiHeader(type: -1, done: true, err: -1).write(to: &buffer)
        }
        var results: [MultiResult] = []
        do {
            while true {
                let header = try MultiHeader(from: &reply)
                if header.done { break }
                switch OpCode(rawValue: header.type) {
                case .create: results.append(.created(path: self.clientPath(try CreateResponse(from: &reply).path)))
                case .create2: results.append(.created(path: self.clientPath(try Create2Response(from: &reply).path)))
                case .delete: results.append(.deleted)
                case .setData: results.append(.dataSet(try SetDataResponse(from: &reply).stat))
                case .check: results.append(.checked)
                case .error: results.append(.error(ErrorCode(rawValue: try ErrorResponse(from: &reply).err)))
                default: throw ZooKeeperClientError.protocolViolation("multi result type \(header.type)")
                }
            }
        } catch let error as JuteError {
            throw ZooKeeperClientError.protocolViolation("\(error)")
        }
        for result in results {
            if case .error(let code) = result, code != .ok {
                throw ZooKeeperClientError.multiFailed(code, results: results)
            }
        }
        return results
    }

    /// Waits until the server has applied everything before it (`sync`).
    public func sync(_ path: String) async throws {
        try Self.check(path)
        _ = try await self.call(.sync, path: path) { SyncRequest(path: self.serverPath(path)).write(to: &$0) }
    }

    public func getACL(_ path: String) async throws -> (acl: [ACL], stat: Stat) {
        try Self.check(path)
        var reply = try await self.call(.getACL, path: path) {
            GetACLRequest(path: self.serverPath(path)).write(to: &$0)
        }
        let response = try Self.decode(GetACLResponse.self, from: &reply)
        return (response.acl, response.stat)
    }

    @discardableResult
    public func setACL(_ path: String, acl: [ACL], version: Int32 = -1) async throws -> Stat {
        try Self.check(path)
        var reply = try await self.call(.setACL, path: path) {
            SetACLRequest(path: self.serverPath(path), acl: acl, version: version).write(to: &$0)
        }
        return try Self.decode(SetACLResponse.self, from: &reply).stat
    }

    /// The number of nodes below `path`, at any depth.
    public func getAllChildrenNumber(_ path: String) async throws -> Int {
        try Self.check(path)
        var reply = try await self.call(.getAllChildrenNumber, path: path) {
            GetAllChildrenNumberRequest(path: self.serverPath(path)).write(to: &$0)
        }
        return Int(try Self.decode(GetAllChildrenNumberResponse.self, from: &reply).totalNumber)
    }

    /// This session's ephemeral nodes whose paths start with `prefix`.
    public func getEphemerals(prefix: String = "/") async throws -> [String] {
        var reply = try await self.call(.getEphemerals, path: prefix) {
            GetEphemeralsRequest(prefixPath: self.serverPath(prefix)).write(to: &$0)
        }
        return try Self.decode(GetEphemeralsResponse.self, from: &reply).ephemerals.map(self.clientPath).sorted()
    }

    /// The identities the server has for this connection (`whoAmI`).
    public func whoAmI() async throws -> [ClientInfo] {
        var reply = try await self.call(.whoAmI, path: "/") { _ in }
        return try Self.decode(WhoAmIResponse.self, from: &reply).clientInfo
    }

    // MARK: - Helpers

    private func call(
        _ opCode: OpCode,
        path: String,
        watch: (kind: WatchKind, continuation: AsyncStream<WatchedEvent>.Continuation)? = nil,
        body: (inout ByteBuffer) -> Void
    ) async throws -> ByteBuffer {
        let (header, reply) = try await self.submit(opCode, path: path, watch: watch, body: body)
        try Self.throwIfError(header, path: path)
        return reply
    }

    private static func throwIfError(_ header: ReplyHeader, path: String) throws {
        guard header.err == 0 else {
            let code = ErrorCode(rawValue: header.err)
            if code == .sessionExpired { throw ZooKeeperClientError.sessionExpired }
            throw ZooKeeperClientError.server(code, path: path)
        }
    }

    private static func check(_ path: String, isSequential: Bool = false) throws {
        do {
            try ZNodePath.validate(path, isSequential: isSequential)
        } catch {
            throw ZooKeeperClientError.invalidPath(error)
        }
    }

    private static func decode<Record: JuteRecord>(_ type: Record.Type, from buffer: inout ByteBuffer) throws -> Record
    {
        do {
            return try Record(from: &buffer)
        } catch {
            throw ZooKeeperClientError.protocolViolation("cannot decode \(Record.self): \(error)")
        }
    }
}
