import ZooKeeperProtocol

/// Who is asking, for ACL checks and ephemeral ownership.
public struct RequestContext: Sendable {
    public var sessionId: Int64
    public var identities: [Id]
    /// ZooKeeper's `zookeeper.extendedTypesEnabled`: TTL nodes are refused without it.
    public var isExtendedTypesEnabled: Bool

    public init(sessionId: Int64, identities: [Id], isExtendedTypesEnabled: Bool = false) {
        self.sessionId = sessionId
        self.identities = identities
        self.isExtendedTypesEnabled = isExtendedTypesEnabled
    }
}

/// Turning requests into transactions, with the checks in the order ZooKeeper 3.8's
/// `PrepRequestProcessor` makes them, so the first error reported is the same one.
extension DataTree {
    public func prepare(_ operation: WriteOperation, context: RequestContext) throws(ErrorCode) -> TxnBody {
        switch operation {
        case .create(let request, let opCode):
            return try self.prepareCreate(
                path: request.path, data: request.data, acl: request.acl, flags: request.flags, ttl: -1,
                opCode: opCode, context: context
            )
        case .createTTL(let request):
            return try self.prepareCreate(
                path: request.path, data: request.data, acl: request.acl, flags: request.flags, ttl: request.ttl,
                opCode: .createTTL, context: context
            )
        case .delete(let request):
            let parentPath = try Self.parentForDelete(request.path)
            guard let parent = self.nodes[parentPath] else { throw .noNode }
            guard ACLPolicy.isAllowed(.delete, acl: parent.acl, identities: context.identities) else { throw .noAuth }
            guard let node = self.nodes[request.path] else { throw .noNode }
            _ = try Self.checkVersion(node.stat.version, expected: request.version)
            guard node.children.isEmpty else { throw .notEmpty }
            return .delete(DeleteTxn(path: request.path))
        case .setData(let request):
            try Self.validate(request.path)
            guard let node = self.nodes[request.path] else { throw .noNode }
            guard ACLPolicy.isAllowed(.write, acl: node.acl, identities: context.identities) else { throw .noAuth }
            let version = try Self.checkVersion(node.stat.version, expected: request.version)
            return .setData(SetDataTxn(path: request.path, data: request.data, version: version))
        case .setACL(let request):
            try Self.validate(request.path)
            guard let acl = ACLPolicy.fixup(request.acl, identities: context.identities) else { throw .invalidACL }
            guard let node = self.nodes[request.path] else { throw .noNode }
            guard ACLPolicy.isAllowed(.admin, acl: node.acl, identities: context.identities) else { throw .noAuth }
            let version = try Self.checkVersion(node.stat.aversion, expected: request.version)
            return .setACL(SetACLTxn(path: request.path, acl: acl, version: version))
        case .check(let request):
            try Self.validate(request.path)
            guard let node = self.nodes[request.path] else { throw .noNode }
            guard ACLPolicy.isAllowed(.read, acl: node.acl, identities: context.identities) else { throw .noAuth }
            _ = try Self.checkVersion(node.stat.version, expected: request.version)
            return .check(CheckVersionTxn(path: request.path, version: request.version))
        }
    }

    /// Prepares a `multi`: each operation sees the effects of the ones before it; on the first
    /// failure every operation becomes an error (earlier ones `Ok`, later ones
    /// `RuntimeInconsistency`), as ZooKeeper logs it.
    public func prepareMulti(
        _ operations: [WriteOperation],
        context: RequestContext,
        header: TxnHeader
    ) -> TxnBody {
        var scratch = self
        var bodies: [TxnBody] = []
        var ignored: [WatchTrigger] = []
        for (index, operation) in operations.enumerated() {
            do throws(ErrorCode) {
                let body = try scratch.prepare(operation, context: context)
                _ = scratch.apply(body, header: header, triggers: &ignored)
                bodies.append(body)
            } catch {
                var failed = [TxnBody](repeating: .error(ErrorTxn(err: ErrorCode.ok.rawValue)), count: index)
                failed.append(.error(ErrorTxn(err: error.rawValue)))
                let rest = operations.count - index - 1
                failed += [TxnBody](
                    repeating: .error(ErrorTxn(err: ErrorCode.runtimeInconsistency.rawValue)), count: rest)
                return .multi(failed)
            }
        }
        return .multi(bodies)
    }

    private func prepareCreate(
        path requestedPath: String,
        data: [UInt8]?,
        acl requestedACL: [ACL],
        flags: Int32,
        ttl: Int64,
        opCode: OpCode,
        context: RequestContext
    ) throws(ErrorCode) -> TxnBody {
        guard let mode = CreateMode(rawValue: flags) else { throw .badArguments }
        if mode.isTTL && !context.isExtendedTypesEnabled { throw .unimplemented }
        if mode.isTTL {
            guard ttl > 0, ttl <= EphemeralOwner.maximumTTL else { throw .badArguments }
        } else if ttl != -1 && opCode == .createTTL {
            throw .badArguments
        }
        // A TTL op code needs a TTL mode, and a container op code the container mode.
        if (opCode == .createTTL) != mode.isTTL || (opCode == .createContainer) != mode.isContainer {
            throw .badArguments
        }
        guard let slash = requestedPath.lastIndex(of: "/"), !requestedPath.contains("\0") else { throw .badArguments }
        let parentPath = slash == requestedPath.startIndex ? "/" : String(requestedPath[..<slash])
        guard let acl = ACLPolicy.fixup(requestedACL, identities: context.identities) else { throw .invalidACL }
        guard let parent = self.nodes[parentPath] else { throw .noNode }
        guard ACLPolicy.isAllowed(.create, acl: parent.acl, identities: context.identities) else { throw .noAuth }
        var path = requestedPath
        if mode.isSequential {
            path += Self.sequenceSuffix(parent.stat.cversion)
        }
        try Self.validate(path)
        if self.nodes[path] != nil { throw .nodeExists }
        if EphemeralOwner.isSession(parent.stat.ephemeralOwner) { throw .noChildrenForEphemerals }
        let cversion = parent.stat.cversion &+ 1
        switch opCode {
        case .createContainer:
            return .createContainer(CreateContainerTxn(path: path, data: data, acl: acl, parentCVersion: cversion))
        case .createTTL:
            return .createTTL(CreateTTLTxn(path: path, data: data, acl: acl, parentCVersion: cversion, ttl: ttl))
        default:
            return .create(
                CreateTxn(path: path, data: data, acl: acl, ephemeral: mode.isEphemeral, parentCVersion: cversion))
        }
    }

    /// `%010d` of the parent's cversion; negative after overflow, as in ZooKeeper.
    static func sequenceSuffix(_ cversion: Int32) -> String {
        if cversion < 0 {
            let digits = String(-Int64(cversion))
            return "-" + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
        }
        let digits = String(cversion)
        return String(repeating: "0", count: max(0, 10 - digits.count)) + digits
    }

    static func validate(_ path: String) throws(ErrorCode) {
        guard ZNodePath.isValid(path) else { throw .badArguments }
    }

    private static func parentForDelete(_ path: String) throws(ErrorCode) -> String {
        guard let slash = path.lastIndex(of: "/"), !path.contains("\0"), !Self.specialPaths.contains(path) else {
            throw .badArguments
        }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    private static func checkVersion(_ current: Int32, expected: Int32) throws(ErrorCode) -> Int32 {
        if expected != -1 && expected != current { throw .badVersion }
        return current &+ 1
    }
}
