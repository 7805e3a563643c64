import KafkaProtocol

/// The API versions this broker advertises in ApiVersions and accepts. Each range is one the
/// generated codecs encode and the handlers implement; clients pick min(their max, ours).
enum SupportedApis {
    static let versions: [ApiKey: ClosedRange<Int16>] = [
        // RecordBatch v2 needs Produce v3+; older versions carry message formats v0/v1 we do not store.
        .produce: 3...11,
        // Fetch v13+ name topics by id; the standalone broker serves names (v4-12).
        .fetch: 4...12,
        .listOffsets: 0...8,
        .metadata: 0...12,
        .findCoordinator: 0...4,
        .apiVersions: 0...4,
        .createTopics: 0...7,
        .deleteTopics: 0...6,
        .describeConfigs: 0...4,
        .alterConfigs: 0...2,
        .createPartitions: 0...3,
        .incrementalAlterConfigs: 0...1,
        .describeCluster: 0...1,
        .initProducerId: 0...4,
        // Group coordinator (classic protocol); v9 OffsetCommit/OffsetFetch belong to KIP-848.
        .offsetCommit: 0...8,
        .offsetFetch: 0...8,
        .joinGroup: 0...9,
        .heartbeat: 0...4,
        .leaveGroup: 0...5,
        .syncGroup: 0...5,
        .describeGroups: 0...5,
        .listGroups: 0...5,
        .deleteGroups: 0...2,
        .offsetDelete: 0...0,
        // Inter-broker requests of a ZooKeeper-mode cluster, at the versions Kafka 3.4+ sends.
        .leaderAndIsr: 5...7,
        .updateMetadata: 5...8,
        .stopReplica: 3...4,
        .controlledShutdown: 3...3,
        .offsetForLeaderEpoch: 0...4,
        .electLeaders: 0...2,
    ]

    static func supports(_ key: ApiKey, version: Int16) -> Bool {
        Self.versions[key]?.contains(version) ?? false
    }
}
