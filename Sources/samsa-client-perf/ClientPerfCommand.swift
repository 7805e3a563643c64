import ArgumentParser
import KafkaProtocol
import Logging
import NIOCore
import SamsaClient
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Throughput of SamsaClient's producer and consumer, printed in the same form as
/// `shared/bench/perf_produce.py` and `perf_consume.py` (confluent-kafka) so one run can compare the two
/// clients against the same broker.
@main
struct ClientPerfCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa-client-perf",
        abstract: "Measure SamsaClient producer and consumer throughput.",
        subcommands: [Produce.self, Consume.self, Rebalance.self])
}

struct ConnectionOptions: ParsableArguments {
    @Option(name: .customLong("bootstrap-server"), help: "host:port of a broker, e.g. 127.0.0.1:9092.")
    var bootstrapServer: String = "127.0.0.1:9092"

    @Option(help: "Topic to write or read.")
    var topic: String = "bench"

    @Option(name: .customLong("num-records"), help: "How many records.")
    var numRecords: Int = 1_000_000

    func validate() throws {
        guard self.numRecords > 0 else {
            throw ValidationError("--num-records must be at least 1, e.g. --num-records 1000000")
        }
    }
}

/// Seconds on a monotonic clock, for rates.
func elapsedSeconds(since start: ContinuousClock.Instant) -> Double {
    let (seconds, attoseconds) = (ContinuousClock.now - start).components
    return Double(seconds) + Double(attoseconds) / 1e18
}

func formatted(_ value: Double) -> String {
    let whole = Int(value.rounded())
    var digits = Array(String(whole))
    var index = digits.count - 3
    while index > 0 {
        digits.insert(",", at: index)
        index -= 3
    }
    return String(digits)
}

extension ClientPerfCommand {
    struct Produce: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Produce N records of S bytes and report records/s and MB/s.")

        @OptionGroup var connection: ConnectionOptions

        @Option(name: .customLong("record-size"), help: "Bytes per record value.")
        var recordSize: Int = 100

        @Option(help: "acks: 0, 1 or all (-1).")
        var acks: String = "1"

        @Option(help: "Partitions when the topic is created.")
        var partitions: Int32 = 1

        @Option(name: .customLong("linger-ms"), help: "linger.ms.")
        var lingerMs: Int = 5

        @Option(name: .customLong("batch-size"), help: "batch.size in bytes (librdkafka's bench uses 1000000).")
        var batchSize: Int = 1_000_000

        @Option(help: "Compression: none, gzip, snappy, lz4 or zstd.")
        var compression: String = "none"

        @Flag(help: "Enable idempotence (off by default, as the confluent-kafka bench script).")
        var idempotence = false

        func validate() throws {
            guard ["0", "1", "all", "-1"].contains(self.acks) else {
                throw ValidationError("--acks must be 0, 1 or all, e.g. --acks 1")
            }
            guard CompressionCodec.allCases.contains(where: { "\($0)" == self.compression }) else {
                throw ValidationError("--compression must be none, gzip, snappy, lz4 or zstd")
            }
            guard self.recordSize >= 0 else {
                throw ValidationError("--record-size must be 0 or more, e.g. --record-size 100")
            }
        }

