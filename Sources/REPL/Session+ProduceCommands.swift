import CourseLanguage
import Foundation
import KafkaProtocol
import LocalCluster
import SamsaClient

extension CommandTable {
    static let produceCommand = CommandSpec(
        ["produce"], positionals: [.init("TOPIC", .topic), .init("VALUE", .text, isRequired: false, isVariadic: true)],
        options: [
            .init("--key", .text, "record key; the same key always goes to the same partition"),
            .init("--partition", .number, "write to this partition instead of the partitioner's choice"),
            .init("--acks", .choice(["0", "1", "all"]), "how many replicas must have it before success"),
            .init("--count", .number, "write N numbered records"),
            .init(
                "--round-robin", nil,
                "spread the records over the partitions in turn: record i to partition i mod the partition count"),
            .init("--file", .file, "write one record per line of a file"),
            .init("--timeout", .number, "seconds to wait for each acknowledgement (default 15, with retries)"),
        ],
        summary: "write records, one per VALUE; prints the partition and offset of each",
        details: """
            Records go one at a time. At the first record not acknowledged the command stops: the
            records acknowledged before it are shown, then the error. With --timeout S each record
            gets one attempt of S seconds (acks=all: REQUEST_TIMED_OUT if the in-sync replicas
            have not copied it by then).
            """,
        spanish: CommandHelp(
            summary: "escribe mensajes, uno por VALUE; muestra la partición y el offset de cada uno",
            details: """
                Los mensajes salen de uno en uno. En el primero que no se confirma el comando se detiene: se
                muestran los confirmados antes y después el error. Con --timeout S cada mensaje tiene un
                intento de S segundos (acks=all: REQUEST_TIMED_OUT si las réplicas sincronizadas no lo han
                copiado para entonces).
                """,
            options: [
                "--key": "clave del mensaje; la misma clave va siempre a la misma partición",
                "--partition": "escribe en esta partición en vez de la que elija el particionador",
                "--acks": "cuántas réplicas deben tenerlo antes de dar la escritura por buena",
                "--count": "escribe N mensajes numerados",
                "--round-robin":
                    "reparte los mensajes entre las particiones por turno: el mensaje i a la partición i módulo el número de particiones",
                "--file": "escribe un mensaje por cada línea de un fichero",
                "--timeout": "segundos de espera de cada confirmación (15 por defecto, con reintentos)",
            ]),
        run: { session, arguments throws(REPLError) in try session.runProduce(arguments) })
}

/// `produce TOPIC [--key K] [--partition P] [--round-robin] [--acks 0|1|all] VALUE...`, `--count N`, `--file F`:
/// one record per VALUE (or numbered records, or lines), each answered with where it landed.
/// Records are sent one at a time; at the first one not acknowledged the command stops, shows the
/// ones acknowledged before it and fails (`--timeout S` bounds the wait for each acknowledgement).
extension Session {
    func runProduce(_ arguments: ParsedArguments) throws(REPLError) {
        let roundRobin = arguments.has("--round-robin")
        if roundRobin, arguments.value("--partition") != nil || arguments.value("--key") != nil {
            throw .usage(
                self.language.pick(
                    es: "--round-robin elige la partición de cada mensaje; no va con --partition ni con --key",
                    en: "--round-robin picks each record's partition; it does not go with --partition or --key"),
                usage: arguments.usage)
        }
        let bootstrap = try self.bootstrapServers()
        let topic = arguments.positionals[0]
        var values = Array(arguments.positionals.dropFirst())
        if let count = try arguments.int("--count", in: 1...100_000) {
            let prefix = values.first ?? self.language.pick(es: "mensaje", en: "record")
            values = (1...count).map { "\(prefix) \($0)" }
        }
        if let path = arguments.value("--file") {
            guard let text = TextFile.read(path) else {
                throw .file(
                    self.language.pick(
                        es: "no se puede leer \(path); --file espera un fichero de texto, un mensaje por línea",
                        en: "cannot read \(path); --file takes a text file, one record per line"))
            }
            values += Self.lines(of: text)
        }
        guard !values.isEmpty else {
            throw .usage(
                self.language.pick(
                    es: "indica un VALOR que escribir, --count N o --file FICHERO",
                    en: "give a VALUE to write, --count N or --file FILE"),
                usage: arguments.usage)
        }
        let key = arguments.value("--key")
        let partition = try arguments.int("--partition", in: 0...100_000).map(Int32.init)
        let acksWord = arguments.value("--acks") ?? "all"
        var configuration = ProducerConfiguration()
        configuration.acks = acksWord == "0" ? .none : acksWord == "1" ? .leader : .all
        configuration.enableIdempotence = configuration.acks == .all
        configuration.deliveryTimeout = .seconds(15)
        configuration.requestTimeout = .seconds(10)
        if let seconds = try arguments.int("--timeout", in: 1...120) {
            // One attempt per record within the deadline: the broker answers REQUEST_TIMED_OUT at
            // timeout.ms if the in-sync replicas have not copied the record by then (acks=all).
            configuration.deliveryTimeout = .seconds(seconds)
            configuration.requestTimeout = .seconds(seconds)
        }
        let producerConfiguration = configuration
        let toWrite = values
        let (results, partitions, failure) = try self.withClient(bootstrap) { client in
            guard let described = try await Self.topicMetadataSoon(client, topic) else {
                throw SamsaClientError.unknownTopic(topic)
            }
            let producer = KafkaProducer(client: client, configuration: producerConfiguration)
            var results: [RecordMetadata] = []
            var failure: (any Error)?
            let count = max(1, described.partitions.count)
            for (index, value) in toWrite.enumerated() {
                // --round-robin: record i to partition i mod P, so every partition gets its share.
                let target = roundRobin ? Int32(index % count) : partition
                do {
                    results.append(
                        try await producer.send(ProducerRecord(topic: topic, partition: target, key: key, value: value))
                    )
                } catch {
                    failure = error
                    break
                }
            }
            await producer.close()
            let after = try? await client.refreshMetadata(topics: [topic])
            return (
                results, after?.topics[topic]?.partitions ?? described.partitions,
                failure.map {
                    ($0 as? SamsaClientError).map(Session.friendly) ?? LocalizedText(es: "\($0)", en: "\($0)")
                }
            )
        }
        self.remember(topic: topic)
        if let failure {
            // What was acknowledged before the failure is printed first: those records are written.
            self.printProduced(
                results, topic: topic, partitions: partitions, acksWord: acksWord, key: key, partition: partition,
                roundRobin: roundRobin)
            throw .client(
                self.language.pick(
                    es: "sin confirmar: mensaje \(results.count + 1) de \(toWrite.count) (acks=\(acksWord)); "
                        + "\(results.count) confirmados antes. \(failure.es)",
                    en: "not acknowledged: record \(results.count + 1) of \(toWrite.count) (acks=\(acksWord)); "
                        + "\(results.count) acknowledged before it. \(failure.en)"))
        }
        self.printProduced(
            results, topic: topic, partitions: partitions, acksWord: acksWord, key: key, partition: partition,
            roundRobin: roundRobin)
    }

