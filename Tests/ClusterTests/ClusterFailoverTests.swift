import Foundation
import KafkaProtocol
import NIOCore
import SamsaTesting
import XCTest

/// Three `samsa-broker` processes on one `samsa-meta`, driven by confluent-kafka: leader failover
/// without losing acknowledged records, and the data-loss lesson of unclean leader election.
final class ClusterFailoverTests: XCTestCase {
    private static let clients = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("clients/cluster_client.py")

    struct Partition: Decodable {
        var leader: Int
        var replicas: [Int]
        var isr: [Int]
    }

    struct Description: Decodable {
        var partitions: [String: Partition]
    }

    struct BrokerList: Decodable {
        var brokers: [Int]
        var controller: Int
    }

    struct Watermarks: Decodable {
        var watermarks: [String: [Int64]]
    }

    struct ProduceSummary: Decodable {
        var acked: Int
        var failed: Int
        var firstError: String?
    }

    struct Verification: Decodable {
        var acked: Int
        var read: Int
        var missingCount: Int
        var wrongCount: Int
    }

    private func client<T: Decodable>(
        _ arguments: [String], as type: T.Type, file: StaticString = #filePath, line: UInt = #line
    )
        throws -> T
    {
        let python = try ExternalTool.requirePython(modules: ["confluent_kafka"], file: file, line: line)
        let result = try ExternalTool.run(
            python, arguments: [Self.clients.path] + arguments, environment: ["PYTHONUNBUFFERED": "1"],
            timeout: .seconds(180))
        guard result.succeeded, let last = result.stdoutText.split(separator: "\n").last else {
            XCTFail("cluster client failed: \(result.summary)", file: file, line: line)
            throw SamsaTestingError.reported("cluster_client.py")
        }
        return try JSONDecoder.snakeCase.decode(T.self, from: Data(last.utf8))
    }

    /// A real Apache ZooKeeper 3.8 (Debian's `zookeeper` package) on a free port, for the same
    /// tests against the server Kafka was built for.
    private func startRealZooKeeper() throws -> String {
        try self.startZooKeeper(overrides: ["tickTime": "500"]).connectString
    }

    /// samsa-meta (or the given ZooKeeper) plus brokers 1...count with the kit's lab timings: a
    /// dead broker's session expires after 4 s, a follower that stops fetching leaves the ISR
    /// after 2 s.
    private func startCluster(brokers count: Int, extra: [String: String] = [:], zookeeper: String? = nil) throws
        -> (String, [TestBroker])
    {
        let connect = try zookeeper ?? self.startMetaServer(overrides: ["tickTime": "500"]).connectString
        var brokers: [TestBroker] = []
        for id in 1...count {
            var overrides = [
                "zookeeper.connect": connect, "zookeeper.session.timeout.ms": "4000",
                "replica.lag.time.max.ms": "2000", "num.partitions": "1", "default.replication.factor": "1",
            ]
            for (key, value) in extra { overrides[key] = value }
            brokers.append(try self.startBroker(brokerID: id, overrides: overrides))
        }
        // Every broker answers Metadata from what the controller told it: wait until that lists all.
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        var listed: [Int] = []
        for _ in 0..<60 {
            listed = try self.client(["brokers", bootstrap], as: BrokerList.self).brokers
            if listed.count == count { break }
            Thread.sleep(forTimeInterval: 0.25)
        }
        XCTAssertEqual(listed, Array(1...count), "every broker registered and known to the controller")
        return (connect, brokers)
    }

    /// Polls `describe` until `isDone` (bounded: 60 × 0.5 s).
    private func waitFor(_ bootstrap: String, _ topic: String, _ what: String, _ isDone: (Description) -> Bool) throws
        -> Description
    {
        var last = Description(partitions: [:])
        for _ in 0..<60 {
            last = try self.client(["describe", bootstrap, topic], as: Description.self)
            if isDone(last) { return last }
            Thread.sleep(forTimeInterval: 0.5)
        }
        XCTFail("timed out waiting until \(what); last: \(last)")
        return last
    }

    func testLeaderFailoverKeepsEveryAcknowledgedRecord() throws {
        try self.checkLeaderFailoverKeepsEveryAcknowledgedRecord(zookeeper: nil)
    }