        func run() async throws {
            var logger = Logger(label: "samsa-client-perf")
            logger.logLevel = .warning
            let clientConfiguration = try ClientConfiguration(
                bootstrapServers: self.connection.bootstrapServer, clientId: "samsa-client-perf", logger: logger)
            let client = KafkaClient(configuration: clientConfiguration)
            let admin = KafkaAdmin(client: client)
            do {
                try await admin.createTopic(self.connection.topic, partitions: self.partitions, replicationFactor: 1)
            } catch SamsaClientError.kafka(.topicAlreadyExists, _) {
            } catch {
                var standardError = StandardError()
                print("create: \(error)", to: &standardError)
            }
            var configuration = ProducerConfiguration()
            configuration.acks = self.acks == "0" ? .none : self.acks == "1" ? .leader : .all
            configuration.linger = .milliseconds(self.lingerMs)
            configuration.batchSize = self.batchSize
            configuration.enableIdempotence = self.idempotence
            configuration.compression = CompressionCodec.allCases.first { "\($0)" == self.compression } ?? .none
            configuration.maxRequestSize = max(configuration.maxRequestSize, self.batchSize + 1024)
            configuration.maxQueuedRecords = 2_000_000
            let producer = KafkaProducer(client: client, configuration: configuration)
            let payload = ByteBuffer(repeating: UInt8(ascii: "x"), count: self.recordSize)
            let counter = Counter()
            let start = ContinuousClock.now
            // Locals: property-wrapper getters inside the loop would be measured too.
            let topic = self.connection.topic
            let count = self.connection.numRecords
            let record = ProducerRecord(topic: topic, value: payload)
            let onDelivery: @Sendable (Result<RecordMetadata, SamsaClientError>) -> Void = { counter.add($0) }
            for _ in 0..<count {
                try await producer.send(record, onDelivery: onDelivery)
            }
            await producer.flush()
            let seconds = elapsedSeconds(since: start)
            let (ok, failed) = counter.values
            print(
                "produced ok=\(ok) err=\(failed) in \(String(format2: seconds))s: \(formatted(Double(ok) / seconds)) rec/s "
                    + "\(String(format1: Double(ok * self.recordSize) / seconds / 1e6)) MB/s")
            await producer.close()
            await client.close()
        }
    }

    struct Consume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Read N records from the first offset of every partition (no group) and report records/s and MB/s.")

        @OptionGroup var connection: ConnectionOptions

        @Option(name: .customLong("timeout-seconds"), help: "Give up after this many seconds.")
        var timeoutSeconds: Int = 120

        func run() async throws {
            var logger = Logger(label: "samsa-client-perf")
            logger.logLevel = .warning
            let clientConfiguration = try ClientConfiguration(
                bootstrapServers: self.connection.bootstrapServer, clientId: "samsa-client-perf", logger: logger)
            let client = KafkaClient(configuration: clientConfiguration)
            var configuration = ConsumerConfiguration()
            configuration.autoOffsetReset = .earliest
            configuration.enableAutoCommit = false
            configuration.maxPartitionFetchBytes = 10_485_760
            configuration.maxPollRecords = 10_000
            let consumer = KafkaConsumer(client: client, configuration: configuration)
            let metadata = try await client.refreshMetadata(topics: [self.connection.topic])
            guard let topic = metadata.topics[self.connection.topic], !topic.partitions.isEmpty else {
                throw SamsaClientError.unknownTopic(self.connection.topic)
            }
            let partitions = topic.partitions.map { TopicPartition(self.connection.topic, $0.partition) }
            try await consumer.assign(partitions)
            try await consumer.seekToBeginning(partitions)
            var got = 0
            var bytes = 0
            var start: ContinuousClock.Instant?
            let deadline = ContinuousClock.now + .seconds(self.timeoutSeconds)
            while got < self.connection.numRecords && ContinuousClock.now < deadline {
                let records = try await consumer.poll(timeout: .seconds(1))
                if start == nil && !records.isEmpty { start = .now }
                got += records.count
                for record in records { bytes += record.value?.readableBytes ?? 0 }
            }
            let seconds = max(start.map { elapsedSeconds(since: $0) } ?? 0, 1e-9)
            print(
                "consumed \(got) in \(String(format2: seconds))s: \(formatted(Double(got) / seconds)) rec/s "
                    + "\(String(format1: Double(bytes) / seconds / 1e6)) MB/s")
            await consumer.close()
            await client.close()
            if got < self.connection.numRecords { throw ExitCode(1) }
        }
    }
}

/// Delivery report tally from callbacks on other threads.
final class Counter: Sendable {
    private let tally = Mutex((ok: 0, failed: 0))

    func add(_ result: Result<RecordMetadata, SamsaClientError>) {
        self.tally.withLock { tally in
            switch result {
            case .success: tally.ok += 1
            case .failure: tally.failed += 1
            }
        }
    }

    var values: (Int, Int) { self.tally.withLock { ($0.ok, $0.failed) } }
}

struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        bytes.withUnsafeBytes { buffer in
            #if canImport(Glibc)
                _ = Glibc.write(2, buffer.baseAddress, buffer.count)
            #else
                _ = Darwin.write(2, buffer.baseAddress, buffer.count)
            #endif
        }
    }
}

extension String {
    /// Fixed-point without Foundation's `String(format:)`.
    init(format2 value: Double) { self = Self.fixed(value, digits: 2) }
    init(format1 value: Double) { self = Self.fixed(value, digits: 1) }

    private static func fixed(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(abs(scaled % Int(scale)))
        return "\(whole).\(String(repeating: "0", count: digits - fraction.count))\(fraction)"
    }
}
