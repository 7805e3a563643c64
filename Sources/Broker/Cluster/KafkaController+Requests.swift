import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging
import MetadataClient
import ZooKeeperProtocol

/// Requests the controller answers (controlled shutdown, elections) and the ones it sends to the
/// brokers (LeaderAndIsr, UpdateMetadata, StopReplica) over one channel per broker.
extension KafkaController {
    // MARK: - Requests answered by the controller

    /// ControlledShutdown: move leadership off `id` and take it out of every ISR before it
    /// stops. Returns the replicated partitions it still leads (no other in-sync replica).
    func controlledShutdown(brokerId id: Int32) async -> [TopicPartition] {
        await self.enqueue { controller in
            guard controller.isActive else { return [] }
            controller.logger.info("controlled shutdown requested", metadata: ["broker": "\(id)"])
            var remaining: [TopicPartition] = []
            await controller.process("controlled shutdown") { context in
                let (effects, left) = context.onControlledShutdown(id)
                remaining = left
                return effects
            }
            return remaining
        }
    }

    /// Moves leadership back to preferred replicas: on ElectLeaders (PREFERRED).
    @discardableResult
    func electPreferredLeaders(_ partitions: [TopicPartition]? = nil) async -> [TopicPartition: ElectionResult] {
        await self.elect("preferred leader election") { $0.electPreferredLeaders(partitions) }
    }

    /// ElectLeaders with type UNCLEAN.
    func electUncleanLeaders(_ partitions: [TopicPartition]?) async -> [TopicPartition: ElectionResult] {
        await self.elect("unclean leader election") { $0.electUncleanLeaders(partitions) }
    }

    /// `auto.leader.rebalance.enable`, every `leader.imbalance.check.interval.seconds`.
    func autoRebalance() async {
        let percentage = self.config.leaderImbalancePerBrokerPercentage
        await self.enqueue { controller in
            guard controller.isActive else { return }
            await controller.process("auto leader rebalance") { $0.autoRebalance(imbalancePercentage: percentage) }
        }
    }

    private func elect(
        _ what: String,
        _ decide: @escaping @Sendable (inout ControllerContext) -> (ControllerEffects, [TopicPartition: ElectionResult])
    ) async -> [TopicPartition: ElectionResult] {
        await self.enqueue { controller in
            guard controller.isActive else { return [:] }
            var results: [TopicPartition: ElectionResult] = [:]
            await controller.process(what) { context in
                let (effects, outcome) = decide(&context)
                results = outcome
                return effects
            }
            return results
        }
    }

    // MARK: - Requests to brokers

    /// Sends what a decision asks, in Kafka's order: the live broker list or the full metadata
    /// first where asked (so a broker knows who is alive before it leads or follows), then
    /// LeaderAndIsr, UpdateMetadata and StopReplica. Each broker's channel keeps them in order.
    func send(_ effects: ControllerEffects) {
        if !effects.liveBrokerListFirst.isEmpty {
            self.sendUpdateMetadata(partitions: [], to: effects.liveBrokerListFirst)
        }
        if !effects.fullUpdateMetadata.isEmpty {
            self.sendUpdateMetadata(partitions: self.context.allPartitions, to: effects.fullUpdateMetadata)
        }
        for (broker, partitions) in effects.leaderAndIsr.sorted(by: { $0.key < $1.key }) {
            self.sendLeaderAndIsr(partitions: partitions.sorted(), to: broker)
        }
        if !effects.updateMetadata.isEmpty {
            self.sendUpdateMetadata(
                partitions: effects.updateMetadata.sorted(), to: self.context.liveOrShuttingDownBrokerIds)
        }
        for (broker, stops) in effects.stopReplica.sorted(by: { $0.key < $1.key }) {
            for delete in [false, true] {
                let partitions = stops.filter { $0.value == delete }.keys.sorted()
                if !partitions.isEmpty { self.sendStopReplica(partitions, delete: delete, to: broker) }
            }
        }
    }

    func channel(_ id: Int32) -> ControllerChannel? {
        if let channel = self.channels[id] { return channel }
        guard let broker = self.context.liveBrokers[id] else { return nil }
        let channel = ControllerChannel(
            brokerId: id, host: broker.host, port: Int(broker.port), controllerId: self.brokerId, logger: self.logger)
        self.channels[id] = channel
        return channel
    }

