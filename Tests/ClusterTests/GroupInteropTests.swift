import Foundation
import KafkaProtocol
import NIOCore
import SamsaClient
import SamsaTesting
import Synchronization
import XCTest

/// One consumer group shared by four different clients — a SamsaClient consumer in this process,
/// two confluent-kafka (librdkafka) consumers and a kafka-python consumer — on a 6-partition topic.
/// After every join, clean leave and SIGKILL, each partition belongs to exactly one member within
/// the session timeout; a clean handover never gives a read record to another member (the offsets
/// one client commits are where the next client starts); on a cluster, killing the coordinator's
/// broker keeps the committed offsets.
final class GroupInteropTests: XCTestCase {
    private static let memberScript = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("clients/group_member.py")
    private static let topic = "interop"
    private static let group = "mixed"
    private static let partitions: Int32 = 6
    /// The members' session timeout (group_member.py and the Swift member use the same).
    private static let sessionTimeout: Duration = .seconds(6)

    func testFourClientKindsShareOneGroupOnOneBroker() async throws {
        let broker = try self.startBroker(overrides: ["group.initial.rebalance.delay.ms": "0"])
        try await self.runScenario(bootstrap: broker.bootstrap, replicationFactor: 1, brokers: nil)
    }

    func testFourClientKindsShareOneGroupAndSurviveTheCoordinatorsDeath() async throws {
        let meta = try self.startMetaServer(overrides: ["tickTime": "500"])
        var brokers: [TestBroker] = []
        for id in 1...3 {
            brokers.append(
                try self.startBroker(
                    brokerID: id,
                    overrides: [
                        "zookeeper.connect": meta.connectString, "zookeeper.session.timeout.ms": "4000",
                        "replica.lag.time.max.ms": "2000", "group.initial.rebalance.delay.ms": "0",
                        "offsets.topic.num.partitions": "10",
                    ]))
        }
        try await self.runScenario(
            bootstrap: brokers.map(\.bootstrap).joined(separator: ","), replicationFactor: 3, brokers: brokers)
    }

    // MARK: - The scenario

    private func runScenario(bootstrap: String, replicationFactor: Int16, brokers: [TestBroker]?) async throws {
        let python = try ExternalTool.requirePython(modules: ["confluent_kafka", "kafka"])
        let directory = try self.makeTemporaryDirectory(prefix: "group-interop").url
        let admin = try KafkaAdmin(bootstrapServers: bootstrap)
        defer { Task { await admin.close() } }
        try await self.createTopic(admin, replicationFactor: replicationFactor)
        let scenario = Scenario(bootstrap: bootstrap, directory: directory, python: python, test: self)
        defer { scenario.stopEverything() }

        try await scenario.produce(60)
        try scenario.startSwift("samsa-1")
        try await scenario.expectBalanced(["samsa-1"], after: "the first member joined")
        try await scenario.expectEverythingRead()

        try scenario.startPython("confluent-1", client: "confluent")
        try await scenario.expectBalanced(["samsa-1", "confluent-1"], after: "confluent-1 joined")
        try await scenario.produce(60)
        try await scenario.expectEverythingRead()

        try scenario.startPython("confluent-2", client: "confluent")
        try scenario.startPython("python-1", client: "kafka-python")
        try await scenario.expectBalanced(
            ["samsa-1", "confluent-1", "confluent-2", "python-1"], after: "confluent-2 and python-1 joined")
        try await scenario.produce(60)
        try await scenario.expectEverythingRead()

        try await scenario.stopCleanly("confluent-1")
        try await scenario.expectBalanced(["samsa-1", "confluent-2", "python-1"], after: "confluent-1 left cleanly")
        try await scenario.produce(60)
        try await scenario.expectEverythingRead()
        XCTAssertEqual(scenario.duplicates(), [], "after clean handovers no record is read twice by the group")

        try scenario.kill("confluent-2")
        try await scenario.expectBalanced(
            ["samsa-1", "python-1"], after: "confluent-2 was killed (SIGKILL, no LeaveGroup)")
        try await scenario.produce(60)
        try await scenario.expectEverythingRead()
        let killedReads = scenario.values(readBy: "confluent-2")
        let duplicates = scenario.duplicates()
        XCTAssertTrue(
            duplicates.isSubset(of: killedReads),
            "only records the killed member read but had not committed may be read again: \(duplicates.subtracting(killedReads).sorted())"
        )

        if let brokers {
            // Everything read is committed; then the coordinator's broker dies.
            try await scenario.expectCommittedAtEnd(admin, Self.group)
            let before = scenario.duplicates()
            let coordinator = try await self.coordinator(of: Self.group, admin: admin)
            brokers[Int(coordinator) - 1].kill()
            let survivor = brokers.first { $0.brokerID != Int(coordinator) }!
            let survivorAdmin = try KafkaAdmin(bootstrapServers: survivor.bootstrap)
            defer { Task { await survivorAdmin.close() } }
            try await scenario.expectBalanced(
                ["samsa-1", "python-1"], after: "broker \(coordinator), the coordinator, was killed")
            try await scenario.produce(60)
            try await scenario.expectEverythingRead()
            XCTAssertEqual(
                scenario.duplicates(), before,
                "the new coordinator loaded the committed offsets: no record from before broker \(coordinator) died is read again"
            )
            let newCoordinator = try await self.coordinator(of: Self.group, admin: survivorAdmin)
            XCTAssertNotEqual(newCoordinator, coordinator, "another broker coordinates the group")
            try await scenario.stopCleanly("samsa-1")
            try await scenario.stopCleanly("python-1")
            try await scenario.expectCommittedAtEnd(survivorAdmin, Self.group)
        } else {
            try await scenario.stopCleanly("samsa-1")
            try await scenario.stopCleanly("python-1")
            try await scenario.expectCommittedAtEnd(admin, Self.group)
        }
    }

