import CourseLanguage
import KafkaProtocol
import LabExerciseKit
import SamsaClient
import Synchronization

/// Checks that run a student's Swift exercise against fixed test data. Each check is named in
/// lab.json (`"exercise": "partitioner-vip"`); an exercise that still throws `ExerciseNotDone`
/// is "not attempted".
public enum ExerciseChecks {
    public static func check(_ name: String, code: ExerciseImplementations, language: Language) async -> Verdict {
        let es = language == .es
        do {
            switch name {
            case "partitioner-vip": return try Self.partitionerVip(code, es)
            case "partitioner-spread": return try Self.partitionerSpread(code, es)
            case "processor-duplicates": return try Self.processorDuplicates(code, es)
            case "processor-commit": return try Self.processorCommit(code, es)
            case "listener-revoke": return try await Self.listenerRevoke(code, es)
            case "listener-lost": return try await Self.listenerLost(code, es)
            case "producer-durable": return try Self.producerDurable(code, es)
            case "producer-throughput": return try Self.producerThroughput(code, es)
            default: return .failed("internal: unknown exercise check \(name)")
            }
        } catch is ExerciseNotDone {
            return .notAttempted(
                es
                    ? "el ejercicio aún lanza ExerciseNotDone: borra esa línea y escribe tu código"
                    : "the exercise still throws ExerciseNotDone: delete that line and write your code")
        } catch {
            return .failed(es ? "tu código lanzó un error: \(error)" : "your code threw an error: \(error)")
        }
    }

    // MARK: Lab 2 — VipPartitioner

    static let vipKeys = ["vip-ana", "vip-7", "vip-", "vip-order-991"]
    static let plainKeys = ["alice", "bob", "carol", "dave", "order-1", "order-2", "VIP-upper", "v", "", "vipless"]

    static func partitionerVip(_ code: ExerciseImplementations, _ es: Bool) throws -> Verdict {
        for count in [2, 3, 6] {
            for key in Self.vipKeys {
                let partition = try code.partition(key, count)
                if partition != 0 {
                    return .failed(
                        es
                            ? "la clave \"\(key)\" con \(count) particiones fue a la partición \(partition); las claves vip- van a la 0"
                            : "key \"\(key)\" with \(count) partitions went to partition \(partition); vip- keys go to partition 0"
                    )
                }
            }
        }
        let keyless = try code.partition(nil, 3)
        if keyless != 1 {
            return .failed(
                es
                    ? "un mensaje sin clave fue a la partición \(keyless); la regla 3 lo manda a la 1"
                    : "a record without a key went to partition \(keyless); rule 3 sends it to partition 1")
        }
        return .passed(
            es
                ? "las claves vip- van a la partición 0 y los mensajes sin clave a la 1"
                : "vip- keys go to partition 0 and keyless records to partition 1")
    }

    static func partitionerSpread(_ code: ExerciseImplementations, _ es: Bool) throws -> Verdict {
        for count in [2, 3, 6] {
            for key in Self.plainKeys {
                let partition = try code.partition(key, count)
                if partition == 0 {
                    return .failed(
                        es
                            ? "la clave \"\(key)\" fue a la partición 0, reservada para claves vip-: usa 1 + keyHash(key) % (partitionCount - 1)"
                            : "key \"\(key)\" went to partition 0, which is reserved for vip- keys: use 1 + keyHash(key) % (partitionCount - 1)"
                    )
                }
                if partition < 0 || partition >= count {
                    return .failed(
                        es
                            ? "la clave \"\(key)\" fue a la partición \(partition), pero solo hay 0..\(count - 1)"
                            : "key \"\(key)\" went to partition \(partition), but only 0...\(count - 1) exist")
                }
                let expected = 1 + keyHash(key) % (count - 1)
                if partition != expected {
                    return .failed(
                        es
                            ? "la clave \"\(key)\" con \(count) particiones fue a la \(partition); con 1 + keyHash(key) % (partitionCount - 1) es la \(expected)"
                            : "key \"\(key)\" with \(count) partitions went to \(partition); 1 + keyHash(key) % (partitionCount - 1) gives \(expected)"
                    )
                }
            }
        }
        return .passed(
            es
                ? "las demás claves se reparten por murmur2 entre las particiones 1..n-1, siempre igual"
                : "other keys spread over partitions 1...n-1 by murmur2, always the same way")
    }

