import KafkaProtocol
import KafkaZkModel
import LogStorage
import Logging
import MetadataClient
import ZooKeeperProtocol

/// What the controller watches on the metadata server, and its handling of each change: brokers
/// coming and going, topics created, extended and deleted, ISR changes made by leaders.
extension KafkaController {
    // MARK: - Watches

    func startWatching() {
        self.watchers.append(self.watchChildren(ZkPaths.brokerIds) { await $0.onBrokersChanged($1) })
        self.watchers.append(self.watchChildren(ZkPaths.topics) { await $0.onTopicsChanged($1) })
        self.watchers.append(self.watchChildren(ZkPaths.deleteTopics) { await $0.onDeleteTopics($1) })
        self.watchers.append(
            self.watchChildren(ZkPaths.isrChangeNotification) { await $0.onIsrChangeNotifications($1) })
        for topic in self.context.topics.keys { self.watchTopic(topic) }
    }

    /// Re-arms a one-shot child watch after every event, as ZooKeeper watches require.
    private func watchChildren(
        _ path: String, _ handle: @escaping @Sendable (KafkaController, [String]) async -> Void
    ) -> Task<Void, Never> {
        let zk = self.zk
        let logger = self.logger
        return Task { [weak self] in
            while !Task.isCancelled {
                do {
                    let (children, watch) = try await zk.childrenWatching(path)
                    guard let self else { return }
                    await handle(self, children)
                    for await _ in watch { break }
                } catch {
                    logger.debug("watch failed; setting it again", metadata: ["path": "\(path)", "error": "\(error)"])
                    try? await Task.sleep(for: .milliseconds(500))
                }
            }
        }
    }

    /// A data watch on `/brokers/topics/<topic>`: CreatePartitions rewrites the assignment there.
    private func watchTopic(_ topic: String) {
        guard self.topicWatchers[topic] == nil else { return }
        let zk = self.zk
        self.topicWatchers[topic] = Task { [weak self] in
            while !Task.isCancelled {
                do {
                    let (_, _, watch) = try await zk.client.getDataWatching(ZkPaths.topic(topic))
                    guard let self else { return }
                    await self.onTopicDataChanged(topic)
                    var deleted = false
                    for await event in watch {
                        deleted = event.type == .nodeDeleted
                        break
                    }
                    if deleted { return }
                } catch {
                    return  // the topic znode is gone
                }
            }
        }
    }

    // MARK: - Brokers

    func onBrokersChanged(_ children: [String]) async {
        await self.enqueue { controller in await controller.brokersChanged(children) }
    }

    private func brokersChanged(_ children: [String]) async {
        guard self.isActive else { return }
        let ids = Set(children.compactMap(Int32.init))
        var started: [ControllerContext.LiveBroker] = []
        var bounced: Set<Int32> = []
        for id in ids.sorted() {
            let broker: ControllerContext.LiveBroker?
            do {
                broker = try await self.retrying("read broker registration") { try await self.readBroker(id) }
            } catch {
                self.logger.error(
                    "cannot read a broker's registration; it is handled at the next change",
                    metadata: ["broker": "\(id)", "error": "\(error)"])
                continue
            }
            guard let broker else { continue }
            if let known = self.context.liveBrokers[id] {
                // Restarted before its old session expired (Kafka's "bounced" brokers).
                if known.epoch != broker.epoch { bounced.insert(id) } else { continue }
            }
            started.append(broker)
        }
        let dead = self.context.liveOrShuttingDownBrokerIds.subtracting(ids).union(bounced)
        if !dead.isEmpty {
            self.logger.info(
                "brokers left the cluster (their metadata sessions ended)", metadata: ["brokers": "\(dead.sorted())"])
            for id in dead { await self.closeChannel(id) }
            await self.process("broker failure") { $0.onBrokerFailure(dead) }
        }
        if !started.isEmpty {
            self.logger.info("brokers joined the cluster", metadata: ["brokers": "\(started.map(\.id).sorted())"])
            await self.process("broker startup") { $0.onBrokerStartup(started) }
        }
    }

    // MARK: - Topics

    func onTopicsChanged(_ children: [String]) async {
        await self.enqueue { controller in await controller.topicsChanged(children) }
    }

