import KafkaProtocol

/// `acks`: how many replicas must have a batch before the leader answers.
public enum Acks: Int16, Sendable {
    /// acks=0: the broker sends no response; offsets are unknown (-1) and losses go unnoticed.
    case none = 0
    /// acks=1: the leader wrote it.
    case leader = 1
    /// acks=all (-1): every in-sync replica has it; needed for idempotence.
    case all = -1
}

/// Producer settings, named after Kafka's producer configs, with Kafka 3.x/4.x defaults.
public struct ProducerConfiguration: Sendable {
    public var acks: Acks = .all
    /// `linger.ms`: how long a batch waits for more records before it is sent.
    public var linger: Duration = .milliseconds(5)
    /// `batch.size`: bytes at which a batch is sent without waiting for `linger`.
    public var batchSize: Int = 16_384
    /// `compression.type`.
    public var compression: CompressionCodec = .none
    /// `enable.idempotence`: on by default as in Kafka 3.0+; needs acks=all, else it is turned off.
    public var enableIdempotence: Bool = true
    /// `retries`: how often a batch is resent after a retriable error (bounded by `deliveryTimeout`).
    public var retries: Int = Int(Int32.max)
    /// `retry.backoff.ms`.
    public var retryBackoff: Duration = .milliseconds(100)
    /// `delivery.timeout.ms`: a record fails if not acknowledged within this time after `send`.
    public var deliveryTimeout: Duration = .seconds(120)
    /// `request.timeout.ms` passed to the broker as the Produce timeout.
    public var requestTimeout: Duration = .seconds(30)
    /// `max.request.size`: a bound on the batches put in one Produce request.
    public var maxRequestSize: Int = 1_048_576
    /// `max.in.flight.requests.per.connection`: batches of one partition sent before the first is answered.
    /// Requests on one connection are answered in order, so order holds; with idempotence a retry goes out
    /// only after the batches ahead of it, as Kafka requires (at most 5 then).
    public var maxInFlightRequestsPerConnection: Int = 5
    /// `queue.buffering.max.messages` (librdkafka): `send` waits while this many records are undelivered.
    public var maxQueuedRecords: Int = 1_000_000

    public init() {}

    /// Whether this producer uses a producer id and sequence numbers.
    var isIdempotent: Bool { self.enableIdempotence && self.acks == .all }
}