    // MARK: Lab 4 — RedeliveryFilter

    /// Two partitions interleaved; a crash after p0 offset 3 and p1 offset 1, with the last commit
    /// at p0 → 2 and p1 → 1, so p0 offset 2 and p1 offset 1 come again, then new records.
    static let deliveries: [DeliveredRecord] = {
        func record(_ partition: Int32, _ offset: Int64) -> DeliveredRecord {
            DeliveredRecord(partition: partition, offset: offset, value: "p\(partition)-\(offset)")
        }
        return [
            record(0, 0), record(1, 0), record(0, 1), record(0, 2), record(1, 1), record(0, 3),
            // restart from the committed offsets: redeliveries first
            record(0, 2), record(1, 1), record(0, 3), record(1, 2), record(0, 4), record(1, 3),
        ]
    }()

    static func processorDuplicates(_ code: ExerciseImplementations, _ es: Bool) throws -> Verdict {
        var processor = code.makeProcessor()
        var seen = Set<DeliveredRecord>()
        for record in Self.deliveries {
            let first = !seen.contains(record)
            seen.insert(record)
            let answer = try processor.shouldProcess(record)
            if first && !answer {
                return .failed(
                    es
                        ? "\(record) llega por primera vez y tu procesador lo descartó"
                        : "\(record) arrives for the first time and your processor skipped it")
            }
            if !first && answer {
                return .failed(
                    es
                        ? "\(record) ya se procesó antes del reinicio y tu procesador lo procesó otra vez: un duplicado"
                        : "\(record) was processed before the restart and your processor processed it again: a duplicate"
                )
            }
        }
        return .passed(
            es
                ? "cada mensaje se procesa una vez; las reentregas se descartan"
                : "every record is processed once; redeliveries are skipped")
    }

    static func processorCommit(_ code: ExerciseImplementations, _ es: Bool) throws -> Verdict {
        var processor = code.makeProcessor()
        if let early = try processor.offsetToCommit(partition: 0) {
            return .failed(
                es
                    ? "sin nada procesado, offsetToCommit(0) debe ser nil, no \(early)"
                    : "with nothing processed, offsetToCommit(0) must be nil, not \(early)")
        }
        for record in Self.deliveries { _ = try processor.shouldProcess(record) }
        let expected: [Int32: Int64] = [0: 5, 1: 4]
        for (partition, want) in expected.sorted(by: { $0.key < $1.key }) {
            let got = try processor.offsetToCommit(partition: partition)
            if got != want {
                let last = want - 1
                let text = got.map(String.init) ?? "nil"
                return .failed(
                    es
                        ? "partición \(partition): el último offset procesado es \(last), así que se confirma \(want) (el siguiente a leer), no \(text)"
                        : "partition \(partition): the last processed offset is \(last), so the commit is \(want) (the next one to read), not \(text)"
                )
            }
        }
        return .passed(
            es
                ? "confirma el siguiente offset a leer de cada partición"
                : "commits the next offset to read of each partition")
    }

    // MARK: Lab 5 — CommitOnRevokeListener

    final class RecordingCommitter: OffsetCommitter {
        let commits = Mutex<[[TopicPartition: Int64]]>([])
        func commit(_ offsets: [TopicPartition: Int64]) async throws { self.commits.withLock { $0.append(offsets) } }
        var merged: [TopicPartition: Int64] {
            self.commits.withLock { $0.reduce(into: [:]) { $0.merge($1) { _, new in new } } }
        }
    }

