import KafkaProtocol
import Synchronization

/// What this broker knows of the cluster, as the controller last told it (UpdateMetadata): live
/// brokers and every partition's leader, ISR and replicas. Metadata requests are answered from
/// here, so every broker gives the same answer once the controller's update has arrived.
final class MetadataCache: Sendable {
    struct Broker: Sendable, Equatable {
        var id: Int32
        var host: String
        var port: Int32
        var rack: String?
    }

    struct PartitionInfo: Sendable, Equatable {
        var leader: Int32
        var leaderEpoch: Int32
        var isr: [Int32]
        var replicas: [Int32]
        var offlineReplicas: [Int32]
        var zkVersion: Int32
    }

    struct TopicInfo: Sendable, Equatable {
        var id: KafkaUUID
        var partitions: [Int32: PartitionInfo]
    }

    private struct State {
        var brokers: [Int32: Broker] = [:]
        var topics: [String: TopicInfo] = [:]
        var controllerId: Int32 = -1
    }

    private let state = Mutex(State())
    /// Opens with the controller's first UpdateMetadata (or `openAfter`'s fallback), so a
    /// broker that just joined does not answer Metadata with an empty cluster.
    let firstUpdate = ReadyGate()

    /// Opens `firstUpdate` after `delay` even without an UpdateMetadata (no controller yet).
    func openFirstUpdate(after delay: Duration) {
        Task { [firstUpdate] in
            try? await Task.sleep(for: delay)
            firstUpdate.open()
        }
    }

    var brokers: [Broker] { self.state.withLock { $0.brokers.values.sorted { $0.id < $1.id } } }
    var controllerId: Int32 { self.state.withLock { $0.controllerId } }
    var topicNames: [String] { self.state.withLock { $0.topics.keys.sorted() } }

    func broker(_ id: Int32) -> Broker? { self.state.withLock { $0.brokers[id] } }
    func topic(_ name: String) -> TopicInfo? { self.state.withLock { $0.topics[name] } }
    func topic(id: KafkaUUID) -> (String, TopicInfo)? {
        self.state.withLock { state in state.topics.first { $0.value.id == id }.map { ($0.key, $0.value) } }
    }

    func partition(_ tp: TopicPartition) -> PartitionInfo? {
        self.state.withLock { $0.topics[tp.topic]?.partitions[tp.partition] }
    }

    /// Applies an UpdateMetadata request: the broker list is replaced, partition states are
    /// merged (a leader of -2 means the topic is being deleted: forget the partition).
    func apply(_ request: UpdateMetadataRequest) {
        defer { self.firstUpdate.open() }
        self.state.withLock { state in
            state.controllerId = request.controllerId
            state.brokers = Dictionary(
                uniqueKeysWithValues: request.liveBrokers.compactMap { broker in
                    broker.endpoints.first.map {
                        (broker.id, Broker(id: broker.id, host: $0.host, port: $0.port, rack: broker.rack))
                    }
                })
            for topic in request.topicStates {
                for partition in topic.partitionStates {
                    if partition.leader == -2 {
                        state.topics[topic.topicName]?.partitions[partition.partitionIndex] = nil
                        if state.topics[topic.topicName]?.partitions.isEmpty == true {
                            state.topics[topic.topicName] = nil
                        }
                        continue
                    }
                    let info = PartitionInfo(
                        leader: partition.leader, leaderEpoch: partition.leaderEpoch, isr: partition.isr,
                        replicas: partition.replicas, offlineReplicas: partition.offlineReplicas,
                        zkVersion: partition.zkVersion)
                    state.topics[topic.topicName, default: TopicInfo(id: topic.topicId, partitions: [:])]
                        .partitions[partition.partitionIndex] = info
                    if topic.topicId != .zero { state.topics[topic.topicName]?.id = topic.topicId }
                }
            }
        }
    }
}
