import FaultControl
import Foundation
import KafkaProtocol
import LocalCluster
import SamsaClient

/// The cluster as `cluster status` and the prompt show it: processes from `LocalCluster`, and in
/// cluster mode the controller and every partition's leader, replicas and ISR (Metadata) with its
/// log end offset (ListOffsets with replica id -2) and high watermark (ListOffsets latest).
extension Session {
    /// What the brokers said last: the controller for the prompt (refreshed after each command).
    func refreshController() {
        self.lastController = self.controllerID()
    }

    /// Running brokers, the one up longest first: a broker started a moment ago has not heard
    /// from the controller yet and would answer Metadata without topics.
    static func brokersLongestUpFirst(_ snapshot: ClusterSnapshot) -> [ProcessStatus] {
        snapshot.brokers.filter { $0.state == .running }.sorted {
            ($0.startedAt ?? .distantFuture, $0.port) < ($1.startedAt ?? .distantFuture, $1.port)
        }
    }

    /// The processes of `snapshot` with the faults injected into each broker.
    static func processView(_ snapshot: ClusterSnapshot, of cluster: LocalCluster) -> ClusterView {
        var view = ClusterView(snapshot: snapshot)
        let faults = cluster.allFaults()
        if !faults.isEmpty {
            for index in view.processes.indices {
                guard let id = view.processes[index].role.brokerID, let set = faults[id] else { continue }
                view.processes[index].faults = set.names
            }
        }
        return view
    }

    func clusterView(withTopics: Bool) -> ClusterView? {
        guard let cluster = self.cluster, let snapshot = cluster.snapshot() else { return nil }
        var view = Self.processView(snapshot, of: cluster)
        guard snapshot.mode == .zookeeper, let port = Self.brokersLongestUpFirst(snapshot).first?.port else {
            return view
        }
        guard withTopics else {
            view.controller = self.lastController.map(Int.init)
            return view
        }
        let running = Set(
            snapshot.brokers.filter { $0.state == .running }.compactMap { $0.role.brokerID.map(Int32.init) })
        let answer = try? AsyncBridge.run {
            try await Self.readTopics(bootstrap: "127.0.0.1:\(port)", running: running)
        }
        if let answer {
            self.lastController = answer.controller >= 0 ? answer.controller : nil
            view.controller = self.lastController.map(Int.init)
            view.topics = answer.topics
            self.knownTopics = answer.topics.map { $0.name }
        }
        return view
    }

    /// What `readTopics` learned: the controller (-1: none), the brokers in the metadata (id → host:port), the topics.
    struct TopicsAnswer: Sendable {
        var controller: Int32
        var brokers: [Int32: String]
        var topics: [ClusterView.Topic]
    }

    /// The controller and every non-internal topic's partitions, from the brokers at `bootstrap`:
    /// Metadata, then ListOffsets (latest: the high watermark; replica id -2: the leader's log end
    /// offset) asked only of `running` leaders. Also what the live view shows.
    /// `running` nil: every broker in the metadata counts as running (a cluster started elsewhere).
    static func readTopics(bootstrap: String, running: Set<Int32>?) async throws -> TopicsAnswer {
        let client = try KafkaClient(bootstrapServers: bootstrap, clientId: "samsa-repl")
        do {
            let metadata = try await client.refreshMetadata(topics: nil)
            let running = running ?? Set(metadata.brokers.keys)
            let topics = metadata.topics.values.filter { !$0.isInternal }.sorted { $0.name < $1.name }
            // A paused or dead leader would hold the request until it times out: ask only running ones.
            let partitions = topics.flatMap { topic in
                topic.partitions.filter { running.contains($0.leader) }.map { TopicPartition(topic.name, $0.partition) }
            }
            let admin = KafkaAdmin(client: client)
            var watermarks = (try? await admin.listOffsets(partitions, spec: .latest)) ?? [:]
            if watermarks.isEmpty {
                // One dead leader fails the whole request: ask per partition, keep what answers.
                for partition in partitions {
                    if let one = try? await admin.listOffsets([partition], spec: .latest) {
                        watermarks.merge(one) { first, _ in first }
                    }
                }
            }
            var logEnds = (try? await admin.listLogEndOffsets(partitions)) ?? [:]
            if logEnds.isEmpty {
                for partition in partitions {
                    if let one = try? await admin.listLogEndOffsets([partition]) {
                        logEnds.merge(one) { first, _ in first }
                    }
                }
            }
            let view = topics.map { topic in
                ClusterView.Topic(
                    name: topic.name,
                    partitions: topic.partitions.sorted { $0.partition < $1.partition }.map { partition in
                        ClusterView.Partition(
                            partition: Int(partition.partition),
                            leader: partition.leader < 0 ? nil : Int(partition.leader),
                            replicas: partition.replicas.map(Int.init), isr: partition.isr.map(Int.init),
                            logEndOffset: logEnds[TopicPartition(topic.name, partition.partition)],
                            highWatermark: watermarks[TopicPartition(topic.name, partition.partition)]?.offset)
                    })
            }
            await client.close()
            return TopicsAnswer(
                controller: metadata.controllerId,
                brokers: metadata.brokers.mapValues { "\($0.address.host):\($0.address.port)" },
                topics: view)
        } catch {
            await client.close()
            throw error
        }
    }

    /// The partitions broker `id` leads now (`topic-partition`, internal topics left out), from
    /// Metadata of the broker up longest (in standalone mode, of broker `id` itself); nil when no
    /// broker answers. A lab log keeps them with `broker kill`/`broker stop`: whether the broker
    /// stopped was the leader a step names is known only at that moment.
    func partitionsLed(by id: Int) -> [String]? {
        guard let snapshot = self.cluster?.snapshot() else { return nil }
        let running = Self.brokersLongestUpFirst(snapshot)
        let asked = snapshot.mode == .zookeeper ? running.first : running.first { $0.role.brokerID == id }
        guard let port = asked?.port else { return nil }
        let leader = Int32(id)
        return try? AsyncBridge.run { () async throws -> [String] in
            let client = try KafkaClient(bootstrapServers: "127.0.0.1:\(port)", clientId: "samsa-repl")
            do {
                let metadata = try await client.refreshMetadata(topics: nil)
                await client.close()
                let topics = metadata.topics.values.filter { !$0.isInternal }.sorted { $0.name < $1.name }
                return topics.flatMap { topic in
                    topic.partitions.filter { $0.leader == leader }.sorted { $0.partition < $1.partition }
                        .map { "\(topic.name)-\($0.partition)" }
                }
            } catch {
                await client.close()
                throw error
            }
        }
    }
}
