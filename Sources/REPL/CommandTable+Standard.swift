extension CommandTable {
    /// The commands of issue 7, in the order `help` lists them.
    public static let standardCommands: [CommandSpec] = [
        // Cluster.
        CommandSpec(
            ["cluster", "start"],
            options: [
                .init("--brokers", .number, "how many brokers (default 3; an existing cluster keeps its count)"),
                .init("--name", .text, "cluster name and folder .samsa/NAME/ (default lab)"),
                .init("--standalone", nil, "brokers without a metadata server, each its own controller"),
                .init("--detach", nil, "keep the cluster running after samsa quits"),
            ],
            summary: "start a metadata server and brokers on this machine",
            details: """
                Writes zookeeper.properties and server-N.properties into .samsa/NAME/config/, starts
                samsa-meta on 127.0.0.1:2181 and brokers on 9092, 9093, ... (a busy port is replaced by a
                free one, and you are told). Each process logs to .samsa/NAME/logs/. A cluster that was
                stopped starts again with its data. Without --detach the cluster stops when samsa quits.
                """),
        CommandSpec(
            ["cluster", "stop"], summary: "stop every broker cleanly, then the metadata server (data is kept)"),
        CommandSpec(["cluster", "destroy"], summary: "stop the cluster and delete its folder: data, logs, configs"),
        CommandSpec(
            ["cluster", "status"], summary: "brokers up, down or paused; partitions, leaders and ISR",
            details: """
                Processes (state, address, pid, uptime, memory) and the controller; in cluster mode also
                each partition's leader, replicas, ISR, log end offset (ListOffsets with replica id -2)
                and high watermark (ListOffsets latest, what consumers may read).
                """),
        // Brokers.
        CommandSpec(
            ["broker", "kill"], positionals: [.init("ID", .brokerID)],
            summary: "SIGKILL a broker: it dies at once, like a crash",
            details: "Nobody tells the cluster: its metadata session must expire before a new leader is chosen."),
        CommandSpec(
            ["broker", "stop"], positionals: [.init("ID", .brokerID)],
            summary: "SIGTERM a broker: it shuts down cleanly (controlled shutdown)",
            details: "A clean shutdown hands its partition leaderships to other brokers before it exits."),
        CommandSpec(
            ["broker", "start"], positionals: [.init("ID", .brokerID)],
            summary: "start a stopped broker again, with its port and data"),
        CommandSpec(
            ["broker", "pause"], positionals: [.init("ID", .brokerID)],
            summary: "SIGSTOP a broker: it freezes with its sockets open, like a long GC pause"),
        CommandSpec(
            ["broker", "resume"], positionals: [.init("ID", .brokerID)], summary: "SIGCONT a paused broker"),
        CommandSpec(
            ["broker", "logs"], positionals: [.init("ID", .brokerID)],
            options: [.init("--lines", .number, "how many lines from the end (default 20)")],
            summary: "the end of a broker's log file"),
        CommandSpec(
            ["broker", "evict-cache"], positionals: [.init("ID", .brokerID)],
            summary: "drop a broker's segment files from the OS page cache, so the next read is cold",
            details: """
                Writes back and evicts every .log, .index and .timeindex file in the broker's log dir with
                posix_fadvise(POSIX_FADV_DONTNEED); no root needed. Compare a consume right after it (read from
                the disk) with the same consume again (read from memory); `topic segments` shows the difference.
                """),
    ] + CommandTable.faultCommands + [
        // Topics.
        CommandSpec(
            ["topic", "create"], positionals: [.init("NAME", .topic)],
            options: [
                .init("--partitions", .number, "number of partitions (default num.partitions)"),
                .init("--replication-factor", .number, "copies of each partition, each on a different broker"),
                .init("--config", .text, "a topic config such as retention.ms=60000", isRepeatable: true),
            ],
            summary: "create a topic"),
        CommandSpec(["topic", "list"], summary: "list topics"),
        CommandSpec(
            ["topic", "describe"], positionals: [.init("NAME", .topic)],
            summary: "partitions, leaders, replicas and ISR of a topic"),
        CommandSpec(
            ["topic", "offsets"], positionals: [.init("NAME", .topic)],
            summary: "each partition's earliest offset, high watermark and the leader's log end offset",
            details: """
                A consumer reads from the earliest offset up to, not including, the high watermark: the
                records every replica in the ISR has copied. The leader's log end offset is ahead of it
                while followers are still copying (try it under `fault slow-replication`).
                """),
        CommandSpec(
            ["topic", "segments"], positionals: [.init("NAME", .topic)],
            options: [.init("--partition", .number, "which partition (default 0)")],
            summary: "a partition's segment files on each broker and how much of each is in the page cache",
            details: """
                Reads the brokers' log dirs on this machine: each segment's file, base offset and size, and the
                bytes of it the operating system holds in memory right now (mincore). Recent records are there,
                which is why consumers that keep up never touch the disk. `broker evict-cache ID` empties it.
                """),
        CommandSpec(
            ["topic", "compaction"], positionals: [.init("NAME", .topic)],
            options: [.init("--partition", .number, "which partition (default 0)")],
            summary: "a compacted partition's segments: records, keys and tombstones in each, and the cleaner's checkpoint",
            details: """
                Reads the brokers' log dirs on this machine. On a topic with cleanup.policy=compact the broker's log
                cleaner (every log.cleaner.backoff.ms) keeps the last record of each key in the segments before the
                active one, with their offsets. Run it before and after a pass to see what went.
                """),
        CommandSpec(
            ["topic", "compact"], positionals: [.init("NAME", .topic)],
            options: [.init("--partition", .number, "which partition (default 0)")],
            summary: "run the log cleaner on a partition now and show its segments before and after",
            details: """
                Asks each broker holding the partition for a cleaner pass now, whatever min.cleanable.dirty.ratio
                says. Only segments before the active one are cleaned, and records younger than
                min.compaction.lag.ms wait. Tombstones stay until delete.retention.ms after their first cleaning.
                """),
        CommandSpec(
            ["topic", "alter"], positionals: [.init("NAME", .topic)],
            options: [
                .init("--partitions", .number, "raise the partition count (it can never shrink)"),
                .init("--config", .text, "set a topic config, key=value", isRepeatable: true),
            ],
            summary: "add partitions or change configs"),
        CommandSpec(
            ["topic", "delete"], positionals: [.init("NAME", .topic)], summary: "delete a topic and its data"),
        // Producing and consuming.
        CommandSpec(
            ["produce"], positionals: [.init("TOPIC", .topic), .init("VALUE", .text, isRequired: false, isVariadic: true)],
            options: [
                .init("--key", .text, "record key; the same key always goes to the same partition"),
                .init("--partition", .number, "write to this partition instead of the partitioner's choice"),
                .init("--acks", .choice(["0", "1", "all"]), "how many replicas must have it before success"),
                .init("--count", .number, "write N numbered records"),
                .init("--round-robin", nil, "spread the records over the partitions in turn: record i to partition i mod the partition count"),
                .init("--file", .file, "write one record per line of a file"),
                .init("--timeout", .number, "seconds to wait for each acknowledgement (default 15, with retries)"),
            ],
            summary: "write records, one per VALUE; prints the partition and offset of each",
            details: """
                Records go one at a time. At the first record not acknowledged the command stops: the
                records acknowledged before it are shown, then the error. With --timeout S each record
                gets one attempt of S seconds (acks=all: REQUEST_TIMED_OUT if the in-sync replicas
                have not copied it by then).
                """),
        CommandSpec(
            ["consume"], positionals: [.init("TOPIC", .topic)],
            options: [
                .init("--from-beginning", nil, "start at the earliest offset still kept"),
                .init("--partition", .number, "read only this partition"),
                .init("--offset", .number, "start at this offset (with --partition)"),
                .init("--max-messages", .number, "stop after N records"),
                .init("--group", .group, "read as a member of this consumer group"),
            ],
            summary: "read records: partition, offset, key, value (stops after 2 s with nothing new)"),
        // Consumer groups.
        CommandSpec(
            ["consumer", "start"], positionals: [.init("NAME", .consumer)],
            options: [
                .init("--group", .group, "the consumer group to join"),
                .init("--topic", .topic, "the topic to subscribe to"),
                .init("--session-timeout-ms", .number, "how long the coordinator waits for heartbeats (default 10000)"),
            ],
            summary: "run a background group member; rebalances are printed as they happen",
            details: """
                The member joins the group (JoinGroup, SyncGroup), reads its partitions from the committed
                offsets (the earliest offset when none is committed), commits every second and heartbeats
                every second. Each rebalance prints the generation and who owns which partition.
                """),
        CommandSpec(
            ["consumer", "stop"], positionals: [.init("NAME", .consumer)],
            summary: "stop a member cleanly: it commits and leaves the group at once (LeaveGroup)"),
        CommandSpec(
            ["consumer", "kill"], positionals: [.init("NAME", .consumer)],
            summary: "stop a member without leaving: the group notices when its session times out",
            details: "Like a crashed process: no commit, no LeaveGroup. Its partitions wait until session.timeout.ms ran out."),
        CommandSpec(
            ["consumer", "commits"], positionals: [.init("NAME", .consumer), .init("on|off", .choice(["on", "off"]))],
            summary: "stop (off) or resume (on) a member's commits; it goes on reading",
            details: "With commits off the member commits nothing, not even before a rebalance: killed then, the records it read since its last commit are read again by the next owner of its partitions (`consumer list` counts them)."),
        CommandSpec(["consumer", "list"], summary: "background consumers of this REPL: generation, partitions, records read, records read twice"),
        CommandSpec(["group", "list"], summary: "consumer groups the cluster knows, with their state"),
        CommandSpec(
            ["group", "describe"], positionals: [.init("GROUP", .group)],
            summary: "state, assignor, members and their partitions, committed offsets and lag"),
        // Waiting for the cluster (scripts and labs).
        CommandSpec(
            ["wait", "leader"], positionals: [.init("TOPIC", .topic), .init("PARTITION", .number)],
            options: [
                .init("--not", .brokerID, "wait for a leader other than this broker"),
                .init("--timeout", .number, "give up after this many seconds (default 30)"),
            ],
            summary: "wait until a partition has a leader (after a broker died: a new one)"),
        CommandSpec(
            ["wait", "isr"], positionals: [.init("TOPIC", .topic), .init("PARTITION", .number)],
            options: [
                .init("--size", .number, "the number of in-sync replicas to wait for"),
                .init("--timeout", .number, "give up after this many seconds (default 30)"),
            ],
            summary: "wait until a partition's ISR has N replicas (shrunk after a failure, grown after a catch-up)"),
        CommandSpec(
            ["wait", "group"], positionals: [.init("GROUP", .group)],
            options: [
                .init("--members", .number, "the number of members to wait for"),
                .init("--caught-up", nil, "also wait until the group has committed up to every high watermark (lag 0)"),
                .init("--all-read", nil, "also wait until this REPL's members of the group have read all their partitions hold, committed or not"),
                .init("--timeout", .number, "give up after this many seconds (default 30)"),
            ],
            summary: "wait until a group is Stable with N members (a rebalance finished)"),
        // Metadata.
        CommandSpec(
            ["meta", "ls"], positionals: [.init("PATH", .metaPath, isRequired: false)],
            summary: "children of a znode in the metadata tree"),
        CommandSpec(
            ["meta", "get"], positionals: [.init("PATH", .metaPath)], summary: "a znode's data (JSON shown pretty)"),
        CommandSpec(
            ["meta", "stat"], positionals: [.init("PATH", .metaPath)],
            summary: "a znode's version, owner session, times"),
        // Learning and the REPL itself.
        CommandSpec(
            ["explain"], positionals: [.init("TERM", .term, isRequired: false, isVariadic: true)],
            summary: "a short explanation of a Kafka term (`explain` lists them)"),
        CommandSpec(
            ["ui"], positionals: [.init("stop", .choice(["stop"]), isRequired: false)],
            options: [
                .init("--lang", .choice(["es", "en"]), "the page's language (default: the REPL's)"),
                .init("--port", .number, "port on 127.0.0.1 (default: any free one)"),
            ],
            summary: "a live picture of the cluster in the browser; `ui stop` closes it",
            details: """
                Serves a page on 127.0.0.1 that shows brokers, controller, partitions (leader, ISR, log end
                offset, high watermark), consumer groups with lag, and the events as they happen. The
                address carries a secret token: only someone who sees it can open the page. The page only
                reads; every action stays in the REPL.
                """),
        CommandSpec(
            ["watch"], positionals: [.init("COMMAND", .command, isVariadic: true)],
            summary: "rerun a view every second until a key is pressed",
            details: """
                Views: `cluster status`, `topic list`, `topic describe`, `group list`, `group describe`. In a
                script it shows the view once.
                """),
        CommandSpec(
            ["source"], positionals: [.init("FILE", .file)],
            summary: "run the commands in a file, stopping at the first error"),
        CommandSpec(
            ["help"], positionals: [.init("COMMAND", .command, isRequired: false, isVariadic: true)],
            summary: "list commands, or explain one"),
        CommandSpec(["quit"], summary: "leave samsa (a cluster started here stops unless --detach)"),
    ] + CommandTable.labCommands + CommandTable.languageCommands
}
