import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-consumer-groups --delete-offsets` and `--reset-offsets`: what Kafka's tool prints and
/// refuses, on top of KafkaAdmin.
extension ConsumerGroupsTool {
    // MARK: Delete offsets

    /// OffsetDelete (KIP-496): a group's committed offsets for some topics, while it does not read them.
    static func deleteOffsets(_ groupId: String, _ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext)
        async throws -> Int32
    {
        let partitions = try await self.resetPartitions(options, committed: [:], admin)
        let coordinator = try await admin.coordinator(ofGroup: groupId).nodeId
        let request = OffsetDeleteRequest(
            groupId: groupId,
            topics: Dictionary(grouping: partitions, by: \.topic).sorted { $0.key < $1.key }.map { topic, parts in
                OffsetDeleteRequest.OffsetDeleteRequestTopic(
                    name: topic,
                    partitions: parts.map {
                        OffsetDeleteRequest.OffsetDeleteRequestPartition(partitionIndex: $0.partition)
                    })
            })
        let response = try await admin.client.send(request, to: coordinator)
        let topics = Array(Set(partitions.map(\.topic))).sorted().joined(separator: ", ")
        switch ErrorCode(rawValue: response.errorCode) ?? .unknownServerError {
        case .none:
            context.console.outLine("Request succeed for deleting offsets with topic \(topics) group \(groupId)")
        case .groupIdNotFound:
            context.console.errLine(
                "Error: Deleting offsets of a consumer group '\(groupId)' is forbidden if the group does not exist.")
            return 1
        case .nonEmptyGroup:
            context.console.errLine(
                "Error: Deleting offsets of a consumer group '\(groupId)' is forbidden if the group is not empty.")
            return 1
        case let code:
            context.console.errLine("Error: Encounter some unknown error: \(ClientErrors.kafkaMessage(code))")
            return 1
        }
        context.console.outLine(
            "\n" + self.pad("TOPIC", 30) + " " + self.pad("PARTITION", 15) + " " + self.pad("STATUS", 15))
        for topic in response.topics.sorted(by: { $0.name < $1.name }) {
            for partition in topic.partitions.sorted(by: { $0.partitionIndex < $1.partitionIndex }) {
                let code = ErrorCode(rawValue: partition.errorCode) ?? .unknownServerError
                let status = code == .none ? "Successful" : "Error: \(ClientErrors.kafkaMessage(code))"
                context.console.outLine(
                    self.pad(topic.name, 30) + " " + self.pad("\(partition.partitionIndex)", 15) + " "
                        + self.pad(status, 15))
            }
        }
        return 0
    }

    // MARK: Reset offsets

    static let resetSpecs = ["to-datetime", "to-earliest", "to-latest", "shift-by", "to-current", "to-offset"]

    static func checkReset(_ options: ParsedOptions) throws(ToolError) {
        if !options.has("topic") && !options.has("all-topics") {
            throw .usage("One of the reset scopes should be defined: --all-topics, --topic.")
        }
        if self.resetSpecs.filter({ options.has($0) }).count != 1 {
            throw .usage(
                "Option [reset-offsets] takes exactly one of these options: [to-datetime], [to-earliest], [to-latest], [shift-by], [to-current], [to-offset]"
            )
        }
        if options.has("execute") && options.has("dry-run") {
            throw .usage("Option [execute] can't be used with option [dry-run]")
        }
    }

    static func reset(_ groupIds: [String], _ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext)
        async throws -> Int32
    {
        let execute = options.has("execute")
        if !execute && !options.has("dry-run") {
            context.console.outLine(
                "WARN: No action will be performed as the --execute option is missing.In a future major release, the default behavior of this command will be to prompt the user before executing the reset rather than doing a dry run. You should add the --dry-run option explicitly if you are scripting this command and want to keep the current default behavior without prompting."
            )
        }
        var planned: [(String, [TopicPartition: Int64])] = []
        for groupId in groupIds {
            let description = try await self.describeGroup(groupId, admin)
            if let description, description.state != "Empty" {
                context.console.errLine(
                    "Error: Assignments can only be reset if the group '\(groupId)' is inactive, but the current state is \(description.state)."
                )
                continue
            }
            let committed = description == nil ? [:] : try await admin.listGroupOffsets(groupId)
            let partitions = try await self.resetPartitions(options, committed: committed, admin)
            let offsets = try await self.targetOffsets(partitions, committed: committed, options, admin, context)
            if execute { try await admin.resetGroupOffsets(groupId, to: offsets) }
            planned.append((groupId, offsets))
        }
        // Kafka exits 0 after refusing an active group too; a lab's log must tell the three apart.
        context.console.report(fact: "reset", value: planned.isEmpty ? "refused" : execute ? "executed" : "dry-run")
        if !planned.isEmpty {
            context.console.outLine("\n" + self.resetLine("GROUP", "TOPIC", "PARTITION", "NEW-OFFSET"))
            for (groupId, offsets) in planned {
                for (partition, offset) in offsets.sorted(by: { $0.key < $1.key }) {
                    context.console.outLine(
                        self.resetLine(groupId, partition.topic, "\(partition.partition)", "\(offset)"))
                }
            }
        }
        return 0
    }

    static func resetLine(_ group: String, _ topic: String, _ partition: String, _ offset: String) -> String {
        self.pad(group, 30) + " " + self.pad(topic, 30) + " " + self.pad(partition, 10) + " " + self.pad(offset, 15)
    }

    /// `--topic t` (every partition), `--topic t:0,2`, or `--all-topics` (those the group committed).
    static func resetPartitions(_ options: ParsedOptions, committed: [TopicPartition: Int64], _ admin: KafkaAdmin)
        async throws
        -> [TopicPartition]
    {
        if options.has("all-topics") { return committed.keys.sorted() }
        var result: [TopicPartition] = []
        for item in options.all("topic") {
            let parts = item.split(separator: ":", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                result += parts[1].split(separator: ",").compactMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
                    .map { TopicPartition(parts[0], $0) }
            } else {
                let description = try await admin.describeTopics([parts[0]])
                result += description.flatMap { topic in
                    topic.partitions.map { TopicPartition(topic.name, $0.partition) }
                }
            }
        }
        return result.sorted()
    }

    static func targetOffsets(
        _ partitions: [TopicPartition], committed: [TopicPartition: Int64], _ options: ParsedOptions,
        _ admin: KafkaAdmin,
        _ context: ToolContext
    ) async throws -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        let earliest = try await admin.listOffsets(partitions, spec: .earliest).mapValues(\.offset)
        let latest = try await admin.listOffsets(partitions, spec: .latest).mapValues(\.offset)
        var result: [TopicPartition: Int64] = [:]
        for partition in partitions {
            let low = earliest[partition] ?? 0
            let high = latest[partition] ?? 0
            var target: Int64
            if options.has("to-earliest") {
                target = low
            } else if options.has("to-latest") {
                target = high
            } else if options.has("to-current") {
                target = committed[partition] ?? high
            } else if let text = options.value("to-offset") {
                guard let offset = Int64(text) else {
                    throw ToolError.badValue(option: "to-offset", value: text, expected: "an offset")
                }
                target = offset
            } else if let text = options.value("shift-by") {
                guard let shift = Int64(text) else {
                    throw ToolError.badValue(option: "shift-by", value: text, expected: "a whole number")
                }
                let (sum, overflow) = (committed[partition] ?? high).addingReportingOverflow(shift)
                target = overflow ? (shift < 0 ? .min : .max) : sum  // clamped to the log below
            } else {
                let text = options.value("to-datetime") ?? ""
                guard let timestamp = self.parseDateTime(text) else {
                    throw ToolError.badValue(option: "to-datetime", value: text, expected: "YYYY-MM-DDTHH:mm:SS.sss")
                }
                let found =
                    try await admin.listOffsets([partition], spec: .timestamp(timestamp))[partition]?.offset ?? -1
                target = found < 0 ? high : found
            }
            if target < low {
                context.console.outLine(
                    "New offset (\(target)) is lower than earliest offset for topic partition \(partition). Value will be set to \(low)"
                )
                target = low
            } else if target > high {
                context.console.outLine(
                    "New offset (\(target)) is higher than latest offset for topic partition \(partition). Value will be set to \(high)"
                )
                target = high
            }
            result[partition] = target
        }
        return result
    }

    /// `2024-01-31T10:00:00.000`, optionally with a zone (`Z`, `+01:00`); local time without one.
    static func parseDateTime(_ text: String) -> Int64? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in [
            "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ssXXX",
            "yyyy-MM-dd'T'HH:mm:ss",
        ] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return Int64(date.timeIntervalSince1970 * 1000) }
        }
        return nil
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
