import NIOCore
import XCTest
import ZooKeeperProtocol

@testable import MetadataServer

/// Tree semantics without sockets: prepare (checks) then apply, as the server does.
final class DataTreeTests: XCTestCase {
    private var database = MetadataDatabase()
    private let alice = RequestContext(sessionId: 0x100, identities: [Id(scheme: "ip", id: "127.0.0.1")])

    @discardableResult
    private func run(_ operation: WriteOperation, context: RequestContext? = nil) -> (TxnOutcome, [WatchTrigger]) {
        let context = context ?? self.alice
        let body: TxnBody
        do {
            body = try self.database.tree.prepare(operation, context: context)
        } catch {
            body = .error(ErrorTxn(err: error.rawValue))
        }
        let header = TxnHeader(
            clientId: context.sessionId, cxid: 1, zxid: self.database.lastZxid + 1, time: 1000,
            type: body.opCode.rawValue)
        var triggers: [WatchTrigger] = []
        let outcome = self.database.apply(body, header: header, triggers: &triggers)
        return (outcome, triggers)
    }

    private func create(_ path: String, mode: CreateMode = .persistent, data: [UInt8]? = []) -> TxnOutcome {
        self.run(
            .create(
                CreateRequest(path: path, data: data, acl: ACL.openACLUnsafe, flags: mode.rawValue), opCode: .create)
        ).0
    }

    private func stat(_ path: String) -> Stat? { self.database.tree.node(at: path)?.clientStat }

    func testInitialTreeHasZooKeeperNodes() {
        XCTAssertEqual(self.database.tree.node(at: "/")?.children, ["zookeeper"])
        XCTAssertEqual(self.database.tree.node(at: "/zookeeper")?.children, ["config", "quota"])
        XCTAssertEqual(self.stat("/zookeeper")?.cversion, -2, "ZooKeeper shows creates*2 - children")
        XCTAssertEqual(self.stat("/zookeeper/config")?.aversion, -1)
    }

    func testCreateSetsStatsAndParentCounters() {
        guard case .created(let path, let stat) = self.create("/a", data: [1, 2]) else { return XCTFail() }
        XCTAssertEqual(path, "/a")
        XCTAssertEqual(stat.czxid, 1)
        XCTAssertEqual(stat.pzxid, 1)
        XCTAssertEqual(stat.dataLength, 2)
        XCTAssertEqual(self.stat("/")?.pzxid, 1)
        XCTAssertEqual(self.create("/a"), .error(.nodeExists))
        XCTAssertEqual(self.create("/x/y"), .error(.noNode))
        XCTAssertEqual(self.create("/a/"), .error(.badArguments))
    }

    func testSequentialSuffixIsParentCreateCount() {
        _ = self.create("/q")
        XCTAssertEqual(
            self.create("/q/n-", mode: .persistentSequential),
            .created(path: "/q/n-0000000000", stat: self.stat("/q/n-0000000000") ?? Stat()))
        _ = self.run(.delete(DeleteRequest(path: "/q/n-0000000000", version: -1)))
        guard case .created(let path, _) = self.create("/q/", mode: .persistentSequential) else { return XCTFail() }
        XCTAssertEqual(path, "/q/0000000001", "deletes do not advance the sequence")
        XCTAssertEqual(self.stat("/q")?.cversion, 3, "clients see creates plus deletes")
    }

    func testEphemeralsBelongToTheirSessionAndDieWithIt() {
        _ = self.create("/e", mode: .ephemeral)
        XCTAssertEqual(self.stat("/e")?.ephemeralOwner, 0x100)
        XCTAssertEqual(self.create("/e/child"), .error(.noChildrenForEphemerals))
        XCTAssertEqual(self.database.tree.ephemerals[0x100], ["/e"])
        let (_, triggers) = self.run(
            .create(CreateRequest(path: "/x", data: [], acl: ACL.openACLUnsafe, flags: 0), opCode: .create))
        XCTAssertEqual(triggers.map(\.type), [.nodeCreated, .nodeChildrenChanged])
        let header = TxnHeader(
            clientId: 0x100, cxid: 0, zxid: self.database.lastZxid + 1, time: 1, type: OpCode.closeSession.rawValue)
        var closeTriggers: [WatchTrigger] = []
        self.database.apply(
            .closeSession(CloseSessionTxn(paths2Delete: ["/e"])), header: header, triggers: &closeTriggers)
        XCTAssertNil(self.stat("/e"))
        XCTAssertEqual(closeTriggers.map(\.type), [.nodeDeleted, .nodeDeleted, .nodeChildrenChanged])
    }

