import KafkaProtocol
import NIOCore

/// A record read from a partition.
public struct ConsumerRecord: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    public var offset: Int64
    public var timestamp: Int64
    public var timestampType: TimestampType
    public var key: ByteBuffer?
    public var value: ByteBuffer?
    public var headers: [Record.Header]
    public var leaderEpoch: Int32

    public var topicPartition: TopicPartition { TopicPartition(self.topic, self.partition) }

    /// The value as UTF-8 text, for labs and the REPL.
    public var valueString: String? { self.value.map { String(buffer: $0) } }
    public var keyString: String? { self.key.map { String(buffer: $0) } }
}
