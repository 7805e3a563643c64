import Foundation
import Logging
import MetadataClient
import SamsaTesting
import XCTest
import ZooKeeperProtocol

/// MetadataClient against samsa-meta and against a real ZooKeeper 3.8: the same checks, run on
/// both servers.
final class ZooKeeperClientTests: XCTestCase {
    private func samsa(_ settings: [String: String] = [:]) throws -> TestMetaServer {
        try self.startMetaServer(overrides: TestServer.quickSessions.merging(settings) { $1 })
    }

    private func zooKeeper() throws -> TestZooKeeper {
        try self.startZooKeeper(overrides: TestServer.quickSessions)
    }

    private func client(_ server: TestServer, timeout: Duration = .seconds(10)) async throws -> ZooKeeperClient {
        let client = try ZooKeeperClient(connectString: server.address, sessionTimeout: timeout)
        try await client.connect(timeout: .seconds(20))
        self.addTeardownBlock { await client.close() }
        return client
    }

    /// The next event of a watch stream, or nil if none comes within `seconds`.
    private func next(_ stream: AsyncStream<WatchedEvent>, seconds: Double = 10) async -> WatchedEvent? {
        await withTaskGroup(of: WatchedEvent?.self) { group in
            group.addTask {
                var iterator = stream.makeAsyncIterator()
                return await iterator.next()
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
    }

    private func expectError(
        _ code: ErrorCode,
        file: StaticString = #filePath,
        line: UInt = #line,
        _ body: () async throws -> Void
    ) async {
        do {
            try await body()
            XCTFail("expected \(code.name)", file: file, line: line)
        } catch let error as ZooKeeperClientError {
            XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
    }

    // MARK: - Scenarios

    private func crud(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        let value1 = try await zk.create("/crud", data: Array("a".utf8))
        XCTAssertEqual(value1, "/crud")
        await self.expectError(.nodeExists) { try await zk.create("/crud") }
        await self.expectError(.noNode) { try await zk.create("/missing/child") }
        let (data, stat) = try await zk.getData("/crud")
        XCTAssertEqual(data, Array("a".utf8))
        XCTAssertEqual(stat.version, 0)
        let value2 = try await zk.setData("/crud", data: Array("bb".utf8), version: 0).version
        XCTAssertEqual(value2, 1)
        await self.expectError(.badVersion) { try await zk.setData("/crud", data: [], version: 0) }
        let value3 = try await zk.exists("/crud")?.dataLength
        XCTAssertEqual(value3, 2)
        let missing = try await zk.exists("/nope")
        XCTAssertNil(missing)
        let created = try await zk.createReturningStat("/crud/child", data: [1, 2, 3])
        XCTAssertEqual(created.stat.dataLength, 3)
        let value4 = try await zk.getChildren("/crud")
        XCTAssertEqual(value4, ["child"])
        let (children, parent) = try await zk.getChildrenAndStat("/crud")
        XCTAssertEqual(children, ["child"])
        XCTAssertEqual(parent.numChildren, 1)
        XCTAssertEqual(parent.cversion, 1)
        await self.expectError(.notEmpty) { try await zk.delete("/crud") }
        try await zk.delete("/crud/child")
        try await zk.delete("/crud", version: 1)
        await self.expectError(.noNode) { try await zk.delete("/crud") }
        await self.expectError(.badArguments) { _ = try await zk.getData("relative") }
        let value5 = try await zk.getChildren("/zookeeper")
        XCTAssertEqual(value5, ["config", "quota"])
        try await zk.sync("/")
    }

    private func sequentialAndEphemeral(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        let other = try await self.client(server)
        try await zk.create("/seq")
        let value6 = try await zk.create("/seq/n-", mode: .persistentSequential)
        XCTAssertEqual(value6, "/seq/n-0000000000")
        let value7 = try await zk.create("/seq/n-", mode: .ephemeralSequential)
        XCTAssertEqual(value7, "/seq/n-0000000001")
        try await zk.create("/seq/eph", mode: .ephemeral)
        await self.expectError(.noChildrenForEphemerals) { try await zk.create("/seq/eph/x") }
        let sessionId = await zk.sessionId
        let value8 = try await other.exists("/seq/eph")?.ephemeralOwner
        XCTAssertEqual(value8, sessionId)
        let value9 = try await zk.getEphemerals(prefix: "/seq")
        XCTAssertEqual(value9, ["/seq/eph", "/seq/n-0000000001"])
        let value10 = try await zk.getAllChildrenNumber("/seq")
        XCTAssertEqual(value10, 3)
        await zk.close()
        let gone = try await other.exists("/seq/eph")
        XCTAssertNil(gone, "close deletes the session's ephemerals at once")
        let value11 = try await other.getChildren("/seq")
        XCTAssertEqual(value11, ["n-0000000000"])
    }

    private func oneShotWatches(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        let writer = try await self.client(server)
        let (absent, created) = try await zk.existsWatching("/w")
        XCTAssertNil(absent)
        try await writer.create("/w")
        let createdEvent = await self.next(created)
        XCTAssertEqual(createdEvent, WatchedEvent(type: .nodeCreated, path: "/w"))

        let (_, _, changed) = try await zk.getDataWatching("/w")
        let (_, childEvents) = try await zk.getChildrenWatching("/w")
        try await writer.setData("/w", data: [1])
        try await writer.setData("/w", data: [2])
        let changedEvent = await self.next(changed)
        XCTAssertEqual(changedEvent, WatchedEvent(type: .nodeDataChanged, path: "/w"))
        let afterOneShot = await self.next(changed, seconds: 0.5)
        XCTAssertNil(afterOneShot, "a one-shot watch fires once")
        try await writer.create("/w/kid")
        let childEvent = await self.next(childEvents)
        XCTAssertEqual(childEvent, WatchedEvent(type: .nodeChildrenChanged, path: "/w"))

        let (_, _, deleted) = try await zk.getDataWatching("/w/kid")
        try await writer.delete("/w/kid")
        let deletedEvent = await self.next(deleted)
        XCTAssertEqual(deletedEvent, WatchedEvent(type: .nodeDeleted, path: "/w/kid"))
    }

    private func persistentWatches(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        let writer = try await self.client(server)
        try await writer.create("/p")
        let persistent = try await zk.addWatch("/p", mode: .persistent)
        let recursive = try await zk.addWatch("/p", mode: .persistentRecursive)
        try await writer.create("/p/a")
        try await writer.setData("/p", data: [1])
        try await writer.create("/p/a/b")
        try await writer.setData("/p/a/b", data: [2])
        try await writer.delete("/p/a/b")
        // ZooKeeper 3.8.0 keeps one mode per (connection, path) and table: the recursive watch
        // replaced the persistent one in the child table, so no NodeChildrenChanged arrives.
        let persistentEvent = await self.next(persistent)
        XCTAssertEqual(persistentEvent, WatchedEvent(type: .nodeDataChanged, path: "/p"))
        let extra = await self.next(persistent, seconds: 0.5)
        XCTAssertNil(extra)
        var recursiveEvents: [WatchedEvent] = []
        for _ in 0..<5 {
            if let event = await self.next(recursive) { recursiveEvents.append(event) }
        }
        XCTAssertEqual(
            recursiveEvents,
            [
                WatchedEvent(type: .nodeCreated, path: "/p/a"), WatchedEvent(type: .nodeDataChanged, path: "/p"),
                WatchedEvent(type: .nodeCreated, path: "/p/a/b"), WatchedEvent(type: .nodeDataChanged, path: "/p/a/b"),
                WatchedEvent(type: .nodeDeleted, path: "/p/a/b"),
            ])
    }

    private func removeWatches(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        try await zk.create("/rw")
        let (_, _, watch) = try await zk.getDataWatching("/rw")
        try await zk.removeWatches("/rw", type: .data)
        let ended = await self.next(watch, seconds: 2)
        XCTAssertNil(ended, "the stream ends without an event")
        await self.expectError(.noWatcher) { try await zk.removeWatches("/rw", type: .data) }
        try await zk.setData("/rw", data: [1])
    }

    private func persistentOnly(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        let writer = try await self.client(server)
        try await writer.create("/po")
        let persistent = try await zk.addWatch("/po", mode: .persistent)
        try await writer.create("/po/a")
        try await writer.setData("/po", data: [1])
        try await writer.setData("/po", data: [2])
        try await writer.delete("/po/a")
        var events: [WatchedEvent] = []
        for _ in 0..<4 {
            if let event = await self.next(persistent) { events.append(event) }
        }
        XCTAssertEqual(
            events,
            [
                WatchedEvent(type: .nodeChildrenChanged, path: "/po"),
                WatchedEvent(type: .nodeDataChanged, path: "/po"),
                WatchedEvent(type: .nodeDataChanged, path: "/po"),
                WatchedEvent(type: .nodeChildrenChanged, path: "/po"),
            ])
    }

    private func multi(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        let results = try await zk.multi([
            .create(path: "/m", data: [1]), .create(path: "/m/1"), .setData(path: "/m", data: [2]),
            .check(path: "/m", version: 1), .delete(path: "/m/1"),
        ])
        XCTAssertEqual(results.count, 5)
        XCTAssertEqual(results[0], .created(path: "/m"))
        XCTAssertEqual(results[4], .deleted)
        do {
            try await zk.multi([.create(path: "/m2"), .check(path: "/m", version: 0), .delete(path: "/nope")])
            XCTFail("expected the multi to fail")
        } catch ZooKeeperClientError.multiFailed(let code, let results) {
            XCTAssertEqual(code, .badVersion)
            XCTAssertEqual(results, [.error(.ok), .error(.badVersion), .error(.runtimeInconsistency)])
        }
        let notCreated = try await zk.exists("/m2")
        XCTAssertNil(notCreated, "a failed multi applies nothing")
    }

    private func pipelining(_ server: TestServer) async throws {
        let zk = try await self.client(server)
        try await zk.create("/pipe")
        try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<200 {
                group.addTask { try await zk.create("/pipe/n\(index)", data: Array("\(index)".utf8)) }
            }
            var count = 0
            for try await _ in group { count += 1 }
            XCTAssertEqual(count, 200)
        }
        let value12 = try await zk.getChildren("/pipe").count
        XCTAssertEqual(value12, 200)
        let value13 = try await zk.getData("/pipe/n123").data
        XCTAssertEqual(value13, Array("123".utf8))
    }

    private func aclsAndAuth(_ server: TestServer) async throws {
        let owner = try await self.client(server)
        let stranger = try await self.client(server)
        try await owner.addAuth(scheme: "digest", auth: Array("alice:secret".utf8))
        try await owner.create("/secret", data: [7], acl: ACL.creatorAllACL)
        let (acl, _) = try await owner.getACL("/secret")
        XCTAssertEqual(acl.map(\.id.scheme), ["digest"])
        XCTAssertTrue(acl.first?.id.id.hasPrefix("alice:") == true)
        let value14 = try await owner.getData("/secret").data
        XCTAssertEqual(value14, [7])
        await self.expectError(.noAuth) { _ = try await stranger.getData("/secret") }
        await self.expectError(.invalidACL) { try await stranger.create("/x", acl: ACL.creatorAllACL) }
        let identities = try await owner.whoAmI()
        XCTAssertTrue(identities.contains(ClientInfo(authScheme: "digest", user: "alice")), "\(identities)")
    }

    // MARK: - Against both servers

    func testCRUDOnSamsaMeta() async throws { try await self.crud(try self.samsa()) }
    func testCRUDOnZooKeeper() async throws { try await self.crud(try self.zooKeeper()) }
    func testSequentialAndEphemeralOnSamsaMeta() async throws {
        try await self.sequentialAndEphemeral(try self.samsa())
    }
    func testSequentialAndEphemeralOnZooKeeper() async throws {
        try await self.sequentialAndEphemeral(try self.zooKeeper())
    }
    func testOneShotWatchesOnSamsaMeta() async throws { try await self.oneShotWatches(try self.samsa()) }
    func testOneShotWatchesOnZooKeeper() async throws { try await self.oneShotWatches(try self.zooKeeper()) }
    func testPersistentWatchesOnSamsaMeta() async throws { try await self.persistentWatches(try self.samsa()) }
    func testPersistentWatchesOnZooKeeper() async throws { try await self.persistentWatches(try self.zooKeeper()) }
    func testPersistentOnlyOnSamsaMeta() async throws { try await self.persistentOnly(try self.samsa()) }
    func testPersistentOnlyOnZooKeeper() async throws { try await self.persistentOnly(try self.zooKeeper()) }
    func testRemoveWatchesOnSamsaMeta() async throws { try await self.removeWatches(try self.samsa()) }
    func testRemoveWatchesOnZooKeeper() async throws { try await self.removeWatches(try self.zooKeeper()) }
    func testMultiOnSamsaMeta() async throws { try await self.multi(try self.samsa()) }
    func testMultiOnZooKeeper() async throws { try await self.multi(try self.zooKeeper()) }
    func testPipeliningOnSamsaMeta() async throws { try await self.pipelining(try self.samsa()) }
    func testPipeliningOnZooKeeper() async throws { try await self.pipelining(try self.zooKeeper()) }
    func testACLsOnSamsaMeta() async throws { try await self.aclsAndAuth(try self.samsa()) }
    func testACLsOnZooKeeper() async throws { try await self.aclsAndAuth(try self.zooKeeper()) }

    // MARK: - Reconnects (samsa-meta restarted in place)

    func testReconnectResumesSessionEphemeralsAndWatches() async throws {
        let server = try self.samsa(["maxSessionTimeout": "20000"])
        let zk = try await self.client(server, timeout: .seconds(15))
        let events = await zk.sessionEvents()
        try await zk.create("/r", mode: .ephemeral)
        let (_, _, watch) = try await zk.getDataWatching("/r")
        let before = await zk.sessionId
        try server.restart()
        let seen = await self.collect(events, until: .connected(sessionId: before))
        XCTAssertEqual(seen, [.disconnected, .connected(sessionId: before)])
        let value15 = try await zk.exists("/r")
        XCTAssertNotNil(value15, "the ephemeral survives a server restart within the timeout")
        try await zk.setData("/r", data: [1])
        let event = await self.next(watch)
        XCTAssertEqual(event, WatchedEvent(type: .nodeDataChanged, path: "/r"), "the watch was re-registered")
    }

    func testForgottenSessionReportsExpired() async throws {
        let server = try self.samsa()
        let zk = try await self.client(server)
        let events = await zk.sessionEvents()
        let (_, watch) = try await zk.existsWatching("/never")
        try server.restart(wipingData: true)
        // A server refuses clients that have seen newer zxids; move this one past ours.
        let raw = try RawConnection(port: server.port)
        try raw.handshake()
        for index in 0..<3 { _ = try raw.create(xid: Int32(index + 1), "/filler\(index)") }
        let seen = await self.collect(events, until: .expired)
        XCTAssertEqual(seen, [.disconnected, .expired])
        let ended = await self.next(watch, seconds: 2)
        XCTAssertNil(ended, "watch streams end when the session expires")
        await self.expectError(.sessionExpired) { _ = try await zk.exists("/") }
    }

    /// Session events up to and including `last` (bounded by `seconds`).
    private func collect(_ stream: AsyncStream<SessionEvent>, until last: SessionEvent, seconds: Double = 20) async
        -> [SessionEvent]
    {
        await withTaskGroup(of: [SessionEvent]?.self) { group in
            group.addTask {
                var seen: [SessionEvent] = []
                for await event in stream {
                    seen.append(event)
                    if event == last { break }
                }
                return seen
            }
            group.addTask {
                try? await Task.sleep(for: .seconds(seconds))
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? []
        }
    }

    func testChrootPrefixesEveryPathLikeKafkasZookeeperConnect() async throws {
        let server = try self.samsa()
        let plain = try await self.client(server)
        try await plain.create("/kafka")
        let rooted = try ZooKeeperClient(connectString: "\(server.address)/kafka")
        try await rooted.connect(timeout: .seconds(20))
        self.addTeardownBlock { await rooted.close() }
        let (_, children) = try await rooted.getChildrenWatching("/")
        let value101 = try await rooted.create("/brokers")
        XCTAssertEqual(value101, "/brokers")
        let event = await self.next(children)
        XCTAssertEqual(event, WatchedEvent(type: .nodeChildrenChanged, path: "/"))
        let created = try await rooted.create("/brokers/id-", mode: .ephemeralSequential)
        XCTAssertEqual(created, "/brokers/id-0000000000")
        let seen = try await plain.getChildren("/kafka/brokers")
        XCTAssertEqual(seen, ["id-0000000000"])
        let ephemerals = try await rooted.getEphemerals()
        XCTAssertEqual(ephemerals, ["/brokers/id-0000000000"])
        let results = try await rooted.multi([.create(path: "/config"), .check(path: "/brokers", version: 0)])
        XCTAssertEqual(results, [.created(path: "/config"), .checked])
        try await rooted.ensurePath("/brokers/topics/t/partitions/0")
        try await rooted.ensurePath("/brokers/topics/t/partitions/0")
        let partitions = try await plain.getChildren("/kafka/brokers/topics/t/partitions")
        XCTAssertEqual(partitions, ["0"])
        try await rooted.deleteRecursively("/brokers/topics")
        let topics = try await plain.exists("/kafka/brokers/topics")
        XCTAssertNil(topics)
    }

    func testBadConnectStringIsRejected() {
        for text in ["localhost:notaport", "", "host:2181/bad/", "host:70000"] {
            XCTAssertThrowsError(try ZooKeeperClient(connectString: text), text) { error in
                XCTAssertEqual((error as? ZooKeeperClientError)?.code, .badArguments)
            }
        }
        let parsed = try? ServerAddress.parse(connectStringWithChroot: "a:1, b ,c:3/kafka")
        XCTAssertEqual(
            parsed?.servers,
            [
                ServerAddress(host: "a", port: 1), ServerAddress(host: "b", port: 2181),
                ServerAddress(host: "c", port: 3),
            ])
        XCTAssertEqual(parsed?.chroot, "/kafka")
    }
}