    private func topicsChanged(_ children: [String]) async {
        guard self.isActive else { return }
        for topic in Set(children).subtracting(self.context.topics.keys).sorted() {
            do {
                var context = self.context
                try await self.retrying("load topic") { try await self.load(topic: topic, into: &context) }
                self.context = context
                self.watchTopic(topic)
            } catch {
                self.logger.error(
                    "cannot load a new topic; it is loaded at the next change",
                    metadata: ["topic": "\(topic)", "error": "\(error)"])
            }
        }
        await self.createNewPartitions()
    }

    func onTopicDataChanged(_ topic: String) async {
        await self.enqueue { controller in await controller.topicDataChanged(topic) }
    }

    private func topicDataChanged(_ topic: String) async {
        guard self.isActive else { return }
        do {
            guard let znode = try await self.retrying("read topic", { try await self.zk.topicAssignment(topic) }) else {
                return
            }
            self.context.topics[topic] = znode
        } catch {
            self.logger.error("cannot read a topic's assignment", metadata: ["topic": "\(topic)", "error": "\(error)"])
            return
        }
        await self.createNewPartitions()
    }

    private func createNewPartitions() async {
        let partitions = self.context.partitionsWithoutState
        guard !partitions.isEmpty else { return }
        self.logger.info("new partitions", metadata: ["partitions": "\(partitions.map(\.description))"])
        await self.process("new partitions") { context in context.onNewPartitions(context.partitionsWithoutState) }
    }

    func onDeleteTopics(_ children: [String]) async {
        await self.enqueue { controller in await controller.deleteTopics(children) }
    }

    private func deleteTopics(_ children: [String]) async {
        guard self.isActive else { return }
        for topic in children.sorted() {
            if self.context.topics[topic] != nil {
                let (effects, partitions) = self.context.onTopicDeletion(topic)
                self.send(effects)
                self.sendUpdateMetadata(
                    partitions: partitions, to: self.context.liveOrShuttingDownBrokerIds, deleting: true)
                self.context.forget(topic: topic)
                self.topicWatchers.removeValue(forKey: topic)?.cancel()
                do {
                    try await self.retrying("delete topic znodes") {
                        try await self.zk.deleteRecursive(ZkPaths.topic(topic))
                        try await self.zk.deleteRecursive(ZkPaths.topicConfig(topic))
                    }
                    self.logger.info("deleted topic", metadata: ["topic": "\(topic)"])
                } catch {
                    self.logger.error(
                        "cannot delete the topic's znodes", metadata: ["topic": "\(topic)", "error": "\(error)"])
                    continue
                }
            }
            do {
                try await self.retrying("finish topic deletion") {
                    try await self.zk.deleteRecursive(ZkPaths.deleteTopic(topic))
                }
            } catch {
                self.logger.error(
                    "cannot remove the deletion request", metadata: ["topic": "\(topic)", "error": "\(error)"])
            }
        }
    }

    // MARK: - ISR changes made by leaders

    func onIsrChangeNotifications(_ children: [String]) async {
        await self.enqueue { controller in await controller.isrChangeNotifications(children) }
    }

    /// A leader shrank or grew an ISR: re-read those partitions and tell every broker
    /// (`processIsrChangeNotification`).
    private func isrChangeNotifications(_ children: [String]) async {
        guard self.isActive, !children.isEmpty else { return }
        var changed: Set<TopicPartition> = []
        for child in children {
            let path = "\(ZkPaths.isrChangeNotification)/\(child)"
            do {
                try await self.retrying("read ISR change notification") {
                    if let (notification, _) = try await self.zk.get(IsrChangeNotificationZNode.self, at: path) {
                        for partition in notification.partitions {
                            changed.insert(TopicPartition(partition.topic, partition.partition))
                        }
                    }
                    try await self.zk.deleteRecursive(path)
                }
            } catch {
                self.logger.error(
                    "cannot read an ISR change notification", metadata: ["path": "\(path)", "error": "\(error)"])
            }
        }
        await self.reload(changed)
        self.sendUpdateMetadata(partitions: Array(changed), to: self.context.liveOrShuttingDownBrokerIds)
    }
}