    private func printProduced(
        _ results: [RecordMetadata], topic: String, partitions: [ClusterMetadata.Partition], acksWord: String,
        key: String?,
        partition: Int32?, roundRobin: Bool
    ) {
        let byPartition = Dictionary(partitions.map { ($0.partition, $0) }, uniquingKeysWith: { first, _ in first })
        let es = self.language == .es
        let how =
            partition != nil
            ? (es ? "partición elegida con --partition" : "partition chosen by --partition")
            : roundRobin
                ? "--round-robin"
                : key != nil ? (es ? "clave «\(key ?? "")» → murmur2" : "key \"\(key ?? "")\" → murmur2") : ""
        if results.count > 10 {
            let grouped = Dictionary(grouping: results, by: \.partition).sorted { $0.key < $1.key }.map { entry in
                let offsets = entry.value.map(\.offset)
                let range =
                    (offsets.min() ?? -1) == (offsets.max() ?? -1)
                    ? "offset \(offsets.min() ?? -1)" : "offsets \(offsets.min() ?? -1)-\(offsets.max() ?? -1)"
                return "\(topic)-\(entry.key) \(range)"
            }
            self.console.print(
                es
                    ? "Escritos \(results.count) mensajes (acks=\(acksWord)): \(grouped.joined(separator: ", "))."
                    : "Wrote \(results.count) records (acks=\(acksWord)): \(grouped.joined(separator: ", ")).")
            return
        }
        for result in results {
            let state = byPartition[result.partition]
            let offset =
                result.offset < 0
                ? (es
                    ? "offset desconocido (acks=0: el broker no contesta)"
                    : "offset unknown (acks=0: the broker sends no answer)")
                : "offset \(result.offset)"
            let leader = state.map { es ? " · líder broker \($0.leader)" : " · leader broker \($0.leader)" } ?? ""
            let acks: String
            let isr = state?.isr.map(String.init).joined(separator: ",") ?? "?"
            switch acksWord {
            case "all": acks = es ? " · acks=all: lo tenía el ISR \(isr)" : " · acks=all: ISR \(isr) had it"
            case "1": acks = es ? " · acks=1: lo ha escrito el líder" : " · acks=1: the leader wrote it"
            default: acks = ""
            }
            let cause = how.isEmpty ? "" : "  \(how) → \(es ? "partición" : "partition") \(result.partition)"
            self.console.print("→ \(topic)-\(result.partition) \(offset)\(cause)\(leader)\(acks)")
        }
    }

    /// Runs `work` with a client that is closed afterwards; client errors become one line.
    func withClient<T: Sendable>(_ bootstrap: String, _ work: @escaping @Sendable (KafkaClient) async throws -> T)
        throws(REPLError) -> T
    {
        do {
            return try AsyncBridge.run {
                let client = try KafkaClient(bootstrapServers: bootstrap, clientId: "samsa-repl")
                do {
                    let value = try await work(client)
                    await client.close()
                    return value
                } catch {
                    await client.close()
                    throw error
                }
            }
        } catch let error as REPLError {
            throw error
        } catch let error as SamsaClientError {
            throw .client(Self.friendly(error).text(self.language))
        } catch {
            throw .client("\(error)")
        }
    }
}