    static func listenerRevoke(_ code: ExerciseImplementations, _ es: Bool) async throws -> Verdict {
        let p0 = TopicPartition("orders", 0)
        let p1 = TopicPartition("orders", 1)
        let p2 = TopicPartition("orders", 2)
        let positions = ProcessedPositions([p0: 41, p1: 7, p2: 99])
        let committer = RecordingCommitter()
        let listener = try code.makeListener(positions, committer)
        await listener.partitionsAssigned([p0, p1, p2])
        if !committer.merged.isEmpty {
            return .failed(
                es
                    ? "tu listener confirmó offsets al recibir particiones; en la asignación no hay nada que confirmar"
                    : "your listener committed when partitions were assigned; there is nothing to commit on assignment")
        }
        await listener.partitionsRevoked([p0, p1])
        let committed = committer.merged
        if committed.isEmpty {
            return .failed(
                es
                    ? "al revocar orders-0 y orders-1 tu listener no confirmó nada: otro miembro releerá lo ya procesado"
                    : "when orders-0 and orders-1 were revoked your listener committed nothing: another member will reprocess what was done"
            )
        }
        if committed[p2] != nil {
            return .failed(
                es
                    ? "confirmaste orders-2, que no se revocó: confirma solo las particiones que se van"
                    : "you committed orders-2, which was not revoked: commit only the partitions that leave")
        }
        for (partition, last) in [(p0, Int64(41)), (p1, Int64(7))] where committed[partition] != last + 1 {
            let text = committed[partition].map(String.init) ?? "nothing"
            return .failed(
                es
                    ? "\(partition): procesado hasta \(last), hay que confirmar \(last + 1) (el siguiente a leer), no \(text)"
                    : "\(partition): processed up to \(last), the commit must be \(last + 1) (the next to read), not \(text)"
            )
        }
        return .passed(
            es
                ? "al revocar, confirma el siguiente offset de cada partición que se va"
                : "on revoke, commits the next offset of each partition that leaves")
    }

    static func listenerLost(_ code: ExerciseImplementations, _ es: Bool) async throws -> Verdict {
        let p0 = TopicPartition("orders", 0)
        let positions = ProcessedPositions([p0: 12])
        let committer = RecordingCommitter()
        let listener = try code.makeListener(positions, committer)
        await listener.partitionsLost([p0])
        if !committer.merged.isEmpty {
            return .failed(
                es
                    ? "tu listener confirmó offsets de particiones perdidas: otro miembro puede tenerlas ya, y tu commit pisaría el suyo"
                    : "your listener committed offsets of lost partitions: another member may own them already, and your commit would overwrite its own"
            )
        }
        return .passed(es ? "no confirma particiones perdidas" : "does not commit lost partitions")
    }

    // MARK: Lab 6 — TunedProducer

    static func producerDurable(_ code: ExerciseImplementations, _ es: Bool) throws -> Verdict {
        let settings = try code.producerSettings()
        if case .failure(let invalid) = settings.producerConfiguration() {
            return .failed(
                es
                    ? "\(invalid.name)=\(invalid.value) no es un valor válido"
                    : "\(invalid.name)=\(invalid.value) is not a valid value")
        }
        if settings.acks.lowercased() != "all" && settings.acks != "-1" {
            return .failed(
                es
                    ? "con acks=\(settings.acks), un mensaje confirmado solo por el líder se pierde si ese broker muere: el objetivo pide acks=all"
                    : "with acks=\(settings.acks), a record only the leader has is lost when that broker dies: the target needs acks=all"
            )
        }
        return .passed(
            es
                ? "acks=all: ningún mensaje confirmado se pierde con un broker caído"
                : "acks=all: no acknowledged record is lost when one broker dies")
    }

    static func producerThroughput(_ code: ExerciseImplementations, _ es: Bool) throws -> Verdict {
        let settings = try code.producerSettings()
        if settings.lingerMs < 5 || settings.lingerMs > 200 {
            return .failed(
                es
                    ? "linger.ms=\(settings.lingerMs): con menos de 5 ms los lotes salen casi vacíos; con más de 200 ms la latencia se dispara. Usa lo que mediste en el paso 5"
                    : "linger.ms=\(settings.lingerMs): below 5 ms batches leave nearly empty; above 200 ms latency explodes. Use what you measured in step 5"
            )
        }
        if settings.batchSize < 32_768 || settings.batchSize > 1_048_576 {
            return .failed(
                es
                    ? "batch.size=\(settings.batchSize): para 100 bytes por mensaje y este objetivo usa entre 32768 y 1048576"
                    : "batch.size=\(settings.batchSize): for 100-byte records and this target use 32768 to 1048576")
        }
        if !["lz4", "snappy", "zstd"].contains(settings.compression.lowercased()) {
            return .failed(
                es
                    ? "compression.type=\(settings.compression): el objetivo pide menos bytes en red y disco con poca CPU: lz4, snappy o zstd"
                    : "compression.type=\(settings.compression): the target wants fewer bytes on the network and disk for little CPU: lz4, snappy or zstd"
            )
        }
        return .passed(
            es
                ? "lotes grandes, espera corta y compresión ligera: \(settings)"
                : "large batches, a short wait and light compression: \(settings)")
    }
}
