import CourseLanguage
import KafkaProtocol
import SamsaClient

/// Checks on a running cluster, through SamsaClient at a bootstrap address the caller gives
/// (the REPL's cluster for `lab check`, a test broker in the checkers).
public enum ClusterChecks {
    public static func check(_ spec: CheckSpec, bootstrap: String, language: Language) async -> Verdict {
        let admin: KafkaAdmin
        do {
            admin = try KafkaAdmin(bootstrapServers: bootstrap, clientId: "samsa-lab-check")
        } catch {
            return .failed(Self.unreachable(bootstrap, error, language))
        }
        let verdict: Verdict
        do {
            verdict = try await Self.probe(spec, admin: admin, language: language)
        } catch {
            verdict = .failed(Self.unreachable(bootstrap, error, language))
        }
        await admin.close()
        return verdict
    }

    static func probe(_ spec: CheckSpec, admin: KafkaAdmin, language: Language) async throws -> Verdict {
        let topic = spec.topic ?? ""
        let es = language == .es
        let topics = try await admin.listTopics()
        guard topics.contains(topic) else {
            return .notAttempted(
                es
                    ? "el tema `\(topic)` no existe todavía: créalo como indica el paso"
                    : "topic `\(topic)` does not exist yet: create it as the step says")
        }
        let description = try await admin.describeTopics([topic]).first
        let partitions = description?.partitions ?? []
        switch spec.probe ?? .topic {
        case .topic, .topicConfig:
            if let wanted = spec.partitions, partitions.count != wanted {
                return .failed(
                    es
                        ? "`\(topic)` tiene \(partitions.count) particiones; el paso pide \(wanted)"
                        : "`\(topic)` has \(partitions.count) partitions; the step asks for \(wanted)")
            }
            if let wanted = spec.replicationFactor, let first = partitions.first, first.replicas.count != wanted {
                return .failed(
                    es
                        ? "`\(topic)` tiene factor de replicación \(first.replicas.count); el paso pide \(wanted)"
                        : "`\(topic)` has replication factor \(first.replicas.count); the step asks for \(wanted)")
            }
            if spec.probe == .topicConfig, let wanted = spec.configs, !wanted.isEmpty {
                return try await Self.configVerdict(wanted, admin: admin, topic: topic, es: es)
            }
            return .passed(
                es ? "el tema `\(topic)` existe como pide el paso" : "topic `\(topic)` exists as the step asks")
        case .records:
            let total = try await Self.recordCount(admin: admin, topic: topic, partitions: partitions.map(\.partition))
            let needed = Int64(spec.minimum ?? 1)
            if let most = spec.maximum.map(Int64.init), total > most {
                // More than the step leaves: records the step expects to be gone are still there.
                return .failed(
                    es
                        ? "`\(topic)` guarda \(total) mensajes; tras el paso deben quedar \(most)"
                        : "`\(topic)` holds \(total) records; after the step \(most) should be left")
            }
            return total >= needed
                ? .passed(es ? "`\(topic)` guarda \(total) mensajes" : "`\(topic)` holds \(total) records")
                : .failed(
                    es
                        ? "`\(topic)` guarda \(total) mensajes; el paso escribe al menos \(needed)"
                        : "`\(topic)` holds \(total) records; the step writes at least \(needed)")
        case .groupCommitted:
            let group = spec.group ?? ""
            let partitionList = partitions.map { TopicPartition(topic, $0.partition) }
            let committed = try await admin.listGroupOffsets(group, partitions: partitionList)
            let missing = partitionList.filter { (committed[$0] ?? nil) == nil }
            if missing.count == partitionList.count {
                return .notAttempted(
                    es
                        ? "el grupo `\(group)` no ha confirmado offsets en `\(topic)`: consume con `--group \(group)`"
                        : "group `\(group)` has no committed offsets on `\(topic)`: consume with `--group \(group)`")
            }
            if !missing.isEmpty {
                return .failed(
                    es
                        ? "el grupo `\(group)` no tiene offset confirmado en \(missing.map(\.description).joined(separator: ", ")): ¿se quedó alguna partición sin consumidor?"
                        : "group `\(group)` has no committed offset on \(missing.map(\.description).joined(separator: ", ")): was a partition left without a consumer?"
                )
            }
            if spec.lagZero == true {
                let ends = try await admin.listOffsets(partitionList, spec: .latest)
                let lag = partitionList.reduce(Int64(0)) { sum, partition in
                    sum
                        + max(
                            0,
                            ConsumerGroupLag.lag(
                                currentOffset: committed[partition] ?? nil, logEndOffset: ends[partition]?.offset) ?? 0)
                }
                if lag > 0 {
                    return .failed(
                        es
                            ? "el grupo `\(group)` tiene un lag de \(lag) en `\(topic)`: deja que sus consumidores terminen de leer"
                            : "group `\(group)` lags \(lag) records behind on `\(topic)`: let its consumers finish reading"
                    )
                }
            }
            return .passed(
                es
                    ? "el grupo `\(group)` tiene offsets confirmados en todas las particiones"
                    : "group `\(group)` has committed offsets on every partition")
        }
    }

    /// Compares the topic's configs (DescribeConfigs) with the ones the step sets.
    static func configVerdict(_ wanted: [String: String], admin: KafkaAdmin, topic: String, es: Bool) async throws
        -> Verdict
    {
        let entries = try await admin.describeConfigs(.topic(topic), keys: wanted.keys.sorted())
        for (name, value) in wanted.sorted(by: { $0.key < $1.key }) {
            let actual = entries.first { $0.name == name }
            guard let actual, actual.value == value else {
                let shown =
                    actual?.value.map {
                        "\(name)=\($0)"
                            + (actual?.isDefault == true ? (es ? " (el valor por defecto)" : " (the default)") : "")
                    } ?? (es ? "sin \(name)" : "no \(name)")
                return .failed(
                    es
                        ? "`\(topic)` tiene \(shown); el paso pide \(name)=\(value) (`--config \(name)=\(value)` al crearlo, o `topic alter \(topic) --config \(name)=\(value)`)"
                        : "`\(topic)` has \(shown); the step asks for \(name)=\(value) (`--config \(name)=\(value)` when creating it, or `topic alter \(topic) --config \(name)=\(value)`)"
                )
            }
        }
        let list = wanted.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return .passed(es ? "`\(topic)` tiene \(list)" : "`\(topic)` has \(list)")
    }

    static func recordCount(admin: KafkaAdmin, topic: String, partitions: [Int32]) async throws -> Int64 {
        let list = partitions.map { TopicPartition(topic, $0) }
        let earliest = try await admin.listOffsets(list, spec: .earliest)
        let latest = try await admin.listOffsets(list, spec: .latest)
        return list.reduce(0) { $0 + max(0, (latest[$1]?.offset ?? 0) - (earliest[$1]?.offset ?? 0)) }
    }

    static func unreachable(_ bootstrap: String, _ error: any Error, _ language: Language) -> String {
        language == .es
            ? "no pude consultar el clúster en \(bootstrap) (\(error)): ¿está arrancado? (`cluster status`)"
            : "could not query the cluster at \(bootstrap) (\(error)): is it running? (`cluster status`)"
    }
}
