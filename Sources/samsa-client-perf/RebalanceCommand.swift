import ArgumentParser
import KafkaProtocol
import Logging
import SamsaClient
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ClientPerfCommand {
    /// How long a group takes to hand a leaving member's partitions to the others: N SamsaClient consumers
    /// share a group, the last one closes (LeaveGroup), and the clock runs until the remaining members own
    /// every partition again, each exactly once (seen through their rebalance callbacks).
    struct Rebalance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time from one member's close() until the rest of its group owns every partition again.")

        @Option(name: .customLong("bootstrap-server"), help: "host:port of a broker, e.g. 127.0.0.1:9092.")
        var bootstrapServer: String = "127.0.0.1:9092"

        @Option(help: "Topic the group reads (created if missing).")
        var topic: String = "rebalance"

        @Option(help: "Partitions when the topic is created.")
        var partitions: Int32 = 12

        @Option(help: "Members of the group; the last one leaves.")
        var members: Int = 4

        @Option(help: "Measurements per assignor.")
        var runs: Int = 5

        @Option(help: "range, cooperative-sticky, or both.")
        var assignor: String = "both"

        @Option(name: .customLong("heartbeat-interval-ms"), help: "heartbeat.interval.ms (Kafka's default 3000).")
        var heartbeatIntervalMs: Int = 3_000

        @Option(name: .customLong("poll-timeout-ms"), help: "Timeout of each member's poll() in its loop.")
        var pollTimeoutMs: Int = 100

        func validate() throws {
            guard self.members >= 2 else { throw ValidationError("--members must be at least 2, e.g. --members 4") }
            guard self.runs >= 1 else { throw ValidationError("--runs must be at least 1, e.g. --runs 5") }
            guard Int(self.partitions) >= self.members else {
                throw ValidationError("--partitions must be at least --members so every member owns one")
            }
            guard ["range", "cooperative-sticky", "both"].contains(self.assignor) else {
                throw ValidationError("--assignor must be range, cooperative-sticky or both")
            }
            guard self.heartbeatIntervalMs > 0, self.pollTimeoutMs > 0 else {
                throw ValidationError("--heartbeat-interval-ms and --poll-timeout-ms must be positive")
            }
        }

        func run() async throws {
            var logger = Logger(label: "samsa-client-perf")
            logger.logLevel = .warning
            let admin = KafkaAdmin(
                client: KafkaClient(
                    configuration: try ClientConfiguration(
                        bootstrapServers: self.bootstrapServer, clientId: "samsa-client-perf", logger: logger)))
            do {
                try await admin.createTopic(self.topic, partitions: self.partitions, replicationFactor: 1)
            } catch SamsaClientError.kafka(.topicAlreadyExists, _) {
            }
            let kinds: [AssignorKind] =
                switch self.assignor {
                case "range": [.range]
                case "cooperative-sticky": [.cooperativeSticky]
                default: [.range, .cooperativeSticky]
                }
            for kind in kinds {
                var seconds: [Double] = []
                for run in 1...self.runs {
                    let measured = try await self.measureOnce(kind: kind, run: run, admin: admin, logger: logger)
                    print("\(kind.rawValue) run \(run): \(String(format3: measured)) s")
                    seconds.append(measured)
                }
                let sorted = seconds.sorted()
                print(
                    "\(kind.rawValue): median \(String(format3: sorted[sorted.count / 2])) s, max \(String(format3: sorted.last ?? 0)) s "
                        + "over \(self.runs) runs (\(self.members) members, \(self.partitions) partitions, "
                        + "heartbeat.interval.ms=\(self.heartbeatIntervalMs))")
            }
            await admin.close()
        }

        /// One group: all members join, the last leaves, time until the others own everything.
        private func measureOnce(kind: AssignorKind, run: Int, admin: KafkaAdmin, logger: Logger) async throws -> Double
        {
            let groupId = "rebalance-\(kind.rawValue)-\(run)-\(getpid())"
            let tracker = OwnershipTracker()
            var consumers: [KafkaConsumer] = []
            var loops: [PollLoop] = []
            for member in 0..<self.members {
                var configuration = ConsumerConfiguration(groupId: groupId)
                configuration.assignors = [kind]
                configuration.heartbeatInterval = .milliseconds(self.heartbeatIntervalMs)
                configuration.autoOffsetReset = .latest
                let client = KafkaClient(
                    configuration: try ClientConfiguration(
                        bootstrapServers: self.bootstrapServer, clientId: "rebalance-\(member)", logger: logger))
                let consumer = KafkaConsumer(client: client, configuration: configuration)
                try await consumer.subscribe([self.topic], listener: TrackingListener(member: member, tracker: tracker))
                consumers.append(consumer)
                loops.append(PollLoop(consumer: consumer, timeout: .milliseconds(self.pollTimeoutMs)))
            }
            let total = Int(self.partitions)
            let everyone = Set(0..<self.members)
            // Settled: every member owns a share and the coordinator reports the group Stable.
            var settled = false
            for _ in 0..<600 where !settled {
                try await Task.sleep(for: .milliseconds(100))
                if tracker.ownsEverything(members: everyone, total: total, everyMemberHasSome: true),
                    let description = try await admin.describeGroups([groupId]).first,
                    description.state == "Stable", description.members.count == self.members
                {
                    settled = true
                }
            }
            guard settled else {
                throw RebalanceBenchmarkFailure(
                    "group \(groupId) did not settle with \(self.members) members within 60 s")
            }
            // Members joined together, so their heartbeats tick in step; leaving at a random point of the
            // heartbeat cycle measures what an application sees on average, not the worst case.
            try await Task.sleep(for: .milliseconds(Int.random(in: 0..<self.heartbeatIntervalMs)))
            let leaving = self.members - 1
            await loops[leaving].stop()
            let remaining = Set(0..<leaving)
            tracker.arm(members: remaining, total: total)
            let start = ContinuousClock.now
            await consumers[leaving].close()
            await consumers[leaving].client.close()
            var completedAt: ContinuousClock.Instant?
            for _ in 0..<60_000 {
                if let done = tracker.completedAt {
                    completedAt = done
                    break
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            for index in 0..<leaving {
                await loops[index].stop()
                await consumers[index].close()
                await consumers[index].client.close()
            }
            guard let completedAt else {
                throw RebalanceBenchmarkFailure(
                    "the remaining members of \(groupId) did not own every partition within 60 s")
            }
            let (whole, attoseconds) = (completedAt - start).components
            return Double(whole) + Double(attoseconds) / 1e18
        }
    }
}

/// A measurement that could not finish (printed by ArgumentParser as the error).
struct RebalanceBenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Calls `poll` in a loop, as an application would, until stopped.
final class PollLoop: Sendable {
    private let task: Task<Void, Never>

    init(consumer: KafkaConsumer, timeout: Duration) {
        self.task = Task {
            while !Task.isCancelled {
                do {
                    _ = try await consumer.poll(timeout: timeout)
                } catch {
                    if Task.isCancelled { return }
                    try? await Task.sleep(for: .milliseconds(10))
                }
            }
        }
    }

    func stop() async {
        self.task.cancel()
        await self.task.value
    }
}

/// Forwards one member's rebalance callbacks to the shared tracker.
struct TrackingListener: RebalanceListener {
    let member: Int
    let tracker: OwnershipTracker

    func partitionsAssigned(_ partitions: [TopicPartition]) async { self.tracker.add(partitions, to: self.member) }
    func partitionsRevoked(_ partitions: [TopicPartition]) async { self.tracker.remove(partitions, from: self.member) }
    func partitionsLost(_ partitions: [TopicPartition]) async { self.tracker.remove(partitions, from: self.member) }
}

/// Who owns which partition, from the callbacks, and the first instant after `arm` at which the armed
/// members own every partition exactly once. Callbacks come from several actors, hence the mutex.
final class OwnershipTracker: Sendable {
    private struct Ownership {
        var owned: [Int: Set<TopicPartition>] = [:]
        var target: (members: Set<Int>, total: Int)?
        var completed: ContinuousClock.Instant?

        mutating func checkTarget() {
            guard let target = self.target,
                self.covers(members: target.members, total: target.total, everyMemberHasSome: false)
            else { return }
            self.completed = .now
            self.target = nil
        }

        /// Exactly once: the sizes add up to the total and so does the union.
        func covers(members: Set<Int>, total: Int, everyMemberHasSome: Bool) -> Bool {
            var union = Set<TopicPartition>()
            var sum = 0
            for member in members {
                let partitions = self.owned[member] ?? []
                if everyMemberHasSome && partitions.isEmpty { return false }
                union.formUnion(partitions)
                sum += partitions.count
            }
            return union.count == total && sum == total
        }
    }

    private let ownership = Mutex(Ownership())

    func add(_ partitions: [TopicPartition], to member: Int) {
        self.ownership.withLock {
            $0.owned[member, default: []].formUnion(partitions)
            $0.checkTarget()
        }
    }

    func remove(_ partitions: [TopicPartition], from member: Int) {
        self.ownership.withLock {
            $0.owned[member, default: []].subtract(partitions)
            $0.checkTarget()
        }
    }

    /// Starts watching for `members` to own all `total` partitions.
    func arm(members: Set<Int>, total: Int) {
        self.ownership.withLock {
            $0.completed = nil
            $0.target = (members, total)
            $0.checkTarget()
        }
    }

    var completedAt: ContinuousClock.Instant? { self.ownership.withLock { $0.completed } }

    func ownsEverything(members: Set<Int>, total: Int, everyMemberHasSome: Bool) -> Bool {
        self.ownership.withLock { $0.covers(members: members, total: total, everyMemberHasSome: everyMemberHasSome) }
    }
}

extension String {
    init(format3 value: Double) {
        let scaled = Int((value * 1000).rounded())
        let fraction = String(abs(scaled % 1000))
        self = "\(scaled / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}