    private func createTopic(_ admin: KafkaAdmin, replicationFactor: Int16) async throws {
        try await admin.createTopics([
            NewTopic(name: Self.topic, numPartitions: Self.partitions, replicationFactor: replicationFactor)
        ])
    }

    /// The group's coordinator as FindCoordinator names it.
    private func coordinator(of group: String, admin: KafkaAdmin) async throws -> Int32 {
        var request = FindCoordinatorRequest()
        request.key = group
        request.coordinatorKeys = [group]
        var lastError: Int16 = 0
        for _ in 0..<50 {
            let response = try await admin.client.sendToAny(request)
            let entry = response.coordinators.first
            let (error, node) = entry.map { ($0.errorCode, $0.nodeId) } ?? (response.errorCode, response.nodeId)
            if error == 0, node >= 0 { return node }
            lastError = error
            try await Task.sleep(for: .milliseconds(200))
        }
        throw SamsaTestingError.reported("FindCoordinator kept failing with error \(lastError)")
    }

    // MARK: - Members and their reports

    /// The members, what was produced, and checks over the members' report files.
    final class Scenario: @unchecked Sendable {
        let bootstrap: String
        let directory: URL
        let python: URL
        unowned let test: XCTestCase
        private var produced: Set<String> = []
        private var nextValue = 0
        private var processes: [String: TestProcess] = [:]
        private var swiftMembers: [String: SwiftGroupMember] = [:]
        private var live: Set<String> = []

        init(bootstrap: String, directory: URL, python: URL, test: XCTestCase) {
            self.bootstrap = bootstrap
            self.directory = directory
            self.python = python
            self.test = test
        }

        /// Produces `count` records, round robin over the partitions, acks=all.
        func produce(_ count: Int) async throws {
            let producer = try KafkaProducer(bootstrapServers: self.bootstrap)
            for _ in 0..<count {
                let value = String(format: "r-%05d", self.nextValue)
                let partition = Int32(self.nextValue) % GroupInteropTests.partitions
                self.nextValue += 1
                _ = try await producer.send(
                    ProducerRecord(topic: GroupInteropTests.topic, partition: partition, value: value))
                self.produced.insert(value)
            }
            await producer.close()
        }

        func startSwift(_ name: String) throws {
            self.swiftMembers[name] = try SwiftGroupMember(
                bootstrap: self.bootstrap, topic: GroupInteropTests.topic, group: GroupInteropTests.group, name: name,
                directory: self.directory, sessionTimeout: GroupInteropTests.sessionTimeout)
            self.live.insert(name)
        }

        func startPython(_ name: String, client: String) throws {
            self.processes[name] = try self.test.launchProcess(
                self.python,
                arguments: [
                    GroupInteropTests.memberScript.path, client, self.bootstrap, GroupInteropTests.topic,
                    GroupInteropTests.group,
                    name, self.directory.path,
                ],
                environment: ["PYTHONUNBUFFERED": "1"], logURL: self.directory.appendingPathComponent("\(name).log"))
            self.live.insert(name)
        }

