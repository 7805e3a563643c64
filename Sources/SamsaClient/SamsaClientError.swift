import KafkaProtocol

/// Everything SamsaClient can fail with. Each case names the Kafka concept involved (broker, topic,
/// partition, group) and, where there is one, the fix, because a student reads these in the REPL.
public enum SamsaClientError: Error, Sendable, CustomStringConvertible {
    /// `bootstrap.servers` could not be parsed.
    case invalidBootstrap(String)
    /// A configuration value is out of range.
    case invalidConfiguration(String)
    /// No bootstrap or known broker accepted a connection.
    case noBrokerReachable(tried: [String])
    case connectionFailed(broker: String, reason: String)
    /// The connection closed (or was closed after a timeout) while a request was outstanding.
    case connectionClosed(broker: String)
    case requestTimedOut(api: ApiKey, broker: String, timeout: Duration)
    /// The broker does not offer an API the client needs.
    case unsupportedApi(ApiKey, broker: String)
    /// The broker's versions of an API and ours do not overlap.
    case noCommonVersion(ApiKey, ours: ClosedRange<Int16>, broker: ClosedRange<Int16>, address: String)
    case malformedResponse(ApiKey, reason: String)
    /// A Kafka error code, with what the client was doing when it got it.
    case kafka(ErrorCode, context: String)
    case unknownTopic(String)
    case unknownPartition(topic: String, partition: Int32, partitionCount: Int)
    case noLeader(topic: String, partition: Int32)
    case unknownBroker(nodeId: Int32)
    /// A compression library could not be loaded at run time.
    case compressionLibraryMissing(codec: CompressionCodec, library: String, debianPackage: String)
    case compressionFailed(codec: CompressionCodec, reason: String)
    case corruptRecords(TopicPartition, reason: String)
    case closed(String)
    case notAssigned(TopicPartition)
    case noOffset(TopicPartition)
    case groupFailure(group: String, reason: String)

    public var description: String {
        switch self {
        case .invalidBootstrap(let text):
            "bootstrap servers '\(text)' are not valid; use host:port pairs separated by commas, e.g. 127.0.0.1:9092"
        case .invalidConfiguration(let text):
            "invalid configuration: \(text)"
        case .noBrokerReachable(let tried):
            "no broker is reachable (tried \(tried.joined(separator: ", "))); is the broker running on that port?"
        case .connectionFailed(let broker, let reason):
            "cannot connect to broker \(broker): \(reason)"
        case .connectionClosed(let broker):
            "connection to broker \(broker) closed before the response arrived"
        case .requestTimedOut(let api, let broker, let timeout):
            "\(api) request to broker \(broker) got no response within \(timeout) (request.timeout.ms)"
        case .unsupportedApi(let api, let broker):
            "broker \(broker) does not support the \(api) API"
        case .noCommonVersion(let api, let ours, let theirs, let address):
            "broker \(address) speaks \(api) versions \(theirs.lowerBound)-\(theirs.upperBound) but this client needs "
                + "\(ours.lowerBound)-\(ours.upperBound)"
        case .malformedResponse(let api, let reason):
            "\(api) response could not be read: \(reason)"
        case .kafka(let code, let context):
            "\(context): \(code.name): \(code.message)"
        case .unknownTopic(let topic):
            "topic \(topic) does not exist; create it first or enable auto.create.topics.enable"
        case .unknownPartition(let topic, let partition, let count):
            "partition \(partition) of \(topic) does not exist; \(topic) has \(count) partitions (0-\(max(0, count - 1)))"
        case .noLeader(let topic, let partition):
            "partition \(partition) of \(topic) has no leader"
        case .unknownBroker(let nodeId):
            "broker \(nodeId) is not in the cluster metadata"
        case .compressionLibraryMissing(let codec, let library, let package):
            "\(codec) compression needs \(library), which is not installed; install the Debian package \(package) "
                + "(apt-get install \(package))"
        case .compressionFailed(let codec, let reason):
            "\(codec) compression failed: \(reason)"
        case .corruptRecords(let partition, let reason):
            "records fetched from \(partition) are corrupt: \(reason)"
        case .closed(let what):
            "\(what) is closed"
        case .notAssigned(let partition):
            "partition \(partition) is not assigned to this consumer; assign or subscribe first"
        case .noOffset(let partition):
            "\(partition) has no committed offset and auto.offset.reset is none"
        case .groupFailure(let group, let reason):
            "consumer group \(group): \(reason)"
        }
    }

    /// The Kafka error code, when the broker sent one.
    public var kafkaCode: ErrorCode? {
        if case .kafka(let code, _) = self { return code }
        return nil
    }

    /// Whether retrying the same operation (after a metadata refresh) may succeed.
    public var isRetriable: Bool {
        switch self {
        // A broker missing from metadata means the metadata is stale (a dead leader's replacement
        // is not known yet): refreshing and retrying is the cure.
        case .connectionFailed, .connectionClosed, .requestTimedOut, .noLeader, .noBrokerReachable, .unknownBroker: true
        case .kafka(let code, _): code.isRetriable
        default: false
        }
    }
}