    func testLeaderFailoverOnARealZooKeeper() throws {
        try self.checkLeaderFailoverKeepsEveryAcknowledgedRecord(zookeeper: try self.startRealZooKeeper())
    }

    private func checkLeaderFailoverKeepsEveryAcknowledgedRecord(zookeeper: String?) throws {
        let (_, brokers) = try self.startCluster(brokers: 3, zookeeper: zookeeper)
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        let acked = try self.makeTemporaryDirectory().appending("acked.jsonl").path
        let created = try self.client(
            ["create", bootstrap, "orders", "3", "3", "min.insync.replicas=2"], as: Description.self)
        XCTAssertEqual(created.partitions["0"]?.replicas, [1, 2, 3], "Kafka's rack-unaware assignment")
        XCTAssertEqual(created.partitions["1"]?.leader, 2)

        let first = try self.client(
            ["produce", bootstrap, "orders", "0", "300", "all", acked], as: ProduceSummary.self)
        XCTAssertEqual(first.acked, 300, "first error: \(first.firstError ?? "none")")

        let victim = try XCTUnwrap(created.partitions["0"]?.leader)
        brokers[victim - 1].kill()
        let survivors = brokers.enumerated().filter { $0.offset != victim - 1 }.map(\.element.bootstrap).joined(
            separator: ",")
        let failedOver = try self.waitFor(survivors, "orders", "partition 0 has a new leader") {
            guard let p = $0.partitions["0"] else { return false }
            return p.leader >= 0 && p.leader != victim && !p.isr.contains(victim)
        }
        XCTAssertNotEqual(failedOver.partitions["0"]?.leader, victim)

        let second = try self.client(
            ["produce", survivors, "orders", "300", "300", "all", acked], as: ProduceSummary.self)
        XCTAssertEqual(second.acked, 300, "first error: \(second.firstError ?? "none")")

        try brokers[victim - 1].restart()
        _ = try self.waitFor(bootstrap, "orders", "the restarted broker is back in every ISR") { description in
            description.partitions.count == 3 && description.partitions.values.allSatisfy { $0.isr.count == 3 }
        }
        let verified = try self.client(["verify", bootstrap, "orders", acked], as: Verification.self)
        XCTAssertEqual(verified.acked, 600)
        XCTAssertEqual(verified.missingCount, 0)
        XCTAssertEqual(verified.wrongCount, 0)
    }

    func testPausedBrokerRegistersAgainAfterItsSessionExpires() throws {
        let (_, brokers) = try self.startCluster(brokers: 3)
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        _ = try self.client(["create", bootstrap, "paused", "3", "3"], as: Description.self)
        brokers[1].pause()
        let others = [brokers[0].bootstrap, brokers[2].bootstrap].joined(separator: ",")
        _ = try self.waitFor(others, "paused", "broker 2 left every ISR (session expired)") { description in
            description.partitions.values.allSatisfy { !$0.isr.contains(2) && $0.leader != 2 }
        }
        Thread.sleep(forTimeInterval: 1)
        brokers[1].resume()
        _ = try self.waitFor(bootstrap, "paused", "broker 2 is back in every ISR") { description in
            description.partitions.count == 3 && description.partitions.values.allSatisfy { $0.isr.contains(2) }
        }
    }

