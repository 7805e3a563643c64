import KafkaProtocol
import Logging
import NIOCore

/// Reads records from Kafka. Partitions come either from `assign` (the application chooses) or from
/// `subscribe` (the group coordinator and the group leader's assignor choose; see `KafkaConsumer+Group`).
/// Positions are the consumer's own; committed offsets live in the group coordinator, as in Kafka.
///
/// As in Kafka's Java consumer, group work (joining, rebalance callbacks, auto commit) happens inside `poll`,
/// and a background task only sends heartbeats.
public actor KafkaConsumer {
    public nonisolated let configuration: ConsumerConfiguration
    public nonisolated let client: KafkaClient
    let ownsClient: Bool
    let logger: Logger
    let coordinator: GroupCoordinatorClient?

    var assignment: [TopicPartition: PartitionState] = [:]
    var buffered: [ConsumerRecord] = []
    var bufferedIndex = 0
    var group = GroupMemberState()
    var nextAutoCommit: ContinuousClock.Instant
    /// Set by `pauseAutoCommit`: auto commit skipped, also before a rebalance and on close.
    var isAutoCommitPaused = false
    var isClosed = false

    public init(client: KafkaClient, configuration: ConsumerConfiguration = ConsumerConfiguration()) {
        self.client = client
        self.configuration = configuration
        self.ownsClient = false
        self.logger = client.configuration.logger
        self.coordinator = configuration.groupId.map { GroupCoordinatorClient(client: client, groupId: $0) }
        self.nextAutoCommit = .now + configuration.autoCommitInterval
    }

    public init(
        bootstrapServers: String, clientId: String = "samsa-consumer",
        configuration: ConsumerConfiguration = ConsumerConfiguration()
    ) throws(SamsaClientError) {
        let client = try KafkaClient(bootstrapServers: bootstrapServers, clientId: clientId)
        self.client = client
        self.configuration = configuration
        self.ownsClient = true
        self.logger = client.configuration.logger
        self.coordinator = configuration.groupId.map { GroupCoordinatorClient(client: client, groupId: $0) }
        self.nextAutoCommit = .now + configuration.autoCommitInterval
    }

    // MARK: Assignment

    /// Takes exactly these partitions (no group management); replaces any earlier `assign`.
    public func assign(_ partitions: [TopicPartition]) throws {
        guard !self.group.isSubscribed else {
            throw SamsaClientError.invalidConfiguration(
                "this consumer subscribed to topics; call unsubscribe() before assign()")
        }
        self.setAssignment(partitions)
    }

    /// The partitions this consumer reads now.
    public var assignedPartitions: [TopicPartition] { self.assignment.keys.sorted() }

    func setAssignment(_ partitions: [TopicPartition]) {
        var next: [TopicPartition: PartitionState] = [:]
        for partition in partitions { next[partition] = self.assignment[partition] ?? PartitionState() }
        self.assignment = next
        self.dropBuffered { next[$0] == nil }
    }

    func dropBuffered(where shouldDrop: (TopicPartition) -> Bool) {
        let kept = self.buffered[self.bufferedIndex...].filter { !shouldDrop($0.topicPartition) }
        self.buffered = Array(kept)
        self.bufferedIndex = 0
        for (partition, state) in self.assignment where shouldDrop(partition) {
            var state = state
            state.fetchPosition = state.position
            self.assignment[partition] = state
        }
    }

    // MARK: Positions

    /// Starts reading `partition` at `offset` on the next poll.
    public func seek(_ partition: TopicPartition, to offset: Int64) throws {
        guard var state = self.assignment[partition] else { throw SamsaClientError.notAssigned(partition) }
        state.position = offset
        state.fetchPosition = offset
        self.assignment[partition] = state
        self.dropBuffered { $0 == partition }
        self.assignment[partition]?.fetchPosition = offset
    }

    public func seekToBeginning(_ partitions: [TopicPartition]) async throws {
        try await self.seek(partitions, spec: .earliest)
    }

    public func seekToEnd(_ partitions: [TopicPartition]) async throws {
        try await self.seek(partitions, spec: .latest)
    }

    /// Seeks each partition to the first offset with a timestamp at or after `timestamp` (end if none).
    public func seek(_ partitions: [TopicPartition], toTimestamp timestamp: Int64) async throws {
        try await self.seek(partitions, spec: .timestamp(timestamp))
    }

    private func seek(_ partitions: [TopicPartition], spec: OffsetSpec) async throws {
        for partition in partitions where self.assignment[partition] == nil {
            throw SamsaClientError.notAssigned(partition)
        }
        var offsets = try await OffsetLister(client: self.client).listOffsets(
            Dictionary(uniqueKeysWithValues: partitions.map { ($0, spec) }))
        if case .timestamp = spec {
            let missing = partitions.filter { (offsets[$0]?.offset ?? -1) < 0 }
            if !missing.isEmpty {
                let ends = try await OffsetLister(client: self.client).listOffsets(
                    Dictionary(uniqueKeysWithValues: missing.map { ($0, OffsetSpec.latest) }))
                for (partition, end) in ends { offsets[partition] = end }
            }
        }
        for (partition, listed) in offsets where self.assignment[partition] != nil {
            try self.seek(partition, to: listed.offset)
        }
    }

    /// The offset of the next record `poll` will return for `partition`.
    public func position(_ partition: TopicPartition) async throws -> Int64 {
        guard self.assignment[partition] != nil else { throw SamsaClientError.notAssigned(partition) }
        try await self.resolveMissingPositions()
        guard let position = self.assignment[partition]?.position else { throw SamsaClientError.noOffset(partition) }
        return position
    }

    /// Stops fetching from `partitions` until `resume` (they stay assigned).
    public func pause(_ partitions: [TopicPartition]) throws {
        for partition in partitions {
            guard self.assignment[partition] != nil else { throw SamsaClientError.notAssigned(partition) }
            self.assignment[partition]?.isPaused = true
        }
        let paused = Set(partitions)
        self.dropBuffered { paused.contains($0) }
    }

    public func resume(_ partitions: [TopicPartition]) throws {
        for partition in partitions {
            guard self.assignment[partition] != nil else { throw SamsaClientError.notAssigned(partition) }
            self.assignment[partition]?.isPaused = false
        }
    }

    public var pausedPartitions: [TopicPartition] { self.assignment.filter { $0.value.isPaused }.map(\.key).sorted() }

    /// Records between the position and the end of the log (high watermark, or the last stable offset under
    /// read_committed), per assigned partition; asks the leaders for the end when no fetch has told us yet.
    public func lag() async throws -> [TopicPartition: Int64] {
        try await self.resolveMissingPositions()
        var ends: [TopicPartition: Int64] = [:]
        var unknown: [TopicPartition] = []
        for (partition, state) in self.assignment {
            let end = self.configuration.isolationLevel == 1 ? state.lastStableOffset : state.highWatermark
            if end >= 0 { ends[partition] = end } else { unknown.append(partition) }
        }
        if !unknown.isEmpty {
            let listed = try await OffsetLister(client: self.client).listOffsets(
                Dictionary(uniqueKeysWithValues: unknown.map { ($0, OffsetSpec.latest) }),
                isolationLevel: self.configuration.isolationLevel)
            for (partition, offset) in listed { ends[partition] = offset.offset }
        }
        var lag: [TopicPartition: Int64] = [:]
        for (partition, end) in ends {
            guard let position = self.assignment[partition]?.position else { continue }
            lag[partition] = max(0, end - position)
        }
        return lag
    }

    /// Sets positions that are unknown: from the committed offset when there is a group, else (or when none
    /// is committed) by `auto.offset.reset`.
    func resolveMissingPositions() async throws {
        let missing = self.assignment.filter { $0.value.position == nil }.map(\.key)
        guard !missing.isEmpty else { return }
        var unresolved = missing
        if let coordinator = self.coordinator {
            let committed = try await coordinator.committed(missing)
            unresolved = []
            for partition in missing {
                if let offset = committed[partition] ?? nil, self.assignment[partition]?.position == nil {
                    self.assignment[partition]?.position = offset
                    self.assignment[partition]?.fetchPosition = offset
                    self.assignment[partition]?.lastCommitted = offset
                } else {
                    unresolved.append(partition)
                }
            }
        }
        try await self.resetPositions(unresolved)
    }

    /// Moves `partitions` to the offset `auto.offset.reset` names.
    func resetPositions(_ partitions: [TopicPartition]) async throws {
        guard !partitions.isEmpty else { return }
        let spec: OffsetSpec
        switch self.configuration.autoOffsetReset {
        case .earliest: spec = .earliest
        case .latest: spec = .latest
        case .none: throw SamsaClientError.noOffset(partitions[0])
        }
        let offsets = try await OffsetLister(client: self.client).listOffsets(
            Dictionary(uniqueKeysWithValues: partitions.map { ($0, spec) }))
        for (partition, listed) in offsets where self.assignment[partition] != nil {
            self.assignment[partition]?.position = listed.offset
            self.assignment[partition]?.fetchPosition = listed.offset
        }
    }

    // MARK: Commits

    /// Commits the current positions of all assigned partitions.
    public func commit() async throws {
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, state) in self.assignment {
            if let position = state.position { offsets[partition] = position }
        }
        try await self.commit(offsets)
    }

    /// Commits `offsets` (the next offset to read, as Kafka stores it) for the consumer's group.
    public func commit(_ offsets: [TopicPartition: Int64]) async throws {
        guard let coordinator = self.coordinator else {
            throw SamsaClientError.invalidConfiguration("committing offsets needs group.id")
        }
        guard !offsets.isEmpty else { return }
        try await coordinator.commit(
            offsets, generationId: self.group.isSubscribed ? self.group.generationId : -1,
            memberId: self.group.isSubscribed ? self.group.memberId : "",
            groupInstanceId: self.group.isSubscribed ? self.configuration.groupInstanceId : nil)
        for (partition, offset) in offsets { self.assignment[partition]?.lastCommitted = offset }
    }

    /// The group's committed offsets (nil where none).
    public func committed(_ partitions: [TopicPartition]) async throws -> [TopicPartition: Int64?] {
        guard let coordinator = self.coordinator else {
            throw SamsaClientError.invalidConfiguration("committed offsets need group.id")
        }
        return try await coordinator.committed(partitions)
    }

    /// Stops (true) or resumes (false) auto commit on a running consumer; Kafka's consumer has no
    /// such switch. The REPL's `consumer commits NAME off` uses it to show what a member that
    /// crashes before committing leaves behind: records the next owner reads again.
    public func pauseAutoCommit(_ paused: Bool) {
        self.isAutoCommitPaused = paused
    }

    func maybeAutoCommit(force: Bool = false, only partitions: Set<TopicPartition>? = nil) async throws {
        guard self.configuration.enableAutoCommit, !self.isAutoCommitPaused, self.coordinator != nil else { return }
        guard force || ContinuousClock.now >= self.nextAutoCommit else { return }
        self.nextAutoCommit = .now + self.configuration.autoCommitInterval
        var offsets: [TopicPartition: Int64] = [:]
        for (partition, state) in self.assignment where partitions?.contains(partition) ?? true {
            if let position = state.position, position != state.lastCommitted { offsets[partition] = position }
        }
        do {
            try await self.commit(offsets)
        } catch let error as SamsaClientError {
            // Kafka logs a failed auto commit and carries on; the next one covers it.
            self.logger.warning("auto commit failed", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Closing

    /// Commits (if auto commit is on), leaves the group, and closes connections this consumer opened.
    public func close() async {
        guard !self.isClosed else { return }
        if self.group.isSubscribed {
            await self.leaveGroup()
        } else {
            try? await self.maybeAutoCommit(force: true)
        }
        self.isClosed = true
        if self.ownsClient { await self.client.close() }
    }

    /// Stops as a crashed process would: no commit, no LeaveGroup, heartbeats stop and the connections close.
    /// The coordinator keeps the member until its session times out (teaching and failure tests).
    public func abandon() async {
        guard !self.isClosed else { return }
        self.isClosed = true
        self.group.heartbeatTask?.cancel()
        self.group.heartbeatTask = nil
        await self.client.close()
    }
}
