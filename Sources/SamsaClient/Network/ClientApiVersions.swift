import KafkaProtocol

/// The versions of each API this client can build and read correctly. Narrower than the generated codecs in
/// places where a newer version changes meaning, not just layout (Fetch 13+ names topics by id, OffsetFetch 8+
/// batches groups, DeleteTopics 6+ takes topic structs).
enum ClientApiVersions {
    static func supported(_ apiKey: ApiKey) -> ClosedRange<Int16>? {
        switch apiKey {
        case .produce: 3...9
        case .fetch: 4...12
        case .listOffsets: 1...7
        case .metadata: 1...12
        case .offsetCommit: 2...8
        case .offsetFetch: 1...7
        case .findCoordinator: 0...3
        case .joinGroup: 0...7
        case .heartbeat: 0...4
        case .leaveGroup: 0...4
        case .syncGroup: 0...5
        case .describeGroups: 0...5
        case .listGroups: 0...4
        case .apiVersions: 0...3
        case .createTopics: 2...7
        case .deleteTopics: 1...5
        case .initProducerId: 0...4
        case .describeConfigs: 1...4
        case .alterConfigs: 0...2
        case .createPartitions: 0...3
        case .deleteGroups: 0...2
        case .electLeaders: 1...2
        case .incrementalAlterConfigs: 0...1
        case .describeCluster: 0...1
        case .offsetDelete: 0...0
        default: nil
        }
    }
}
