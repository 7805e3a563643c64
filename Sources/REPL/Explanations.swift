/// `explain TERM`: short, exact explanations of the course's concepts, in Kafka's own vocabulary,
/// each ending with related terms to explore next. Checked against Kafka's documentation
/// (configuration reference, design section) and the KIPs named.
public enum Explanations {
    public struct Entry: Sendable {
        /// The name completion offers, e.g. `high-watermark`.
        public let term: String
        /// Other spellings accepted (`hw`, `isr`), compared after normalising.
        public let aliases: [String]
        public let text: String
    }

    public static let entries: [Entry] = [
        Entry(term: "offset", aliases: ["offsets"], text: """
            An offset is a record's position in its partition: 0 for the first record, then 1, 2, ...
            Offsets never change and are never reused, even after retention deletes old records, so a
            consumer can resume exactly by remembering one number per partition. See: partition, lag.
            """),
        Entry(term: "partition", aliases: ["partitions"], text: """
            A topic is split into partitions. Each is an ordered, append-only log kept on brokers, and
            every record lands in exactly one of them (chosen by the key's hash, or by the producer).
            Order is guaranteed only within a partition. More partitions spread the load over more
            brokers and let more consumers of a group read in parallel. See: offset, leader.
            """),
        Entry(term: "leader", aliases: ["follower", "replica", "replicas"], text: """
            Each partition has one leader replica, on one broker. Producers write to the leader and
            consumers read from it; the other replicas, the followers, fetch from the leader to copy
            its log. If the leader's broker fails, the controller makes an in-sync follower the new
            leader. See: isr, controller, leader-epoch.
            """),
        Entry(term: "isr", aliases: ["in-sync-replicas", "in-sync"], text: """
            The in-sync replicas (ISR) are the leader plus the followers that have caught up with it
            within replica.lag.time.max.ms. A follower that falls behind leaves the ISR and rejoins once
            it has caught up. With acks=all a write succeeds only when every ISR member has it, and only
            an ISR member can become leader (unless unclean.leader.election.enable=true).
            See: acks, min.insync.replicas, high-watermark.
            """),
        Entry(term: "high-watermark", aliases: ["hw", "watermark", "highwatermark"], text: """
            The high watermark is the offset up to which every in-sync replica has the data. Consumers
            read only below it, so a record they see cannot vanish when a leader dies. Records above
            it exist on the leader but are not yet safe. See: isr, acks.
            """),
        Entry(term: "leader-epoch", aliases: ["epoch"], text: """
            The leader epoch is a number that goes up each time a partition gets a new leader. Leaders
            stamp it on the batches they write, so a replica that returns after a failover can ask the
            new leader where its own history ends and cut off what the new leader never had (KIP-101),
            and requests from a replica with an old epoch are refused. See: leader, isr.
            """),
        Entry(term: "controller", aliases: ["controller-epoch"], text: """
            One broker is the controller: in ZooKeeper mode, the first one to create the ephemeral
            /controller znode. It assigns replicas to new topics, elects partition leaders and updates
            the ISR in the metadata when a broker's session ends. If the controller dies another broker
            takes over, and the controller epoch goes up so the old one's orders are ignored.
            See: leader, isr.
            """),
        Entry(term: "consumer-group", aliases: ["group", "groups", "consumer", "consumers"], text: """
            Consumers that share a group.id form a consumer group and split a topic's partitions among
            them: at any moment each partition is read by exactly one member of the group. Each group
            commits its own offsets, so two groups each read all the records. Members beyond the
            partition count sit idle. See: rebalance, lag.
            """),
        Entry(term: "rebalance", aliases: ["rebalancing", "generation"], text: """
            A rebalance hands out a group's partitions again. It happens when a member joins, leaves,
            or sends no heartbeat for session.timeout.ms, and when the subscribed topics change. Each
            rebalance starts a new generation of the group; with the classic protocol members stop
            reading until it completes. See: consumer-group.
            """),
        Entry(term: "lag", aliases: ["consumer-lag"], text: """
            Lag is how far a consumer group is behind, per partition: the log end offset minus the
            group's committed offset (current offset), as kafka-consumer-groups prints it. The log end
            offset there is the high watermark, the end of what consumers can read. Lag that keeps
            growing means the consumers read more slowly than producers write. See: offset, consumer-group.
            """),
        Entry(term: "acks", aliases: ["ack", "acknowledgement", "acknowledgements"], text: """
            acks says how many replicas must have a write before the leader answers the producer.
            acks=0: no answer is awaited, so a lost record goes unnoticed. acks=1: the leader has written
            it; lost if the leader dies before a follower copies it. acks=all (-1): every ISR member has
            it. See: isr, min.insync.replicas.
            """),
        Entry(term: "min.insync.replicas", aliases: ["min-insync-replicas", "mininsyncreplicas"], text: """
            With acks=all, a leader refuses writes (NOT_ENOUGH_REPLICAS) while the ISR has fewer than
            min.insync.replicas members. It makes acks=all mean "at least this many copies" even when
            followers have dropped out; replication factor 3 with min.insync.replicas=2 survives the loss
            of one broker without losing acknowledged data. No effect on acks=0 or 1. See: acks, isr.
            """),
        Entry(term: "retention", aliases: ["retention.ms", "log.retention.hours"], text: """
            Kafka keeps records for a time (log.retention.hours, 168 by default; retention.ms per topic)
            or up to a size (retention.bytes), whether or not anyone has read them. Deletion removes
            whole closed segments, so the earliest offset moves forward while offsets themselves never
            change. See: segment, offset.
            """),
        Entry(term: "segment", aliases: ["segments", "log-segment"], text: """
            A partition's log is a series of segment files: .log holds the batches, .index and
            .timeindex find offsets and times in it, and each is named by its first offset. Only the
            newest (active) segment is written to; a new one starts at log.segment.bytes (1 GiB) or
            log.roll.hours. Retention deletes whole segments. See: retention.
            """),
        Entry(term: "page-cache", aliases: ["pagecache", "cache"], text: """
            Kafka keeps no record cache of its own: it writes to files and lets the operating system's
            page cache keep recent data in RAM. Consumers near the end of a log are served from memory
            without reading the disk, and the broker can send file bytes straight to the socket
            (sendfile, "zero-copy"). See: segment, batching.
            """),
        Entry(term: "compression", aliases: ["compression.type", "gzip", "lz4", "snappy", "zstd"], text: """
            Producers can compress whole batches (compression.type: gzip, snappy, lz4 or zstd). Brokers
            store and serve a batch compressed as it came, unless the topic asks for another codec,
            and consumers decompress it: less network and disk, more CPU on the clients. Bigger
            batches compress better. See: batching.
            """),
        Entry(term: "fault", aliases: ["faults", "fault-injection", "nemesis", "heal"], text: """
            `fault` breaks the local cluster on purpose, the way real clusters break: cut-replication
            (a broker stops replicating), slow-replication (its follower fetches wait), isolate (it loses
            its metadata session but still serves clients). `fault list` shows them, `fault heal` ends them;
            a restarted broker starts healthy. Kafka clients see nothing different.
            See: cut-replication, isolate, acks.
            """),
        Entry(term: "cut-replication", aliases: ["slow-replication", "replication"], text: """
            Followers copy their leader by fetching. When they stop getting data, they stay in the ISR
            until replica.lag.time.max.ms after the leader's log moved ahead of them (Kafka's rule). In
            that window an acks=1 write is acknowledged but exists on the leader only: if the leader dies,
            an in-sync follower is elected cleanly and the write is gone. acks=all would have waited
            for the followers. See: acks, isr, high-watermark.
            """),
        Entry(term: "isolate", aliases: ["isolation", "zombie", "zombie-leader", "network-partition", "partition-from-metadata"], text: """
            A broker cut off from the metadata server keeps serving clients. Its session expires, the
            controller elects new leaders with a higher leader epoch, but the old leader does not know:
            a zombie that still accepts acks=1 writes from clients with stale metadata. When it
            reconnects it registers again, becomes a follower, and truncates to the new leader's
            history (KIP-101): the zombie's writes are lost. See: leader-epoch, controller, acks.
            """),
        Entry(term: "batching", aliases: ["batch", "batches", "linger.ms", "batch.size"], text: """
            Producers collect records for the same partition into batches (up to batch.size bytes,
            waiting up to linger.ms for more) and send batches for many partitions in one request.
            Fewer, larger requests and sequential disk writes raise throughput at the cost of a little
            latency. See: compression, acks.
            """),
        Entry(term: "znode", aliases: ["znodes", "zookeeper", "metadata-tree"], text: """
            A znode is a node of ZooKeeper's tree, named by its path (/brokers/ids/1). It holds a little
            data (Kafka writes JSON) and a stat: versions, zxids, ephemeral owner. Kafka's ZooKeeper mode
            keeps brokers, topics (/brokers/topics), /controller and configs there. Persistent znodes
            stay until deleted; ephemeral ones end with their session. `meta ls|get|stat` read them.
            See: ephemeral, session.
            """),
        Entry(term: "ephemeral", aliases: ["ephemeral-znode", "ephemeral-node", "ephemeralowner", "ephemeral-owner"], text: """
            An ephemeral znode belongs to the session that created it (its ephemeral owner, ephemeralOwner
            in ZooKeeper's stat): when that session ends, closed or expired, the znode is deleted. Each
            broker registers as ephemeral /brokers/ids/N, so a dead broker leaves the list by itself;
            /controller is ephemeral too. Ephemeral znodes cannot have children. See: session, znode.
            """),
        Entry(term: "session", aliases: ["sessions", "zookeeper-session", "zookeeper.session.timeout.ms", "session-id"], text: """
            A client of ZooKeeper holds a session: an id (0x...) and a timeout, kept alive by heartbeats.
            If the server hears nothing for the timeout, the session expires and its ephemeral znodes go.
            A broker's timeout is zookeeper.session.timeout.ms (18000 in Kafka 3.x): a stopped broker
            closes its session and leaves /brokers/ids at once; a killed one stays until it expires.
            See: ephemeral, znode, session.timeout.ms.
            """),
        Entry(term: "session.timeout.ms", aliases: ["session-timeout", "session-timeout-ms", "heartbeat.interval.ms", "heartbeat"], text: """
            A consumer group member that sends no heartbeat for session.timeout.ms (45000 by default in
            Kafka 3.x, 10000 before 3.0) is declared dead by the group coordinator, and the group
            rebalances. Heartbeats go every heartbeat.interval.ms (3000). The broker accepts values from
            group.min.session.timeout.ms to group.max.session.timeout.ms. See: rebalance, consumer-group.
            """),
        Entry(term: "key", aliases: ["keys", "record-key", "message-key"], text: """
            A record's key is optional bytes set by the producer, e.g. a customer id. The default
            partitioner sends every record with the same key to the same partition (murmur2 of the key,
            modulo the partition count), so one key's records keep their order. Adding partitions
            changes the modulo: keys can move to another partition. See: murmur2, partitioner, sticky.
            """),
        Entry(term: "murmur2", aliases: ["murmur", "hash", "key-hash"], text: """
            murmur2 is the hash Kafka's Java producer applies to a key's bytes: partition =
            (murmur2(key) & 0x7fffffff) % partitions, the hash made positive, modulo the partition count.
            Clients that use it agree on where a key goes; librdkafka's default (consistent_random, CRC32)
            does not unless you set partitioner=murmur2_random. See: key, partitioner.
            """),
        Entry(term: "partitioner", aliases: ["partitioners", "partitioner.class", "partitioning"], text: """
            The producer's partitioner picks each record's partition. Kafka 3.x's default: a partition
            set on the record wins; a record with a key goes to murmur2(key) modulo the partition count;
            a record without a key goes to the sticky partition. See: key, murmur2, sticky.
            """),
        Entry(term: "sticky", aliases: ["sticky-partitioner", "sticky-partitioning", "keyless", "null-key"], text: """
            Records without a key use the sticky partitioner (KIP-480): the producer sends them to one
            partition until its batch is full or sent, then picks another. Fewer, fuller batches than
            round robin, but a short burst of keyless records can all land in one partition. Since 3.3
            (KIP-794) it switches after about batch.size bytes. See: partitioner, batching, key.
            """),
    ]

    /// Lower case, spaces and underscores as hyphens: "High Watermark" → "high-watermark".
    public static func normalise(_ term: String) -> String {
        term.lowercased().split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" }).joined(separator: "-")
    }

    public static func entry(for term: String) -> Entry? {
        let key = self.normalise(term)
        return self.entries.first { $0.term == key || $0.aliases.contains(key) }
    }

    /// The explanation, or `unknownTerm` with the closest term.
    public static func explain(_ term: String) throws(REPLError) -> String {
        guard let entry = self.entry(for: term) else {
            let key = self.normalise(term)
            throw .unknownTerm(term, suggestion: EditDistance.closest(to: key, among: self.entries.map(\.term)))
        }
        return entry.text
    }

    /// `explain` with no term.
    public static var listing: String {
        "Terms: " + self.entries.map(\.term).joined(separator: ", ") + "\nFor example: `explain high watermark`."
    }
}