    func testThreeLeaderKillsWhileProducingLoseNothingAndReplicasAgree() throws {
        let (_, brokers) = try self.startCluster(brokers: 3)
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        let dir = try self.makeTemporaryDirectory()
        let acked = dir.appending("acked.jsonl")
        let stop = dir.appending("stop")
        _ = try self.client(["create", bootstrap, "orders", "3", "3", "min.insync.replicas=2"], as: Description.self)
        let python = try ExternalTool.requirePython(modules: ["confluent_kafka"])
        let producer = try self.launchProcess(
            python,
            arguments: [
                Self.clients.path, "produce", bootstrap, "orders", "0", "1000000", "all", acked.path, "400", stop.path,
            ],
            environment: ["PYTHONUNBUFFERED": "1"], logURL: dir.appending("producer.json"),
            stderrURL: dir.appending("producer.err"))
        // A consumer reads throughout: nothing it sees may later disappear (it reads below the
        // high watermark only, which every in-sync replica has).
        let seen = dir.appending("seen.jsonl")
        let reader = try self.launchProcess(
            python, arguments: [Self.clients.path, "watch", bootstrap, "orders", seen.path, stop.path],
            environment: ["PYTHONUNBUFFERED": "1"], logURL: dir.appending("reader.json"),
            stderrURL: dir.appending("reader.err"))

        for round in 0..<3 {
            Self.waitForMoreLines(acked, than: Self.lineCount(acked) + 200)
            let description = try self.client(["describe", bootstrap, "orders"], as: Description.self)
            let controller = try self.client(["brokers", bootstrap], as: BrokerList.self).controller
            // The second victim is the controller, so a new controller must take over too.
            let victim = round == 1 ? controller : (description.partitions["0"]?.leader ?? 1)
            brokers[victim - 1].kill()
            let survivors = brokers.filter { $0.brokerID != victim }.map(\.bootstrap).joined(separator: ",")
            _ = try self.waitFor(survivors, "orders", "no partition is led by the killed broker \(victim)") {
                description in
                description.partitions.values.allSatisfy { $0.leader >= 0 && $0.leader != victim }
            }
            try brokers[victim - 1].restart()
            _ = try self.waitFor(bootstrap, "orders", "broker \(victim) is back in every ISR") { description in
                description.partitions.count == 3 && description.partitions.values.allSatisfy { $0.isr.count == 3 }
            }
        }
        XCTAssertTrue(FileManager.default.createFile(atPath: stop.path, contents: nil))
        XCTAssertNotNil(producer.waitForExit(timeout: .seconds(90)), "the producer stops once asked")
        XCTAssertNotNil(reader.waitForExit(timeout: .seconds(30)), "the reader stops once asked")
        let summary = try JSONDecoder.snakeCase.decode(
            ProduceSummary.self, from: Data(producer.output().split(separator: "\n").last.map { Array($0.utf8) } ?? []))
        XCTAssertEqual(
            summary.failed, 0,
            "acks=all with retries: no record may fail (first error: \(summary.firstError ?? "none")); producer stderr: "
                + ((try? String(contentsOf: dir.appending("producer.err"), encoding: .utf8))?.suffix(3000) ?? ""))
        XCTAssertGreaterThan(summary.acked, 600)

        let verified = try self.client(["verify", bootstrap, "orders", acked.path], as: Verification.self)
        XCTAssertEqual(verified.acked, summary.acked)
        XCTAssertEqual(verified.missingCount, 0, "every acknowledged record is readable at its acknowledged offset")
        XCTAssertEqual(verified.wrongCount, 0)
        let watched = try self.client(["check_seen", bootstrap, "orders", seen.path], as: SeenCheck.self)
        XCTAssertGreaterThan(watched.seen, 0, "the reader saw records during the failures")
        XCTAssertEqual(watched.vanishedCount, 0, "a record a consumer saw later disappeared")

        // Every replica holds the same batches below the high watermark.
        let marks = try self.client(["watermarks", bootstrap, "orders"], as: Watermarks.self).watermarks
        for partition in 0..<3 {
            let highWatermark = try XCTUnwrap(marks[String(partition)]?.last)
            let replicas = try brokers.map {
                try Self.batches(in: $0.logDir.appendingPathComponent("orders-\(partition)"), below: highWatermark)
            }
            XCTAssertEqual(
                replicas[0].last.map { $0.lastOffset + 1 }, highWatermark,
                "partition \(partition) covers its high watermark")
            XCTAssertEqual(
                replicas[0], replicas[1], "partition \(partition): brokers 1 and 2 differ below the high watermark")
            XCTAssertEqual(
                replicas[0], replicas[2], "partition \(partition): brokers 1 and 3 differ below the high watermark")
        }
    }

    struct SeenCheck: Decodable {
        var seen: Int
        var vanishedCount: Int
    }

    struct BatchIdentity: Equatable {
        var baseOffset: Int64
        var lastOffset: Int64
        var crc: UInt32
    }