    func testVersionsGuardUpdatesAndDeletes() {
        _ = self.create("/v")
        XCTAssertEqual(self.run(.setData(SetDataRequest(path: "/v", data: [1], version: 3))).0, .error(.badVersion))
        guard case .dataSet(let stat) = self.run(.setData(SetDataRequest(path: "/v", data: [1], version: 0))).0 else {
            return XCTFail()
        }
        XCTAssertEqual(stat.version, 1)
        XCTAssertEqual(self.run(.delete(DeleteRequest(path: "/v", version: 0))).0, .error(.badVersion))
        _ = self.create("/v/c")
        XCTAssertEqual(self.run(.delete(DeleteRequest(path: "/v", version: 1))).0, .error(.notEmpty))
        XCTAssertEqual(self.run(.delete(DeleteRequest(path: "/zookeeper", version: -1))).0, .error(.badArguments))
        XCTAssertEqual(self.run(.delete(DeleteRequest(path: "/", version: -1))).0, .error(.badArguments))
    }

    func testMultiIsAllOrNothingWithZooKeepersPerOpCodes() {
        let header = TxnHeader(clientId: 0x100, cxid: 1, zxid: 1, time: 1, type: OpCode.multi.rawValue)
        let body = self.database.tree.prepareMulti(
            [
                .create(CreateRequest(path: "/m", data: [], acl: ACL.openACLUnsafe, flags: 0), opCode: .create),
                .create(CreateRequest(path: "/m/1", data: [], acl: ACL.openACLUnsafe, flags: 0), opCode: .create),
                .check(CheckVersionRequest(path: "/m", version: 5)),
                .delete(DeleteRequest(path: "/m/1", version: -1)),
            ],
            context: self.alice, header: header
        )
        XCTAssertEqual(
            body,
            .multi([
                .error(ErrorTxn(err: 0)), .error(ErrorTxn(err: 0)),
                .error(ErrorTxn(err: ErrorCode.badVersion.rawValue)),
                .error(ErrorTxn(err: ErrorCode.runtimeInconsistency.rawValue)),
            ]))
        XCTAssertNil(self.database.tree.node(at: "/m"), "preparing never changes the real tree")
    }

    func testACLsAreCheckedAndAuthIsExpanded() {
        let bob = RequestContext(
            sessionId: 0x200,
            identities: [
                Id(scheme: "ip", id: "127.0.0.1"),
                Id(scheme: "digest", id: ACLPolicy.digest(userAndPassword: "bob:pw")),
            ])
        XCTAssertEqual(
            ACLPolicy.digest(userAndPassword: "alice:secret"), "alice:aYXlLOpEooaV1cRAvUL1fp9Qt7E=",
            "same hash as ZooKeeper (seen via kazoo)")
        let request = CreateRequest(path: "/bob", data: [], acl: ACL.creatorAllACL, flags: 0)
        XCTAssertEqual(
            self.run(.create(request, opCode: .create)).0, .error(.invalidACL), "auth needs an authenticated id")
        guard case .created = self.run(.create(request, opCode: .create), context: bob).0 else { return XCTFail() }
        XCTAssertEqual(self.database.tree.node(at: "/bob")?.acl.first?.id.scheme, "digest")
        XCTAssertEqual(self.run(.setData(SetDataRequest(path: "/bob", data: [1], version: -1))).0, .error(.noAuth))
        XCTAssertTrue(ACLPolicy.ipMatches(address: "10.1.2.3", pattern: "10.1.0.0/16"))
        XCTAssertFalse(ACLPolicy.ipMatches(address: "10.2.2.3", pattern: "10.1.0.0/16"))
        XCTAssertNil(ACLPolicy.fixup([ACL(perms: 31, id: Id(scheme: "ip", id: "300.1.1.1"))], identities: []))
    }
}

final class WatchManagerTests: XCTestCase {
    func testOneShotWatchesFireOnceAndPersistentOnesStay() {
        var watches = WatchManager()
        watches.addDataWatch("/a", connection: 1)
        watches.addPersistentWatch("/a", mode: .persistent, connection: 2)
        let change = WatchTrigger(path: "/a", type: .nodeDataChanged, table: .data)
        XCTAssertEqual(watches.trigger(change), [1, 2])
        XCTAssertEqual(watches.trigger(change), [2])
    }

    func testRecursiveWatchesSeeDescendantsButNotChildEvents() {
        var watches = WatchManager()
        watches.addPersistentWatch("/a", mode: .persistentRecursive, connection: 7)
        XCTAssertEqual(watches.trigger(WatchTrigger(path: "/a/b/c", type: .nodeCreated, table: .data)), [7])
        XCTAssertEqual(watches.trigger(WatchTrigger(path: "/a", type: .nodeChildrenChanged, table: .child)), [])
        XCTAssertTrue(watches.remove("/a", type: .any, connection: 7))
        XCTAssertFalse(watches.remove("/a", type: .any, connection: 7))
        XCTAssertEqual(watches.trigger(WatchTrigger(path: "/a/b", type: .nodeCreated, table: .data)), [])
    }

    func testClosedConnectionsLoseTheirWatches() {
        var watches = WatchManager()
        watches.addChildWatch("/x", connection: 3)
        watches.addPersistentWatch("/", mode: .persistentRecursive, connection: 3)
        XCTAssertEqual(watches.watchCount, 3)
        watches.removeConnection(3)
        XCTAssertEqual(watches.watchCount, 0)
        XCTAssertEqual(watches.trigger(WatchTrigger(path: "/x", type: .nodeDeleted, table: .data)), [])
    }
}
