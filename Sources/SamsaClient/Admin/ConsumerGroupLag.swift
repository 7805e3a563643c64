/// A consumer group's lag on one partition, defined once for the REPL, `kafka-consumer-groups` and the
/// lab checks.
///
/// Follows Kafka's `ConsumerGroupCommand` (3.x, `getLag`): LAG = LOG-END-OFFSET − CURRENT-OFFSET, where
/// CURRENT-OFFSET is the group's committed offset and LOG-END-OFFSET is what ListOffsets(latest) answers a
/// read_uncommitted client, the partition's high watermark (a leader's log can run ahead of it while
/// followers copy; consumers cannot read past it). Without a committed offset (none, or -1) or without
/// an end offset there is no lag, which the tool prints as "-". Kafka does not clamp: a committed offset
/// past the end gives a negative lag.
public enum ConsumerGroupLag {
    /// LOG-END-OFFSET − CURRENT-OFFSET, or nil when either is unknown.
    public static func lag(currentOffset: Int64?, logEndOffset: Int64?) -> Int64? {
        guard let currentOffset, currentOffset != -1, let logEndOffset else { return nil }
        return logEndOffset - currentOffset
    }
}
