import KafkaProtocol
import SamsaClient

/// Each replica's log end offset, for the live view's picture of replication (deck 03): ListOffsets
/// "latest" with replica id -2, Kafka's debugging request, sent to every running broker for the
/// partitions it holds; a broker answers from its own replica, leader or follower. A follower's
/// log end offset behind the leader's is a follower still fetching.
enum ReplicaLogEndReader {
    /// `topic-partition` → broker id → log end offset; brokers that do not answer are left out.
    static func read(bootstrap: String, topics: [ClusterView.Topic], running: Set<Int32>) async -> [String: [Int:
        Int64]]
    {
        guard let client = try? KafkaClient(bootstrapServers: bootstrap, clientId: "samsa-live-view") else {
            return [:]
        }
        _ = try? await client.refreshMetadata(topics: [])
        var offsets: [String: [Int: Int64]] = [:]
        for broker in running.sorted() {
            let held = topics.compactMap { topic -> ListOffsetsRequest.ListOffsetsTopic? in
                let partitions = topic.partitions.filter { $0.replicas.contains(Int(broker)) }.map {
                    ListOffsetsRequest.ListOffsetsPartition(
                        partitionIndex: Int32($0.partition), currentLeaderEpoch: -1, timestamp: -1, maxNumOffsets: 1)
                }
                return partitions.isEmpty
                    ? nil : ListOffsetsRequest.ListOffsetsTopic(name: topic.name, partitions: partitions)
            }
            guard !held.isEmpty,
                let response = try? await client.send(
                    ListOffsetsRequest(replicaId: -2, isolationLevel: 0, topics: held), to: broker)
            else { continue }
            for topic in response.topics {
                for partition in topic.partitions where partition.errorCode == 0 {
                    offsets["\(topic.name)-\(partition.partitionIndex)", default: [:]][Int(broker)] = partition.offset
                }
            }
        }
        await client.close()
        return offsets
    }
}
