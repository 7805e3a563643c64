import FaultControl
import Foundation
import KafkaProtocol
import LocalCluster
import SamsaClient
import SamsaTesting
import XCTest

@testable import REPL

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `fault ...` through a `Session` in this process (the commands students and Lab 3 type) on one
/// real 3-broker cluster shared by the tests of this class; each test uses its own topic and
/// leaves every broker up and healed. The lessons: with acks=1, replication cut and the leader
/// killed, an in-sync follower is elected cleanly and exactly the writes after the cut are gone;
/// with acks=all those writes are never acknowledged; an isolated leader is replaced once its
/// session expires and, healed, truncates what it accepted as a zombie.
final class FaultInjectionClusterTests: XCTestCase {
    private struct Shared {
        let session: Session
        let console: Console
        let directory: TemporaryDirectory
    }

    nonisolated(unsafe) private static var shared: Shared?

    /// The shared session, its cluster started on first use.
    private func cluster() throws -> Shared {
        if let shared = Self.shared { return shared }
        let directory = try TemporaryDirectory(prefix: "samsa-faults")
        let products = try Products.executable("samsa").deletingLastPathComponent()
        let console = Console.capturing(width: 160)
        let session = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: directory.url,
                executables: ClusterExecutables(searchDirectories: [products]), usesWatchdog: false),
            console: console)
        let shared = Shared(session: session, console: console, directory: directory)
        Self.shared = shared
        _ = try self.run("cluster start --brokers 3")
        return shared
    }

    override class func tearDown() {
        if let shared = Self.shared {
            shared.session.finish()
            // Safety net: recorded PIDs still running this folder's processes (never by name).
            let deadline = Date().addingTimeInterval(15)
            let pids = ClusterProcessCheck.recordedPIDs(in: shared.directory.url)
            for pid in pids {
                while ClusterProcessCheck.isAlive(pid), Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                if ClusterProcessCheck.isAlive(pid),
                    ClusterProcessCheck.commandLine(pid).contains(shared.directory.path)
                {
                    kill(pid, SIGKILL)
                }
            }
            try? FileManager.default.removeItem(at: shared.directory.url)
            Self.shared = nil
        }
        super.tearDown()
    }

    /// Every test starts with three brokers up and no faults, whatever the one before left.
    override func setUpWithError() throws {
        let shared = try self.cluster()
        _ = try self.run("fault heal")
        for id in 1...3
        where shared.session.cluster?.snapshot()?.brokers.first(where: { $0.role == .broker(id) })?.state != .running {
            _ = try self.run("broker start \(id)")
        }
    }

    /// Runs one line and returns what it printed.
    @discardableResult
    private func run(_ line: String, file: StaticString = #filePath, line number: UInt = #line) throws -> String {
        guard let shared = Self.shared else {
            XCTFail("the shared cluster did not start (see setUp's failure)", file: file, line: number)
            throw SamsaTestingError.reported("no cluster")
        }
        let before = shared.console.output.count
        do {
            _ = try shared.session.execute(line)
        } catch {
            XCTFail("`\(line)` failed: \(error)\n\(shared.console.output.dropFirst(before))", file: file, line: number)
            throw error
        }
        return String(shared.console.output.dropFirst(before))
    }

    /// The `cluster status` row of `topic` partition `partition`: leader, replicas, isr, log end, high watermark.
    private func statusRow(_ status: String, topic: String, partition: Int) -> [String]? {
        var current = ""
        for line in status.split(separator: "\n") {
            var words = line.split(separator: " ").map(String.init)
            guard words.count >= 6 else { continue }
            if words.count == 7 {
                current = words[0]
                words.removeFirst()
            }
            if current == topic, words[0] == "\(partition)" { return Array(words.dropFirst()) }
        }
        return nil
    }

    private func port(ofBroker id: Int) throws -> Int {
        let broker = Self.shared?.session.cluster?.snapshot()?.brokers.first { $0.role == .broker(id) }
        return try XCTUnwrap(broker?.port)
    }

    /// acks=1: the leader acknowledges writes its followers never got; the leader dies; a follower
    /// still in the ISR is elected cleanly; exactly those writes are gone, and the old leader
    /// truncates them when it comes back.
    func testCutReplicationThenLeaderDeathLosesExactlyTheAcks1WritesAfterTheCut() throws {
        XCTAssertTrue(
            try self.run("topic create lost --partitions 1 --replication-factor 3").contains("leaders on broker 1"))
        try self.run("produce lost --acks all --count 3 before")
        XCTAssertTrue(try self.run("fault cut-replication 1").hasPrefix("Broker 1 stopped replicating"))
        XCTAssertEqual(try self.run("fault list"), "broker 1  cut-replication\n")
        let acknowledged = try self.run("produce lost --acks 1 --count 5 after")
        for offset in 3...7 {
            XCTAssertTrue(
                acknowledged.contains("→ lost-0 offset \(offset) · leader broker 1 · acks=1: the leader wrote it"),
                acknowledged)
        }
        let status = try self.run("cluster status")
        XCTAssertTrue(status.contains("⚡ cut-replication"), status)
        // The followers are still in the ISR: the leader's log moved ahead of them less than
        // replica.lag.time.max.ms ago. The high watermark stayed where they were.
        XCTAssertEqual(self.statusRow(status, topic: "lost", partition: 0), ["1", "1,2,3", "1,2,3", "8", "3"], status)
        try self.run("broker kill 1")
        let elected = try self.run("wait leader lost 0 --not 1")
        XCTAssertTrue(elected == "lost-0 is led by broker 2\n" || elected == "lost-0 is led by broker 3\n", elected)
        let state = try self.run("meta get /brokers/topics/lost/partitions/0/state")
        // Epoch 1; or 2 when broker 1 was also the controller: Kafka's failover first sets the
        // partition leaderless (OfflineReplica), then elects.
        XCTAssertTrue(state.contains("\"leader_epoch\": 1") || state.contains("\"leader_epoch\": 2"), state)
        let consumed = try self.run("consume lost --from-beginning")
        XCTAssertTrue(consumed.contains("Read 3 records from lost"), consumed)
        for index in 1...3 { XCTAssertTrue(consumed.contains("no key  before \(index)\n"), consumed) }
        XCTAssertFalse(consumed.contains("after"), consumed)
        // The old leader starts healthy and cuts its log back to the new leader's history.
        XCTAssertTrue(
            try self.run("broker start 1").contains(
                "It starts healthy: its faults (cut-replication) do not survive a restart."))
        try self.run("wait isr lost 0 --size 3")
        let after = try self.run("cluster status")
        XCTAssertEqual(self.statusRow(after, topic: "lost", partition: 0)?.suffix(2), ["3", "3"], after)
        XCTAssertTrue(try self.run("broker logs 1 --lines 400").contains("from=8 partition=lost-0 to=3"))
        XCTAssertEqual(
            try self.run("fault list"),
            "No faults: every broker runs healthy. `help fault` lists the faults you can inject.\n")
    }

    /// acks=all on the same cut: the write is never acknowledged (it times out), and after the
    /// same failover every acknowledged record is still there.
    func testCutReplicationWithAcksAllAcknowledgesNothingAndLosesNothing() throws {
        try self.run("topic create kept --partitions 1 --replication-factor 3")
        try self.run("produce kept --acks all --count 3 before")
        try self.run("fault cut-replication 1")
        let bootstrap = "127.0.0.1:\(try self.port(ofBroker: 1))"
        let outcome = try AsyncBridge.run { () async throws -> String in
            let client = try KafkaClient(bootstrapServers: bootstrap, clientId: "fault-test")
            var configuration = ProducerConfiguration()
            configuration.acks = .all
            configuration.requestTimeout = .seconds(2)
            configuration.deliveryTimeout = .seconds(3)
            let producer = KafkaProducer(client: client, configuration: configuration)
            let result: String
            do {
                let metadata = try await producer.send(
                    ProducerRecord(topic: "kept", partition: 0, value: "never acknowledged"))
                result = "acknowledged at offset \(metadata.offset)"
            } catch {
                result = "failed: \(error)"
            }
            await producer.close()
            await client.close()
            return result
        }
        XCTAssertTrue(outcome.hasPrefix("failed"), outcome)
        let status = try self.run("cluster status")
        // The leader has it (log end 4); no follower does, so the high watermark never passed it.
        XCTAssertEqual(self.statusRow(status, topic: "kept", partition: 0), ["1", "1,2,3", "1,2,3", "4", "3"], status)
        try self.run("broker kill 1")
        try self.run("wait leader kept 0 --not 1")
        let consumed = try self.run("consume kept --from-beginning")
        XCTAssertTrue(consumed.contains("Read 3 records from kept"), consumed)
        for index in 1...3 { XCTAssertTrue(consumed.contains("no key  before \(index)\n"), consumed) }
        XCTAssertFalse(consumed.contains("never acknowledged"), consumed)
        try self.run("broker start 1")
        try self.run("wait isr kept 0 --size 3")
    }

    /// `fault isolate`: the session expires, the controller moves leadership, the old leader keeps
    /// accepting acks=1 writes (a zombie, reached here by a client bootstrapped at it alone), and
    /// when healed registers again, follows the new leader and truncates those writes.
    func testIsolatedLeaderIsReplacedAndItsZombieWritesAreTruncatedWhenHealed() throws {
        // Partition 2 of a 3-broker topic is led by broker 3.
        XCTAssertTrue(
            try self.run("topic create zombie --partitions 3 --replication-factor 3").contains(
                "leaders on brokers 1, 2, 3"))
        try self.run("produce zombie --partition 2 --acks all --count 3 before")
        XCTAssertTrue(
            try self.run("fault isolate 3").hasPrefix(
                "Broker 3 is cut off from the metadata server but still serves clients."))
        XCTAssertEqual(try self.run("wait leader zombie 2 --not 3 --timeout 30"), "zombie-2 is led by broker 1\n")
        XCTAssertEqual(try self.run("meta ls /brokers/ids"), "1\n2\n")
        let zombie = "127.0.0.1:\(try self.port(ofBroker: 3))"
        let offsets = try AsyncBridge.run { () async throws -> [Int64] in
            let client = try KafkaClient(bootstrapServers: zombie, clientId: "stale-metadata")
            var configuration = ProducerConfiguration()
            configuration.acks = .leader
            configuration.enableIdempotence = false
            configuration.deliveryTimeout = .seconds(10)
            let producer = KafkaProducer(client: client, configuration: configuration)
            var offsets: [Int64] = []
            do {
                for index in 1...4 {
                    offsets.append(
                        try await producer.send(ProducerRecord(topic: "zombie", partition: 2, value: "zombie \(index)"))
                            .offset)
                }
            } catch {
                await producer.close()
                await client.close()
                throw error
            }
            await producer.close()
            await client.close()
            return offsets
        }
        XCTAssertEqual(offsets, [3, 4, 5, 6], "the zombie leader acknowledged acks=1 writes")
        let healed = try self.run("fault heal 3")
        XCTAssertTrue(healed.hasPrefix("Healed broker 3 (isolate): it reconnects to the metadata server"), healed)
        try self.run("wait isr zombie 2 --size 3")
        XCTAssertEqual(try self.run("meta ls /brokers/ids"), "1\n2\n3\n")
        let consumed = try self.run("consume zombie --partition 2 --offset 0")
        XCTAssertTrue(consumed.contains("Read 3 records from zombie"), consumed)
        XCTAssertFalse(consumed.contains("zombie 1"), consumed)
        XCTAssertTrue(try self.run("broker logs 3 --lines 400").contains("from=7 partition=zombie-2 to=3"))
    }

    /// list, heal and status with several faults at once; slow replication still replicates;
    /// wrong brokers are refused with one line.
    func testFaultListHealAndStatusWithSlowReplication() throws {
        try self.run("topic create slow --partitions 1 --replication-factor 3")
        XCTAssertEqual(
            try self.run("fault slow-replication 2 300"),
            "Every follower fetch to or from broker 2 now waits 300 ms. `fault heal 2` ends it.\n")
        XCTAssertEqual(
            try self.run("fault slow-replication 2 300"),
            "Broker 2 already has slow-replication (300 ms); `fault list` shows every fault.\n")
        try self.run("fault cut-replication 3")
        XCTAssertEqual(try self.run("fault list"), "broker 2  slow-replication 300 ms\nbroker 3  cut-replication\n")
        XCTAssertTrue(Self.shared?.session.prompt.contains("⚡ 2 faulty") == true)
        let status = try self.run("cluster status")
        XCTAssertTrue(status.contains(" ⚡ broker 2: slow-replication 300 ms; `fault heal 2` heals it\n"), status)
        XCTAssertTrue(status.contains(" ⚡ broker 3: cut-replication; `fault heal 3` heals it\n"), status)
        XCTAssertEqual(
            try self.run("fault heal 3"), "Healed broker 3 (cut-replication): it replicates at full speed again.\n")
        // Slowed, not stopped: acks=all still completes once broker 2 has fetched.
        XCTAssertTrue(try self.run("produce slow --acks all one").contains("acks=all: ISR 1,2,3 had it"))
        XCTAssertTrue(try self.run("broker logs 2 --lines 400").contains("fault injected: slow-replication 300 ms"))
        XCTAssertEqual(try self.run("fault heal"), "Healed every fault: broker 2 (slow-replication 300 ms).\n")
        XCTAssertEqual(
            try self.run("fault heal 2"), "Broker 2 has no faults to heal; `fault list` shows every fault.\n")
        XCTAssertTrue(try self.run("broker logs 2 --lines 400").contains("fault healed: slow-replication 300 ms"))
        guard let session = Self.shared?.session else { return }
        XCTAssertThrowsError(try session.execute("fault isolate 9")) { error in
            XCTAssertEqual("\(error)", "there is no broker 9; this cluster has brokers 1, 2, 3")
        }
        XCTAssertThrowsError(try session.execute("fault heal 9")) { error in
            XCTAssertEqual("\(error)", "there is no broker 9; this cluster has brokers 1, 2, 3")
        }
        // At the prompt (events live), injecting and healing are live events with one line of why.
        session.events.isLive = true
        defer { session.events.isLive = false }
        let injected = try self.run("fault cut-replication 2")
        let healedLive = try self.run("fault heal 2")
        XCTAssertTrue(
            injected.contains("⚡ broker 2: replication cut. Its followers stay in the ISR until 10 s after"), injected)
        XCTAssertTrue(
            healedLive.contains("⚡ broker 2: healed (cut-replication). Followers catch up and rejoin the ISR."),
            healedLive)
    }
}
