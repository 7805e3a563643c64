import KafkaProtocol
import NIOCore

/// A record to send. Without `partition`, the partitioner picks one (murmur2 of the key, or sticky).
public struct ProducerRecord: Sendable {
    public var topic: String
    public var partition: Int32?
    public var key: ByteBuffer?
    public var value: ByteBuffer?
    public var headers: [Record.Header]
    /// Milliseconds since the epoch; now when nil.
    public var timestamp: Int64?

    public init(
        topic: String, partition: Int32? = nil, key: ByteBuffer? = nil, value: ByteBuffer?,
        headers: [Record.Header] = [], timestamp: Int64? = nil
    ) {
        self.topic = topic
        self.partition = partition
        self.key = key
        self.value = value
        self.headers = headers
        self.timestamp = timestamp
    }

    public init(topic: String, partition: Int32? = nil, key: String? = nil, value: String, timestamp: Int64? = nil) {
        self.init(
            topic: topic, partition: partition, key: key.map { ByteBuffer(string: $0) },
            value: ByteBuffer(string: value),
            timestamp: timestamp)
    }
}

/// Where a record was stored: what Kafka's `RecordMetadata` reports to a delivery callback.
public struct RecordMetadata: Sendable, Hashable {
    public var topic: String
    public var partition: Int32
    /// -1 when unknown (acks=0).
    public var offset: Int64
    /// CreateTime from the record, or the broker's LogAppendTime if the topic uses it.
    public var timestamp: Int64

    public var topicPartition: TopicPartition { TopicPartition(self.topic, self.partition) }
}