    /// The batches of a partition directory's segments that end below `highWatermark`.
    private static func batches(in directory: URL, below highWatermark: Int64) throws -> [BatchIdentity] {
        let segments = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
            $0.hasSuffix(".log")
        }.sorted()
        var result: [BatchIdentity] = []
        for segment in segments {
            let buffer = ByteBuffer(bytes: try Data(contentsOf: directory.appendingPathComponent(segment)))
            var index = buffer.readerIndex
            while let header = RecordBatchHeader(buffer: buffer, at: index),
                index + header.totalSize <= buffer.writerIndex
            {
                if header.lastOffset < highWatermark {
                    result.append(
                        BatchIdentity(baseOffset: header.baseOffset, lastOffset: header.lastOffset, crc: header.crc))
                }
                index += header.totalSize
            }
        }
        return result
    }

    private static func lineCount(_ url: URL) -> Int {
        ((try? String(contentsOf: url, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// Waits (bounded: 30 s) until the producer has acknowledged `target` records in all.
    private static func waitForMoreLines(_ url: URL, than target: Int) {
        for _ in 0..<300 where Self.lineCount(url) < target { Thread.sleep(forTimeInterval: 0.1) }
    }

    func testTopicAdminOnEveryBrokerAndPreferredLeaderElection() throws {
        let (connect, brokers) = try self.startCluster(brokers: 3)
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        _ = try self.client(["create", bootstrap, "admin", "2", "2"], as: Description.self)
        let grown = try self.client(["add_partitions", bootstrap, "admin", "4"], as: Description.self)
        XCTAssertEqual(grown.partitions.count, 4)
        // Every broker answers Metadata the same way once the controller has told them all.
        let answers = try brokers.map { broker in
            try self.waitFor(broker.bootstrap, "admin", "broker \(broker.brokerID) sees 4 partitions") {
                $0.partitions.count == 4
            }
        }
        XCTAssertEqual(answers[0].partitions.mapValues(\.leader), answers[1].partitions.mapValues(\.leader))
        XCTAssertEqual(answers[0].partitions.mapValues(\.replicas), answers[2].partitions.mapValues(\.replicas))

        // Move leadership off the preferred replica, bring it back, then elect it on request.
        let preferred = try XCTUnwrap(answers[0].partitions["0"]?.replicas.first)
        brokers[preferred - 1].kill()
        let others = brokers.filter { $0.brokerID != preferred }.map(\.bootstrap).joined(separator: ",")
        _ = try self.waitFor(others, "admin", "partition 0 left its preferred leader") {
            ($0.partitions["0"]?.leader ?? preferred) != preferred
        }
        try brokers[preferred - 1].restart()
        _ = try self.waitFor(bootstrap, "admin", "partition 0's replicas are all in sync") {
            ($0.partitions["0"]?.isr.count ?? 0) == 2
        }
        let election = try self.client(["elect_preferred", bootstrap, "admin", "0"], as: ElectionErrors.self)
        XCTAssertEqual(election.errors["admin-0"] ?? "missing", nil)
        _ = try self.waitFor(bootstrap, "admin", "the preferred replica leads again") {
            $0.partitions["0"]?.leader == preferred
        }

        _ = try self.client(["delete", bootstrap, "admin"], as: [String: String].self)
        for broker in brokers {
            var leftovers: [String] = []
            for _ in 0..<100 {
                leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: broker.logDir.path)) ?? []).filter {
                    $0.hasPrefix("admin-")
                }
                if leftovers.isEmpty { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            XCTAssertEqual(leftovers, [], "broker \(broker.brokerID) removed the deleted topic's partitions")
        }

        // A second broker with a taken id is refused with one line, exit code 1.
        let dir = try self.makeTemporaryDirectory()
        let duplicate = try self.launchProcess(
            try Products.executable("samsa-broker"),
            arguments: [
                "--override", "broker.id=1", "--override", "zookeeper.connect=\(connect)",
                "--override", "listeners=PLAINTEXT://127.0.0.1:\(try FreePort.allocate())",
                "--override", "log.dirs=\(dir.path)/logs",
            ],
            logURL: dir.appending("out.log"), stderrURL: dir.appending("err.log"))
        XCTAssertEqual(duplicate.waitForExit(timeout: .seconds(30)), 1)
        let stderr = (try? String(contentsOf: dir.appending("err.log"), encoding: .utf8)) ?? ""
        XCTAssertTrue(stderr.contains("broker.id=1 is already registered"), stderr)
    }

    struct ElectionErrors: Decodable {
        var errors: [String: String?]
    }

    struct GroupRebalance: Decodable {
        var bothAssigned: Bool
        var first: [[Int]]
        var alone: Bool
        var afterLeave: [Int]
        var read: Int
        var commitErrors: [String]
        var committed: [String: Int]
    }

    /// A consumer group on the cluster: whichever broker a member asks, FindCoordinator names the
    /// same coordinator, so two members share the partitions, and one takes over when the other
    /// leaves, with committed offsets.
    func testConsumerGroupOnTheCluster() throws {
        let (_, brokers) = try self.startCluster(brokers: 3, extra: ["auto.create.topics.enable": "true"])
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        let python = try ExternalTool.requirePython(modules: ["confluent_kafka"])
        let script = Self.clients.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CompatibilityTests/clients/confluent_groups.py")
        let result = try ExternalTool.run(
            python, arguments: [script.path, "rebalance", bootstrap, "orders", "billing"],
            environment: ["PYTHONUNBUFFERED": "1"], timeout: .seconds(180))
        guard result.succeeded, let last = result.stdoutText.split(separator: "\n").last else {
            XCTFail("group script failed: \(result.summary)")
            return
        }
        let rebalance = try JSONDecoder.snakeCase.decode(GroupRebalance.self, from: Data(last.utf8))
        XCTAssertTrue(rebalance.bothAssigned, "both members got partitions: \(rebalance.first)")
        XCTAssertEqual(rebalance.first.flatMap { $0 }.sorted(), [0, 1, 2, 3], "each partition has one owner")
        XCTAssertEqual(rebalance.afterLeave, [0, 1, 2, 3])
        XCTAssertEqual(rebalance.read, 40, "no record read twice")
        XCTAssertEqual(rebalance.commitErrors, [])
        XCTAssertEqual(rebalance.committed, ["0": 10, "1": 10, "2": 10, "3": 10])
    }

    /// Lab 3's lesson, made deterministic: a follower paused until it leaves the ISR misses
    /// records acknowledged with acks=1; then the leader dies.
    private func loseLeaderWithStaleFollower(unclean: Bool) throws -> (bootstrap: String, acked: String, follower: Int)
    {
        let (_, brokers) = try self.startCluster(
            brokers: 2,
            extra: [
                "unclean.leader.election.enable": unclean ? "true" : "false", "zookeeper.session.timeout.ms": "8000",
            ])
        let bootstrap = brokers.map(\.bootstrap).joined(separator: ",")
        let acked = try self.makeTemporaryDirectory().appending("acked.jsonl").path
        let created = try self.client(["create", bootstrap, "lessons", "1", "2"], as: Description.self)
        let leader = try XCTUnwrap(created.partitions["0"]?.leader)
        let follower = leader == 1 ? 2 : 1
        let early = try self.client(
            ["produce", bootstrap, "lessons", "0", "50", "all", acked], as: ProduceSummary.self)
        XCTAssertEqual(early.acked, 50)

        brokers[follower - 1].pause()
        _ = try self.waitFor(brokers[leader - 1].bootstrap, "lessons", "the paused follower leaves the ISR") {
            $0.partitions["0"]?.isr == [leader]
        }
        let late = try self.client(
            ["produce", brokers[leader - 1].bootstrap, "lessons", "50", "50", "1", acked], as: ProduceSummary.self)
        XCTAssertEqual(late.acked, 50, "acks=1 needs only the leader")
        brokers[leader - 1].kill()
        brokers[follower - 1].resume()
        return (brokers[follower - 1].bootstrap, acked, follower)
    }

    func testWithoutUncleanElectionThePartitionGoesOffline() throws {
        let (bootstrap, _, _) = try self.loseLeaderWithStaleFollower(unclean: false)
        let offline = try self.waitFor(bootstrap, "lessons", "the partition has no leader") {
            $0.partitions["0"]?.leader == -1
        }
        XCTAssertEqual(offline.partitions["0"]?.leader, -1, "no in-sync replica is alive, so no leader")
    }

    func testUncleanElectionLosesAcknowledgedRecords() throws {
        let (bootstrap, acked, follower) = try self.loseLeaderWithStaleFollower(unclean: true)
        _ = try self.waitFor(bootstrap, "lessons", "the stale follower leads") {
            $0.partitions["0"]?.leader == follower
        }
        let verified = try self.client(["verify", bootstrap, "lessons", acked], as: Verification.self)
        XCTAssertEqual(verified.acked, 100)
        XCTAssertEqual(
            verified.missingCount, 50, "the 50 records acknowledged with acks=1 after the follower fell behind are gone"
        )
    }
}

extension JSONDecoder {
    static var snakeCase: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }
}
