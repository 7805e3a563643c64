import CourseLanguage
import Foundation
import KafkaProtocol
import SamsaClient
import Synchronization

/// Group members running inside the REPL (`consumer start`): each polls in its own task, commits
/// automatically every second, and reports the generation and partitions it got after each
/// rebalance. When every running member of a group has synced the same new generation, the group's
/// assignment is printed as one line: `billing · generation 3 · c2: orders-0, orders-1 · c3: orders-2`.
final class BackgroundConsumers: Sendable {
    /// How the REPL configures its members: lab-sized timeouts, so a killed member is noticed soon.
    struct Settings: Sendable {
        var sessionTimeout: Duration = .seconds(10)
        var heartbeatInterval: Duration = .seconds(1)
        var rebalanceTimeout: Duration = .seconds(20)
        var autoCommitInterval: Duration = .seconds(1)
    }

    struct Member: Sendable {
        var name: String
        var group: String
        var topic: String
        var consumer: KafkaConsumer
        var task: Task<Void, Never>?
        var sessionTimeout: Duration
        var memberId = ""
        var generation: Int32 = -1
        var assignment: [TopicPartition] = []
        var records = 0
        /// Records this member read at offsets some member of its group (in this REPL) had read
        /// before: what a rebalance after uncommitted reads makes the next owner process again.
        var readTwice = 0
        /// `consumer commits NAME off` stopped its auto commit.
        var commits = true
        var lastError: LocalizedText?
    }

    /// What set off the next rebalance of a group, told with its line.
    private struct Cause {
        var reason: LiveEvent.RebalanceCause
        var at: ContinuousClock.Instant
    }

    /// The running members, the generation last told per group, and what set off each group's
    /// next rebalance; touched from the members' tasks and the REPL's thread.
    private struct Roster {
        var members: [String: Member] = [:]
        var printed: [String: Int32] = [:]
        var causes: [String: Cause] = [:]
        /// Per group, per partition: the offset after the last record any of its members read.
        var readUpTo: [String: [TopicPartition: Int64]] = [:]
    }

    private let feed: EventFeed
    private let roster = Mutex(Roster())

    init(feed: EventFeed) {
        self.feed = feed
    }

    var names: [String] { self.roster.withLock { roster in roster.members.keys.sorted() } }
    var all: [Member] { self.roster.withLock { roster in roster.members.values.sorted { $0.name < $1.name } } }
    var groups: [String] { self.roster.withLock { roster in Array(Set(roster.members.values.map(\.group))).sorted() } }

    func member(_ name: String) -> Member? { self.roster.withLock { roster in roster.members[name] } }