        /// The member commits, leaves the group (LeaveGroup) and stops.
        func stopCleanly(_ name: String) async throws {
            self.live.remove(name)
            if let member = self.swiftMembers[name] {
                await member.stop()
                return
            }
            FileManager.default.createFile(
                atPath: self.directory.appendingPathComponent("\(name).stop").path, contents: nil)
            let status = self.processes[name]?.waitForExit(timeout: .seconds(60))
            XCTAssertEqual(status, 0, "\(name) exits cleanly: \(self.processes[name]?.logTail() ?? "")")
        }

        /// SIGKILL: no LeaveGroup, the coordinator notices only when the session times out.
        func kill(_ name: String) throws {
            self.live.remove(name)
            guard let process = self.processes[name] else {
                throw SamsaTestingError.reported("\(name) is not a process")
            }
            process.kill()
        }

        func stopEverything() {
            for (_, member) in self.swiftMembers { member.requestStop() }
            for (_, process) in self.processes where process.isRunning { process.kill() }
        }

        /// What each member reports owning now.
        private func assignments() -> [String: [Int32]] {
            struct Report: Decodable { var partitions: [Int32] }
            var result: [String: [Int32]] = [:]
            for name in self.live {
                let url = self.directory.appendingPathComponent("\(name).assignment.json")
                guard let data = try? Data(contentsOf: url),
                    let report = try? JSONDecoder().decode(Report.self, from: data)
                else {
                    continue
                }
                result[name] = report.partitions
            }
            return result
        }

        /// Waits (bounded: two session timeouts plus 20 s) until the live members own every
        /// partition exactly once, each at least one.
        func expectBalanced(
            _ members: Set<String>, after event: String, file: StaticString = #filePath, line: UInt = #line
        )
            async throws
        {
            XCTAssertEqual(self.live, members, "the test's own bookkeeping", file: file, line: line)
            let deadline = ContinuousClock.now + GroupInteropTests.sessionTimeout * 2 + .seconds(20)
            var last: [String: [Int32]] = [:]
            while ContinuousClock.now < deadline {
                last = self.assignments()
                let owned = members.flatMap { last[$0] ?? [] }
                let everyoneHasSome = members.allSatisfy { !(last[$0] ?? []).isEmpty }
                if everyoneHasSome, owned.count == Int(GroupInteropTests.partitions),
                    Set(owned) == Set(0..<GroupInteropTests.partitions)
                {
                    return
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            XCTFail(
                "after \(event), the partitions were not owned exactly once by \(members.sorted()): \(last)",
                file: file, line: line)
        }

        /// Reads of every member, dead or alive, as (member, value).
        private func reads() -> [(member: String, value: String)] {
            struct Read: Decodable { var v: String }
            var result: [(String, String)] = []
            let names = Set(self.processes.keys).union(self.swiftMembers.keys)
            for name in names {
                let url = self.directory.appendingPathComponent("\(name).reads.jsonl")
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for line in text.split(separator: "\n") {
                    if let read = try? JSONDecoder().decode(Read.self, from: Data(line.utf8)) {
                        result.append((name, read.v))
                    }
                }
            }
            return result
        }

        /// Errors the Swift member's poll loop reported (kept for failure messages).
        func reportedErrors() -> [String] {
            struct Failure: Decodable { var error: String }
            return self.swiftMembers.keys.flatMap { name -> [String] in
                let url = self.directory.appendingPathComponent("\(name).reads.jsonl")
                let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
                return text.split(separator: "\n").compactMap {
                    try? JSONDecoder().decode(Failure.self, from: Data($0.utf8)).error
                }
                .map { "\(name): \($0)" }
            }
        }

        func values(readBy member: String) -> Set<String> {
            Set(self.reads().filter { $0.member == member }.map(\.value))
        }

        /// Values read more than once by the group.
        func duplicates() -> Set<String> {
            var seen: Set<String> = []
            var twice: Set<String> = []
            for read in self.reads() where !seen.insert(read.value).inserted { twice.insert(read.value) }
            return twice
        }

        /// Waits (bounded: 60 s) until the group has read every produced record.
        func expectEverythingRead(file: StaticString = #filePath, line: UInt = #line) async throws {
            let deadline = ContinuousClock.now + .seconds(60)
            var missing: Set<String> = self.produced
            while ContinuousClock.now < deadline {
                missing = self.produced.subtracting(self.reads().map(\.value))
                if missing.isEmpty { return }
                try await Task.sleep(for: .milliseconds(200))
            }
            XCTFail(
                "the group did not read \(missing.count) records, e.g. \(missing.sorted().prefix(5)); errors: \(self.reportedErrors().suffix(5))",
                file: file, line: line)
        }

        /// Waits (bounded: 30 s) until the group's committed offsets equal every partition's end.
        func expectCommittedAtEnd(
            _ admin: KafkaAdmin, _ group: String, file: StaticString = #filePath, line: UInt = #line
        )
            async throws
        {
            let partitions = (0..<GroupInteropTests.partitions).map { TopicPartition(GroupInteropTests.topic, $0) }
            let deadline = ContinuousClock.now + .seconds(30)
            var committed: [TopicPartition: Int64?] = [:]
            var ends: [TopicPartition: Int64] = [:]
            while ContinuousClock.now < deadline {
                ends = try await admin.listOffsets(partitions, spec: .latest).mapValues(\.offset)
                committed = (try? await admin.listGroupOffsets(group, partitions: partitions)) ?? [:]
                if partitions.allSatisfy({ committed[$0] == .some(ends[$0]) }) { return }
                try await Task.sleep(for: .milliseconds(250))
            }
            XCTFail("committed \(committed) did not reach the ends \(ends)", file: file, line: line)
        }
    }
}

/// A SamsaClient consumer in the group, reporting like group_member.py does: commits
/// synchronously after every batch; `stop` closes it (LeaveGroup).
final class SwiftGroupMember: Sendable {
    private final class Flag: Sendable {
        let isSet = Atomic<Bool>(false)
    }

