import CourseLanguage
import KafkaProtocol
import KafkaZkModel
import MetadataClient
import ZooKeeperProtocol

/// Watches the metadata tree the way the controller does and says what changed, in Kafka's terms:
/// brokers registering and leaving (`/brokers/ids/N`), controller elections (`/controller`,
/// `/controller_epoch`), and
/// leader or ISR changes (`/brokers/topics/T/partitions/P/state`). One persistent recursive watch
/// on `/` (ZooKeeper 3.6's addWatch) delivers every change in order; each is compared with what
/// was seen before so only real changes are told.
actor ClusterEventWatcher {
    /// A partition's state znode: `{"controller_epoch":1,"leader":2,"leader_epoch":1,"isr":[2,3]}`.
    struct PartitionState: Equatable, Sendable {
        var leader: Int
        var leaderEpoch: Int
        var isr: [Int]
    }

    private let connectString: String
    private let report: @Sendable (LiveEvent) -> Void
    private let controllerChanged: @Sendable (Int?) -> Void
    private var client: ZooKeeperClient?
    private var task: Task<Void, Never>?
    private var brokers: Set<Int> = []
    private var controller: Int?
    private var controllerEpoch: Int?
    private var partitions: [TopicPartition: PartitionState] = [:]
    private var internalBursts: [String: InternalBurst] = [:]

    struct InternalBurst: Equatable {
        var leaderChanges = 0
        var shrinks = 0
        var grows = 0
    }

    init(
        connectString: String, report: @escaping @Sendable (LiveEvent) -> Void,
        controllerChanged: @escaping @Sendable (Int?) -> Void
    ) {
        self.connectString = connectString
        self.report = report
        self.controllerChanged = controllerChanged
    }

    /// Connects, reads the current state and starts watching.
    func start() async throws {
        let client = try ZooKeeperClient(connectString: self.connectString, sessionTimeout: .seconds(10))
        try await client.connect(timeout: .seconds(3))
        self.client = client
        let events = try await client.addWatch("/", mode: .persistentRecursive)
        self.brokers = Set(((try? await client.getChildren(ZkPaths.brokerIds)) ?? []).compactMap { Int($0) })
        self.controller = await self.readController()
        self.controllerEpoch = await self.readControllerEpoch()
        for topic in (try? await client.getChildren(ZkPaths.topics)) ?? [] {
            for partition in (try? await client.getChildren(ZkPaths.partitions(topic))) ?? [] {
                guard let number = Int32(partition) else { continue }
                let tp = TopicPartition(topic, number)
                if let state = await self.readState(tp) { self.partitions[tp] = state }
            }
        }
        self.task = Task {
            for await event in events {
                await self.handle(event)
            }
        }
    }

    /// What the watch knows now, for the live view: registered brokers, the controller and its
    /// epoch, and each partition's state znode by `topic-partition`.
    struct Known: Sendable {
        var brokers: Set<Int>
        var controller: Int?
        var controllerEpoch: Int?
        var partitions: [String: PartitionState]
    }

    func current() -> Known {
        let partitions = Dictionary(
            uniqueKeysWithValues: self.partitions.map { ("\($0.key.topic)-\($0.key.partition)", $0.value) })
        return Known(
            brokers: self.brokers, controller: self.controller, controllerEpoch: self.controllerEpoch,
            partitions: partitions)
    }

    func stop() async {
        self.task?.cancel()
        self.task = nil
        await self.client?.close()
        self.client = nil
    }

    private func handle(_ event: WatchedEvent) async {
        switch ZkNode(path: event.path) {
        case .controller:
            await self.controllerChanged(event.type)
        case .controllerEpoch where event.type != .nodeDeleted:
            await self.controllerEpochChanged()
        case .broker(let number):
            let id = Int(number)
            if event.type == .nodeCreated, self.brokers.insert(id).inserted {
                self.report(.brokerRegistered(id))
            } else if event.type == .nodeDeleted, self.brokers.remove(id) != nil {
                self.report(.brokerSessionEnded(id))
            }
        case .partitionState(let tp):
            if event.type == .nodeDeleted {
                self.partitions[tp] = nil
                return
            }
            guard let state = await self.readState(tp) else { return }
            let before = self.partitions[tp]
            self.partitions[tp] = state
            let name = "\(tp.topic)-\(tp.partition)"
            guard let change = Self.change(name, from: before, to: state, registered: self.brokers) else { return }
            if tp.topic.hasPrefix("__"), let before {
                self.count(internalTopic: tp.topic, from: before, to: state)
            } else {
                self.report(change)
            }
        case .controllerEpoch, nil:
            return
        }
    }

    /// Changes to an internal topic's partitions (`__consumer_offsets` has 50) counted over a
    /// short burst and told in one line, so they do not bury the student's own topics.
    private func count(internalTopic topic: String, from before: PartitionState, to after: PartitionState) {
        let isFirst = self.internalBursts[topic] == nil
        var burst = self.internalBursts[topic] ?? InternalBurst()
        if before.leader != after.leader {
            burst.leaderChanges += 1
        } else if after.isr.count < before.isr.count {
            burst.shrinks += 1
        } else {
            burst.grows += 1
        }
        self.internalBursts[topic] = burst
        guard isFirst else { return }
        Task {
            try? await Task.sleep(for: .milliseconds(500))
            self.flushBurst(topic)
        }
    }

    private func flushBurst(_ topic: String) {
        guard let burst = self.internalBursts.removeValue(forKey: topic) else { return }
        self.report(
            .internalTopicChanged(
                topic: topic, leaderChanges: burst.leaderChanges, shrinks: burst.shrinks, grows: burst.grows))
    }

    private func controllerChanged(_ type: EventType) async {
        if type == .nodeDeleted {
            guard let old = self.controller else { return }
            self.controller = nil
            self.controllerChanged(nil)
            self.report(.controllerGone(previous: old))
            return
        }
        guard let id = await self.readController(), id != self.controller else { return }
        self.controller = id
        self.controllerChanged(id)
        self.report(.controllerElected(id))
    }

    /// The new controller bumps `/controller_epoch` right after winning `/controller`.
    private func controllerEpochChanged() async {
        guard let epoch = await self.readControllerEpoch(), epoch != self.controllerEpoch else { return }
        self.controllerEpoch = epoch
        self.report(.controllerEpoch(epoch))
    }

    /// One line for a state znode that changed, in `language`; nil for a new partition or no visible change.
    static func describeChange(
        _ name: String, from before: PartitionState?, to after: PartitionState, registered: Set<Int>? = nil,
        language: Language = .en
    ) -> String? {
        self.change(name, from: before, to: after, registered: registered)?.text(language)
    }

    /// The event for a state znode that changed; nil for a new partition or no visible change.
    /// `registered`: the brokers with a `/brokers/ids` znode, to tell a replica the controller
    /// took out of the ISR because its broker is gone (OfflineReplica) from one its leader
    /// dropped for lagging (`replica.lag.time.max.ms`).
    static func change(
        _ name: String, from before: PartitionState?, to after: PartitionState, registered: Set<Int>? = nil
    )
        -> LiveEvent?
    {
        guard let before, before != after else { return nil }
        if before.leader != after.leader {
            return .leaderChanged(
                partition: name, previous: before.leader, leader: after.leader, leaderEpoch: after.leaderEpoch,
                isr: after.isr,
                unclean: after.leader >= 0 && !before.isr.contains(after.leader))
        }
        guard before.isr != after.isr else { return nil }
        let left = before.isr.filter { !after.isr.contains($0) }
        return .isrChanged(
            partition: name, before: before.isr, after: after.isr,
            down: left.filter { id in registered.map { !$0.contains(id) } ?? false },
            lagging: left.filter { id in registered.map { $0.contains(id) } ?? true },
            caughtUp: after.isr.filter { !before.isr.contains($0) })
    }

    private func readController() async -> Int? {
        guard let data = await self.readData(ZkPaths.controller) else { return nil }
        return ZkJSON.decode(ControllerZNode.self, from: data).map { Int($0.brokerid) }
    }

    /// `/controller_epoch` holds the epoch as a bare number, not JSON.
    private func readControllerEpoch() async -> Int? {
        await self.readData(ZkPaths.controllerEpoch).flatMap { Int(String(decoding: $0, as: UTF8.self)) }
    }

    private func readState(_ tp: TopicPartition) async -> PartitionState? {
        guard let data = await self.readData(ZkPaths.partitionState(tp)) else { return nil }
        return Self.parseState(data)
    }

    static func parseState(_ data: [UInt8]) -> PartitionState? {
        guard let znode = ZkJSON.decode(PartitionStateZNode.self, from: data) else { return nil }
        return PartitionState(
            leader: Int(znode.leader), leaderEpoch: Int(znode.leaderEpoch), isr: znode.isr.map(Int.init))
    }

    private func readData(_ path: String) async -> [UInt8]? {
        guard let client = self.client else { return nil }
        return try? await client.getData(path).data
    }
}