    /// Members of `group` that have synced with the coordinator, by member id (for `group describe`).
    func namesByMemberId(group: String) -> [String: String] {
        self.roster.withLock { roster in
            Dictionary(
                roster.members.values.filter { $0.group == group && !$0.memberId.isEmpty }.map {
                    ($0.memberId, $0.name)
                },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// Starts a member: its client, consumer and poll loop.
    func start(name: String, group: String, topic: String, bootstrap: String, settings: Settings) throws {
        let client = try KafkaClient(bootstrapServers: bootstrap, clientId: name)
        var configuration = ConsumerConfiguration(groupId: group)
        configuration.autoOffsetReset = .earliest
        configuration.sessionTimeout = settings.sessionTimeout
        configuration.heartbeatInterval = settings.heartbeatInterval
        configuration.rebalanceTimeout = settings.rebalanceTimeout
        configuration.autoCommitInterval = settings.autoCommitInterval
        let consumer = KafkaConsumer(client: client, configuration: configuration)
        self.roster.withLock { roster in
            roster.members[name] = Member(
                name: name, group: group, topic: topic, consumer: consumer, sessionTimeout: settings.sessionTimeout)
            roster.causes[group] = Cause(reason: .joined(name), at: .now)
        }
        let task = Task { [weak self] in
            do {
                try await consumer.subscribe([topic])
            } catch {
                self?.failed(name, error)
                return
            }
            var seenGeneration: Int32 = -1
            while !Task.isCancelled {
                do {
                    let records = try await consumer.poll(timeout: .milliseconds(250))
                    self?.consumed(name, records)
                } catch {
                    if Task.isCancelled { return }
                    self?.failed(name, error)
                    // Bounded by `consumer stop`/`kill`; a broker may come back meanwhile.
                    try? await Task.sleep(for: .seconds(1))
                    continue
                }
                let (memberId, generation, _, _) = await consumer.groupGeneration
                guard generation >= 0, generation != seenGeneration else { continue }
                seenGeneration = generation
                let assignment = await consumer.assignedPartitions
                self?.synced(name, memberId: memberId, generation: generation, assignment: assignment)
            }
        }
        self.roster.withLock { roster in roster.members[name]?.task = task }
    }

    /// `consumer stop`: commits, sends LeaveGroup, closes. The group rebalances at once.
    func stop(_ name: String) async {
        guard let member = self.remove(name, cause: .left(name)) else { return }
        member.task?.cancel()
        await Self.waitBriefly(for: member.task)
        // A coordinator that does not answer (its broker paused or gone) must not hold the REPL:
        // after 3 s the member is abandoned instead, and the coordinator times it out.
        let consumer = member.consumer
        let closed = await Self.finishes(within: .seconds(3)) { await consumer.close() }
        if !closed { await consumer.abandon() }
    }

    /// `consumer kill`: connections closed, no LeaveGroup, no commit; the coordinator waits for the
    /// session to time out before it rebalances.
    func kill(_ name: String) async {
        let timeout = self.member(name).map { Int($0.sessionTimeout.components.seconds * 1000) } ?? 0
        guard let member = self.remove(name, cause: .killed(name, sessionTimeoutMs: timeout)) else { return }
        member.task?.cancel()
        await member.consumer.abandon()
        await Self.waitBriefly(for: member.task)
    }

    /// Every member leaves cleanly (the REPL is ending or the cluster stopping).
    func stopAll() async {
        for name in self.names { await self.stop(name) }
    }

    private func remove(_ name: String, cause: LiveEvent.RebalanceCause) -> Member? {
        self.roster.withLock { roster in
            guard let member = roster.members.removeValue(forKey: name) else { return nil }
            if roster.members.values.contains(where: { $0.group == member.group }) {
                roster.causes[member.group] = Cause(reason: cause, at: .now)
            }
            return member
        }
    }

    /// A poll in flight finishes within about a second (fetch wait); a JoinGroup may take longer,
    /// and is not waited for.
    private static func waitBriefly(for task: Task<Void, Never>?) async {
        guard let task else { return }
        _ = await self.finishes(within: .seconds(2)) { await task.value }
    }

    /// Waits for `work` at most `timeout`; false when the time ran out (the work goes on alone).
    /// Not a task group: a group would wait for its children, and `work` may not be cancellable.
    static func finishes(within timeout: Duration, _ work: @escaping @Sendable () async -> Void) async -> Bool {
        let once = ResumeOnce()
        return await withCheckedContinuation { continuation in
            Task {
                await work()
                if once.claim() { continuation.resume(returning: true) }
            }
            Task {
                try? await Task.sleep(for: timeout)
                if once.claim() { continuation.resume(returning: false) }
            }
        }
    }

    /// True for the first caller only: a continuation is resumed exactly once.
    private final class ResumeOnce: Sendable {
        private let claimed = Mutex(false)

        func claim() -> Bool {
            self.claimed.withLock { claimed in
                defer { claimed = true }
                return !claimed
            }
        }
    }

    private func consumed(_ name: String, _ records: [ConsumerRecord]) {
        guard !records.isEmpty else { return }
        self.roster.withLock { roster in
            guard let group = roster.members[name]?.group else { return }
            var twice = 0
            for record in records {
                let partition = record.topicPartition
                let upTo = roster.readUpTo[group]?[partition] ?? 0
                if record.offset < upTo { twice += 1 }
                roster.readUpTo[group, default: [:]][partition] = max(upTo, record.offset + 1)
            }
            roster.members[name]?.records += records.count
            roster.members[name]?.readTwice += twice
            roster.members[name]?.lastError = nil
        }
    }

    /// `consumer commits NAME on|off`: the member goes on reading; with commits off it commits
    /// nothing (not even before a rebalance), so its partitions' next owner reads those records again.
    func setCommits(_ name: String, _ on: Bool) async {
        guard
            let consumer = self.roster.withLock({ roster -> KafkaConsumer? in
                roster.members[name]?.commits = on
                return roster.members[name]?.consumer
            })
        else { return }
        await consumer.pauseAutoCommit(!on)
    }

    /// True when every member of `group` running here has read all its partitions hold (its
    /// position at each high watermark), committed or not; false while one is joining or behind.
    func haveReadEverything(group: String) async -> Bool {
        let members = self.all.filter { $0.group == group }
        for member in members {
            guard member.generation >= 0, let lag = try? await member.consumer.lag() else { return false }
            if lag.count < member.assignment.count || lag.values.contains(where: { $0 > 0 }) { return false }
        }
        return true
    }

    private func failed(_ name: String, _ error: any Error) {
        let text = (error as? SamsaClientError).map(Session.friendly) ?? LocalizedText(es: "\(error)", en: "\(error)")
        let isNew = self.roster.withLock { roster in
            let isNew = roster.members[name] != nil && roster.members[name]?.lastError != text
            roster.members[name]?.lastError = text
            return isNew
        }
        if isNew { self.feed.report(.consumerFailed(name: name, message: text)) }
    }

    /// A member finished a rebalance; when all running members of its group agree on the
    /// generation, the group's new assignment is told once.
    private func synced(_ name: String, memberId: String, generation: Int32, assignment: [TopicPartition]) {
        let line: (LiveEvent, ContinuousClock.Instant?)? = self.roster.withLock { roster in
            guard var member = roster.members[name] else { return nil }
            member.memberId = memberId
            member.generation = generation
            member.assignment = assignment
            roster.members[name] = member
            let group = member.group
            let running = roster.members.values.filter { $0.group == group }.sorted { $0.name < $1.name }
            guard running.allSatisfy({ $0.generation == generation }), generation > roster.printed[group] ?? -1 else {
                return nil
            }
            roster.printed[group] = generation
            let cause = roster.causes.removeValue(forKey: group)
            let event = Self.assignment(
                group: group, generation: generation, members: running.map { ($0.name, $0.assignment) },
                cause: cause?.reason)
            return (event, cause?.at)
        }
        if let (event, since) = line { self.feed.report(event, since: since) }
    }

    /// `billing · generation 3 · c2: orders-0, orders-1 · c3: nothing`.
    static func assignmentLine(
        group: String, generation: Int32, members: [(String, [TopicPartition])], language: Language = .en
    ) -> String {
        self.assignment(group: group, generation: generation, members: members, cause: nil).text(language)
    }

    static func assignment(
        group: String, generation: Int32, members: [(String, [TopicPartition])], cause: LiveEvent.RebalanceCause?
    ) -> LiveEvent {
        let owners = members.map { name, partitions in
            LiveEvent.GroupOwner(member: name, partitions: partitions.sorted().map { "\($0.topic)-\($0.partition)" })
        }
        return .groupAssigned(group: group, generation: generation, owners: owners, cause: cause)
    }
}