    private let stopRequested = Flag()
    private let task: Task<Void, Never>

    init(bootstrap: String, topic: String, group: String, name: String, directory: URL, sessionTimeout: Duration) throws
    {
        var configuration = ConsumerConfiguration(groupId: group)
        configuration.enableAutoCommit = false
        configuration.autoOffsetReset = .earliest
        configuration.sessionTimeout = sessionTimeout
        configuration.heartbeatInterval = .seconds(1)
        configuration.assignors = [.range]
        let consumer = try KafkaConsumer(bootstrapServers: bootstrap, clientId: name, configuration: configuration)
        let readsURL = directory.appendingPathComponent("\(name).reads.jsonl")
        let assignmentURL = directory.appendingPathComponent("\(name).assignment.json")
        FileManager.default.createFile(atPath: readsURL.path, contents: nil)
        let reads = try FileHandle(forWritingTo: readsURL)
        let stopRequested = self.stopRequested
        self.task = Task {
            func report(_ partitions: [Int32]) {
                let json = "{\"partitions\": [\(partitions.sorted().map(String.init).joined(separator: ","))]}"
                try? Data(json.utf8).write(to: assignmentURL, options: .atomic)
            }
            do {
                try await consumer.subscribe([topic])
            } catch {
                report([])
                return
            }
            // Bounded: at most ~240 s even if the test forgot to stop it.
            for _ in 0..<1_200 where !stopRequested.isSet.load(ordering: .acquiring) {
                do {
                    let records = try await consumer.poll(timeout: .milliseconds(200))
                    for record in records {
                        let line =
                            "{\"p\": \(record.partition), \"o\": \(record.offset), \"v\": \"\(record.valueString ?? "")\"}\n"
                        reads.write(Data(line.utf8))
                    }
                    if !records.isEmpty { try? await consumer.commit() }
                } catch {
                    // Kept for the failure message: what the member saw while the group moved.
                    reads.write(
                        Data(
                            "{\"error\": \"\(String(describing: error).replacingOccurrences(of: "\"", with: "'"))\"}\n"
                                .utf8))
                    try? await Task.sleep(for: .milliseconds(200))
                }
                report(await consumer.assignedPartitions.map(\.partition))
            }
            await consumer.close()
            try? reads.close()
            report([])
        }
    }

    func requestStop() { self.stopRequested.isSet.store(true, ordering: .releasing) }

    func stop() async {
        self.requestStop()
        await self.task.value
    }
}
