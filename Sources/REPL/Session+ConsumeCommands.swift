import Foundation
import LocalCluster
import KafkaProtocol
import SamsaClient

/// `consume TOPIC [--from-beginning] [--partition P] [--offset O] [--max-messages N]`: reads in
/// assign mode (no group), printing partition, offset, key and value, and stops after N records
/// or once nothing new arrived for 2 s.
extension Session {
    /// One record as the REPL shows it.
    struct ConsumedLine: Sendable {
        var partition: Int32
        var offset: Int64
        var key: String?
        var value: String?
    }

    func runConsume(_ arguments: ParsedArguments) throws(REPLError) {
        let bootstrap = try self.bootstrapServers()
        let topic = arguments.positionals[0]
        if arguments.has("--group") {
            throw .usage("--group arrives with background consumers; `consume` reads without a group", usage: arguments.usage)
        }
        let chosen = try arguments.int("--partition", in: 0...100_000).map(Int32.init)
        let offset = try arguments.int("--offset", in: 0...Int.max).map(Int64.init)
        if offset != nil, chosen == nil {
            throw .usage("--offset needs --partition: an offset belongs to one partition", usage: arguments.usage)
        }
        let limit = try arguments.int("--max-messages", in: 1...1_000_000) ?? Int.max
        let fromBeginning = arguments.has("--from-beginning")
        let (lines, partitionCount) = try self.withClient(bootstrap) { client in
            let metadata = try await client.refreshMetadata(topics: [topic])
            guard let described = metadata.topics[topic], described.error != .unknownTopicOrPartition else {
                throw SamsaClientError.unknownTopic(topic)
            }
            let all = described.partitions.map(\.partition).sorted()
            if let chosen, !all.contains(chosen) {
                throw SamsaClientError.unknownPartition(topic: topic, partition: chosen, partitionCount: all.count)
            }
            let partitions = (chosen.map { [$0] } ?? all).map { TopicPartition(topic, $0) }
            var configuration = ConsumerConfiguration()
            configuration.enableAutoCommit = false
            configuration.autoOffsetReset = fromBeginning ? .earliest : .latest
            let consumer = KafkaConsumer(client: client, configuration: configuration)
            var lines: [ConsumedLine] = []
            do {
                try await consumer.assign(partitions)
                if let offset, let first = partitions.first {
                    try await consumer.seek(first, to: offset)
                } else if fromBeginning {
                    try await consumer.seekToBeginning(partitions)
                } else {
                    try await consumer.seekToEnd(partitions)
                }
                var quietSince = ContinuousClock.now
                while lines.count < limit, ContinuousClock.now - quietSince < .seconds(2) {
                    let records = try await consumer.poll(timeout: .milliseconds(500))
                    if !records.isEmpty { quietSince = ContinuousClock.now }
                    for record in records.prefix(limit - lines.count) {
                        lines.append(
                            ConsumedLine(
                                partition: record.partition, offset: record.offset, key: record.keyString,
                                value: record.valueString))
                    }
                }
            } catch {
                await consumer.close()
                throw error
            }
            await consumer.close()
            return (lines, all.count)
        }
        self.remember(topic: topic)
        let rows = lines.map { line in
            ["\(topic)-\(line.partition)", "offset \(line.offset)", line.key.map { "key \"\($0)\"" } ?? "no key", line.value ?? "(null)"]
        }
        for row in Self.columns(rows) { self.console.print(row) }
        let from = fromBeginning ? "from the beginning" : offset.map { "from offset \($0)" } ?? "new records only"
        let which = chosen.map { "partition \($0)" } ?? "\(partitionCount) partition\(partitionCount == 1 ? "" : "s")"
        let end = lines.count >= limit ? "reached --max-messages" : "nothing new for 2 s"
        self.console.print("Read \(lines.count) record\(lines.count == 1 ? "" : "s") from \(topic) (\(which), \(from)); \(end).")
    }
}
