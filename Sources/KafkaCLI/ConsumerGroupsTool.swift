import Foundation
import KafkaProtocol
import SamsaClient

/// `kafka-consumer-groups`: list groups, describe their offsets, lag and members, reset their
/// committed offsets, delete them.
enum ConsumerGroupsTool: KafkaTool {
    static let name = "kafka-consumer-groups"
    static let syntax = ToolSyntax(
        tool: name,
        summary:
            "This tool helps to list all consumer groups, describe a consumer group, delete consumer group info, or reset consumer group offsets.",
        options: [
            .flag("all-groups", "Apply to all consumer groups."),
            .flag("all-topics", "Consider all topics assigned to a group in the `reset-offsets` process."),
            .value(
                "bootstrap-server", "String: server to connect to", "REQUIRED: The server(s) to connect to.",
                default: ClientFactory.defaultBootstrap),
            .value(
                "command-config", "String: command config property file",
                "Property file containing configs to be passed to Admin Client and Consumer."),
            .flag(
                "delete",
                "Pass in groups to delete topic partition offsets and ownership information over the entire consumer group. For instance --group g1 --group g2"
            ),
            .flag(
                "delete-offsets",
                "Delete offsets of consumer group. Supports one consumer group at the time, and multiple topics."),
            .flag(
                "describe",
                "Describe consumer group and list offset lag (number of messages not yet processed) related to given group."
            ),
            .flag(
                "dry-run",
                "Only show results without executing changes on Consumer Groups. Supported operations: reset-offsets."),
            .flag("execute", "Execute operation. Supported operations: reset-offsets."),
            .value("group", "String: consumer group", "The consumer group we wish to act on."),
            .flag("list", "List all consumer groups."),
            .flag(
                "members",
                "Describe members of the group. This option may be used with '--describe' and '--bootstrap-server' options only."
            ),
            .flag(
                "offsets",
                "Describe the group and list all topic partitions in the group along with their offset lag. This is the default sub-action of and may be used with '--describe' and '--bootstrap-server' options only."
            ),
            .flag(
                "reset-offsets",
                "Reset offsets of consumer group. Supports one consumer group at the time, and instances should be inactive. Has 2 execution options: --dry-run (the default) to plan which offsets to reset, and --execute to update the offsets."
            ),
            .value(
                "shift-by", "Long: number-of-offsets",
                "Reset offsets shifting current offset by 'n', where 'n' can be positive or negative."),
            .optionalValue(
                "state", "String",
                "When specified with '--list', it displays the state of all groups. It can also be used to list groups with specific states, e.g. --state Stable,Empty."
            ),
            .value("timeout", "Long: timeout (ms)", "The timeout that can be set for some use cases.", default: "5000"),
            .flag("to-current", "Reset offsets to current offset."),
            .value(
                "to-datetime", "String: datetime",
                "Reset offsets to offset from datetime. Format: 'YYYY-MM-DDTHH:mm:SS.sss'"),
            .flag("to-earliest", "Reset offsets to earliest offset."),
            .flag("to-latest", "Reset offsets to latest offset."),
            .value("to-offset", "Long: offset", "Reset offsets to a specific offset."),
            .value(
                "topic", "String: topic",
                "The topic whose consumer group information should be deleted or topic whose should be included in the reset offset process. In `reset-offsets` case, partitions can be specified using this format: `topic1:0,1,2`, where 0,1,2 are the partition to be included in the process."
            ),
            .flag("verbose", "Provide additional information, if any, when describing the group."),
        ])

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        let actions = ["list", "describe", "delete", "reset-offsets", "delete-offsets"].filter { options.has($0) }
        guard actions.count == 1 else {
            throw ToolError.usage(
                "Command must include exactly one action: --list, --describe, --delete, --reset-offsets, --delete-offsets"
            )
        }
        let groups = options.all("group")
        if actions[0] != "list", groups.isEmpty, !options.has("all-groups") {
            throw ToolError.usage("Option [\(actions[0])] takes one of these options: [all-groups], [group]")
        }
        if actions[0] == "reset-offsets" { try self.checkReset(options) }
        if actions[0] == "delete-offsets", groups.count != 1 || !options.has("topic") {
            throw ToolError.usage("Option [delete-offsets] takes the following options: [topic], [group]")
        }
        return try await withAdmin(options) { admin in
            let groupIds = options.has("all-groups") ? try await admin.listGroups().map(\.groupId) : groups
            switch actions[0] {
            case "list": return try await self.list(options, admin, context)
            case "describe": return try await self.describe(groupIds, options, admin, context)
            case "delete": return try await self.delete(groupIds, admin, context)
            case "delete-offsets": return try await self.deleteOffsets(groupIds[0], options, admin, context)
            default: return try await self.reset(groupIds, options, admin, context)
            }
        }
    }

    // MARK: List

    static func list(_ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        let groups = try await admin.listGroups()
        guard options.has("state") else {
            for group in groups { context.console.outLine(group.groupId) }
            return 0
        }
        let wanted = Set((options.value("state") ?? "").split(separator: ",").map { $0.lowercased() })
        let shown = groups.filter { wanted.isEmpty || wanted.contains($0.state.lowercased()) }
        let width = max(15, shown.map(\.groupId.count).max() ?? 0)
        context.console.outLine(Self.pad("GROUP", width) + " STATE")
        for group in shown { context.console.outLine(Self.pad(group.groupId, width) + " " + group.state) }
        return 0
    }

    // MARK: Describe

    struct Row {
        var group: String
        var topic: String
        var partition: String
        var currentOffset: String
        var logEndOffset: String
        var lag: String
        var consumerId: String
        var host: String
        var clientId: String
    }

    static func describe(_ groupIds: [String], _ options: ParsedOptions, _ admin: KafkaAdmin, _ context: ToolContext)
        async throws -> Int32
    {
        for groupId in groupIds {
            guard let description = try await self.describeGroup(groupId, admin) else {
                context.console.errLine("Error: Consumer group '\(groupId)' does not exist.")
                continue
            }
            switch description.state {
            case "Empty": context.console.errLine("\nConsumer group '\(groupId)' has no active members.")
            case "PreparingRebalance", "CompletingRebalance":
                context.console.errLine("\nWarning: Consumer group '\(groupId)' is rebalancing.")
            default: break
            }
            if options.has("members") {
                self.printMembers(description, verbose: options.has("verbose"), context)
            } else if options.has("state") {
                let coordinator = try await self.coordinator(of: groupId, admin)
                let groupWidth = max(15, groupId.count)
                let coordinatorWidth = max(25, coordinator.count)
                func line(_ fields: [String]) -> String {
                    self.pad(fields[0], groupWidth) + " " + self.pad(fields[1], coordinatorWidth) + " "
                        + self.pad(fields[2], 20) + " "
                        + self.pad(fields[3], 20) + " " + fields[4]
                }
                context.console.outLine(
                    "\n" + line(["GROUP", "COORDINATOR (ID)", "ASSIGNMENT-STRATEGY", "STATE", "#MEMBERS"]) + "\n"
                        + line([
                            groupId, coordinator, description.protocolName, description.state,
                            "\(description.members.count)",
                        ]))
            } else {
                self.printOffsets(try await self.offsetRows(description, admin), context)
            }
        }
        return 0
    }

    /// The group, or nil when the coordinator does not know it (state Dead).
    static func describeGroup(_ groupId: String, _ admin: KafkaAdmin) async throws -> GroupDescription? {
        do {
            guard let description = try await admin.describeGroups([groupId]).first, description.state != "Dead" else {
                return nil
            }
            return description
        } catch  where ClientErrors.code(of: error) == .groupIdNotFound {
            return nil
        }
    }

    /// `host:port (id)` of the group's coordinator, from FindCoordinator.
    static func coordinator(of groupId: String, _ admin: KafkaAdmin) async throws -> String {
        let broker = try await admin.coordinator(ofGroup: groupId)
        return "\(broker.address.host):\(broker.address.port) (\(broker.nodeId))"
    }

    static func offsetRows(_ group: GroupDescription, _ admin: KafkaAdmin) async throws -> [Row] {
        let committed = try await admin.listGroupOffsets(group.groupId)
        var owner: [TopicPartition: GroupDescription.Member] = [:]
        for member in group.members { for partition in member.assignment { owner[partition] = member } }
        let partitions = Set(committed.keys).union(owner.keys).sorted()
        let ends = partitions.isEmpty ? [:] : try await admin.listOffsets(partitions, spec: .latest)
        var rows: [Row] = partitions.map { partition in
            let member = owner[partition]
            let current = committed[partition]
            let end = ends[partition]?.offset
            return Row(
                group: group.groupId, topic: partition.topic, partition: "\(partition.partition)",
                currentOffset: current.map { "\($0)" } ?? "-", logEndOffset: end.map { "\($0)" } ?? "-",
                lag: ConsumerGroupLag.lag(currentOffset: current, logEndOffset: end).map { "\($0)" } ?? "-",
                consumerId: member?.memberId ?? "-",
                host: member.map { "/" + $0.clientHost.replacingOccurrences(of: "/", with: "") } ?? "-",
                clientId: member?.clientId ?? "-")
        }
        for member in group.members where member.assignment.isEmpty {
            rows.append(
                Row(
                    group: group.groupId, topic: "-", partition: "-", currentOffset: "-", logEndOffset: "-", lag: "-",
                    consumerId: member.memberId, host: "/" + member.clientHost.replacingOccurrences(of: "/", with: ""),
                    clientId: member.clientId))
        }
        return rows
    }

    /// Kafka's layout: a blank line, the header, one line per partition; group, topic, consumer id
    /// and host at least 15 wide, offsets and lag 15, partition 10.
    static func printOffsets(_ rows: [Row], _ context: ToolContext) {
        let groupWidth = max(15, rows.map(\.group.count).max() ?? 0)
        let topicWidth = max(15, rows.map(\.topic.count).max() ?? 0)
        let consumerWidth = max(15, rows.map(\.consumerId.count).max() ?? 0)
        let hostWidth = max(15, rows.map(\.host.count).max() ?? 0)
        func line(_ row: Row) -> String {
            [
                self.pad(row.group, groupWidth), self.pad(row.topic, topicWidth), self.pad(row.partition, 10),
                self.pad(row.currentOffset, 15), self.pad(row.logEndOffset, 15), self.pad(row.lag, 15),
                self.pad(row.consumerId, consumerWidth), self.pad(row.host, hostWidth), row.clientId,
            ].joined(separator: " ")
        }
        var text =
            "\n"
            + line(
                Row(
                    group: "GROUP", topic: "TOPIC", partition: "PARTITION", currentOffset: "CURRENT-OFFSET",
                    logEndOffset: "LOG-END-OFFSET",
                    lag: "LAG", consumerId: "CONSUMER-ID", host: "HOST", clientId: "CLIENT-ID"))
        for row in rows { text += "\n" + line(row) }
        context.console.outLine(text)
    }

    static func printMembers(_ group: GroupDescription, verbose: Bool, _ context: ToolContext) {
        let groupWidth = max(15, group.groupId.count)
        let consumerWidth = max(15, group.members.map(\.memberId.count).max() ?? 0)
        let hostWidth = max(15, group.members.map { $0.clientHost.count + 1 }.max() ?? 0)
        let clientWidth = max(15, group.members.map(\.clientId.count).max() ?? 0)
        func line(_ fields: [String]) -> String {
            self.pad(fields[0], groupWidth) + " " + self.pad(fields[1], consumerWidth) + " "
                + self.pad(fields[2], hostWidth) + " "
                + self.pad(fields[3], clientWidth) + " " + self.pad(fields[4], 15) + " " + (verbose ? fields[5] : "")
        }
        var text = "\n" + line(["GROUP", "CONSUMER-ID", "HOST", "CLIENT-ID", "#PARTITIONS", "ASSIGNMENT"])
        for member in group.members.sorted(by: { $0.memberId < $1.memberId }) {
            let assignment = Dictionary(grouping: member.assignment, by: \.topic).sorted { $0.key < $1.key }
                .map { "\($0.key)(\($0.value.map(\.partition).sorted().map(String.init).joined(separator: ",")))" }
                .joined(separator: ",")
            text +=
                "\n"
                + line([
                    group.groupId, member.memberId, "/" + member.clientHost.replacingOccurrences(of: "/", with: ""),
                    member.clientId,
                    "\(member.assignment.count)", assignment.isEmpty ? "-" : assignment,
                ])
        }
        context.console.outLine(text)
    }

    // MARK: Delete

    static func delete(_ groupIds: [String], _ admin: KafkaAdmin, _ context: ToolContext) async throws -> Int32 {
        var failures: [(String, any Error)] = []
        for groupId in groupIds {
            do {
                try await admin.deleteGroups([groupId])
            } catch {
                failures.append((groupId, error))
            }
        }
        let succeeded = groupIds.filter { id in !failures.contains { $0.0 == id } }
        if failures.isEmpty {
            context.console.outLine(
                "Deletion of requested consumer groups (\(succeeded.map { "'\($0)'" }.joined(separator: ", "))) was successful."
            )
            return 0
        }
        var text = "Error: Deletion of some consumer groups failed:"
        for (groupId, error) in failures {
            let code = ClientErrors.code(of: error)
            let name =
                code == .groupIdNotFound
                ? "org.apache.kafka.common.errors.GroupIdNotFoundException" : ClientErrors.exceptionName(error)
            text += "\n* Group '\(groupId)' could not be deleted due to: \(name): \(ClientErrors.text(error))"
        }
        context.console.errLine(text)
        if !succeeded.isEmpty {
            context.console.outLine(
                "\nThese consumer groups were deleted successfully: \(succeeded.map { "'\($0)'" }.joined(separator: ", "))"
            )
        }
        return 0
    }

}