    func closeChannel(_ id: Int32) async {
        await self.channels.removeValue(forKey: id)?.close()
    }

    private func sendLeaderAndIsr(partitions: [TopicPartition], to id: Int32) {
        guard !partitions.isEmpty, let channel = self.channel(id), let target = self.context.liveBrokers[id] else {
            return
        }
        var byTopic: [String: [LeaderAndIsrRequest.LeaderAndIsrPartitionState]] = [:]
        var leaders: Set<Int32> = []
        for tp in partitions {
            guard let state = self.context.leadership[tp] else { continue }
            let assignment = self.context.assignment(tp)
            if state.znode.leader >= 0 { leaders.insert(state.znode.leader) }
            byTopic[tp.topic, default: []].append(
                .init(
                    partitionIndex: tp.partition, controllerEpoch: state.znode.controllerEpoch,
                    leader: state.znode.leader,
                    leaderEpoch: state.znode.leaderEpoch, isr: state.znode.isr, partitionEpoch: state.version,
                    replicas: assignment, isNew: state.znode.leaderEpoch == 0))
        }
        guard !byTopic.isEmpty else { return }
        let request = LeaderAndIsrRequest(
            controllerId: self.brokerId, controllerEpoch: self.context.epoch, brokerEpoch: target.epoch, type: 0,
            topicStates: byTopic.keys.sorted().map { topic in
                .init(topicName: topic, topicId: self.context.topicId(topic), partitionStates: byTopic[topic] ?? [])
            },
            liveLeaders: leaders.sorted().compactMap { id in
                self.context.liveBrokers[id].map { .init(brokerId: id, hostName: $0.host, port: $0.port) }
            })
        channel.send(request, version: 7)
    }

    func sendUpdateMetadata(partitions: [TopicPartition], to targets: Set<Int32>, deleting: Bool = false) {
        var byTopic: [String: [UpdateMetadataRequest.UpdateMetadataPartitionState]] = [:]
        let registered = self.context.liveOrShuttingDownBrokerIds
        for tp in partitions {
            guard let state = self.context.leadership[tp] else { continue }
            let assignment = self.context.assignment(tp)
            byTopic[tp.topic, default: []].append(
                .init(
                    partitionIndex: tp.partition, controllerEpoch: state.znode.controllerEpoch,
                    leader: deleting ? -2 : state.znode.leader, leaderEpoch: state.znode.leaderEpoch,
                    isr: state.znode.isr,
                    zkVersion: state.version, replicas: assignment,
                    offlineReplicas: assignment.filter { !registered.contains($0) }))
        }
        let brokers = self.context.liveBrokers.values.sorted { $0.id < $1.id }.map { broker in
            UpdateMetadataRequest.UpdateMetadataBroker(
                id: broker.id,
                endpoints: [.init(port: broker.port, host: broker.host, listener: "PLAINTEXT", securityProtocol: 0)])
        }
        for id in targets.sorted() {
            guard let channel = self.channel(id), let target = self.context.liveBrokers[id] else { continue }
            let request = UpdateMetadataRequest(
                controllerId: self.brokerId, controllerEpoch: self.context.epoch, brokerEpoch: target.epoch,
                topicStates: byTopic.keys.sorted().map { topic in
                    .init(topicName: topic, topicId: self.context.topicId(topic), partitionStates: byTopic[topic] ?? [])
                },
                liveBrokers: brokers)
            channel.send(request, version: 8)
        }
    }

    private func sendStopReplica(_ partitions: [TopicPartition], delete: Bool, to id: Int32) {
        guard let channel = self.channel(id), let target = self.context.liveBrokers[id] else { return }
        let byTopic = Dictionary(grouping: partitions, by: \.topic)
        let request = StopReplicaRequest(
            controllerId: self.brokerId, controllerEpoch: self.context.epoch, brokerEpoch: target.epoch,
            topicStates: byTopic.keys.sorted().map { topic in
                .init(
                    topicName: topic,
                    partitionStates: (byTopic[topic] ?? []).map {
                        .init(
                            partitionIndex: $0.partition,
                            leaderEpoch: self.context.leadership[$0]?.znode.leaderEpoch ?? -1,
                            deletePartition: delete)
                    })
            })
        channel.send(request, version: 4)
    }
}
