import KafkaProtocol
import SamsaClient

/// Samsa's `kafka-consumer-perf-test --random-offsets`: reads a topic by jumping, not in order. Each
/// read assigns one partition, seeks it to an offset drawn uniformly from every offset the topic
/// holds (earliest up to the high watermark) and polls once, so every poll waits for its own fetch,
/// which starts at the batch holding that offset wherever it lies in the log.
struct RandomOffsetReader {
    let consumer: KafkaConsumer
    /// Each partition's readable offsets, earliest up to the high watermark.
    let spans: [(partition: TopicPartition, offsets: Range<Int64>)]

    /// Every offset that can be drawn.
    var total: Int64 { self.spans.reduce(0) { $0 + Int64($1.offsets.count) } }

    /// Assigns `partitions` to learn their earliest offsets and high watermarks.
    static func prepare(_ consumer: KafkaConsumer, partitions: [TopicPartition]) async throws -> RandomOffsetReader {
        try await consumer.assign(partitions)
        try await consumer.seekToBeginning(partitions)
        var earliest: [TopicPartition: Int64] = [:]
        for partition in partitions { earliest[partition] = try await consumer.position(partition) }
        try await consumer.seekToEnd(partitions)
        var spans: [(partition: TopicPartition, offsets: Range<Int64>)] = []
        for partition in partitions {
            let end = try await consumer.position(partition)
            let start = earliest[partition] ?? end
            if end > start { spans.append((partition, start..<end)) }
        }
        return RandomOffsetReader(consumer: consumer, spans: spans)
    }

    /// The partition and offset the `draw`-th readable offset is (0 ≤ draw < `total`).
    func target(_ draw: Int64) -> (partition: TopicPartition, offset: Int64) {
        var rest = draw
        for span in self.spans {
            if rest < Int64(span.offsets.count) { return (span.partition, span.offsets.lowerBound + rest) }
            rest -= Int64(span.offsets.count)
        }
        let last = self.spans[self.spans.count - 1]
        return (last.partition, last.offsets.upperBound - 1)
    }

    /// One read at a random offset: what one poll returned from there (none if nothing arrived
    /// within `timeout`). Needs `total > 0`.
    func read(timeout: Duration, using generator: inout some RandomNumberGenerator) async throws
        -> (partition: TopicPartition, offset: Int64, records: [ConsumerRecord])
    {
        let target = self.target(Int64.random(in: 0..<self.total, using: &generator))
        try await self.consumer.assign([target.partition])
        try await self.consumer.seek(target.partition, to: target.offset)
        return (target.partition, target.offset, try await self.consumer.poll(timeout: timeout))
    }
}
