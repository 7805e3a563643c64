import KafkaProtocol
import Logging

/// The controller's line to one broker: requests go out one after another, in the order the
/// controller decided them (a LeaderAndIsr must not overtake the UpdateMetadata before it), with
/// a few retries while the broker is reachable.
actor ControllerChannel {
    typealias Job = @Sendable (InterBrokerConnection) async throws -> Void

    let brokerId: Int32
    private let connection: InterBrokerConnection
    private let logger: Logger
    private let jobs: AsyncStream<Job>.Continuation
    private var worker: Task<Void, Never>?

    init(brokerId: Int32, host: String, port: Int, controllerId: Int32, logger: Logger) {
        self.brokerId = brokerId
        self.connection = InterBrokerConnection(host: host, port: port, clientId: "controller-\(controllerId)")
        self.logger = logger
        let (stream, continuation) = AsyncStream.makeStream(of: Job.self)
        self.jobs = continuation
        let connection = self.connection
        let target = brokerId
        self.worker = Task {
            for await job in stream {
                for attempt in 1...5 {
                    do {
                        try await job(connection)
                        break
                    } catch {
                        logger.debug(
                            "controller request failed",
                            metadata: ["broker": "\(target)", "attempt": "\(attempt)", "error": "\(error)"])
                        try? await Task.sleep(for: .milliseconds(200 * attempt))
                    }
                }
            }
        }
    }

    nonisolated func send<Request: KafkaRequest>(_ request: Request, version: Int16) {
        self.jobs.yield { connection in _ = try await connection.send(request, version: version) }
    }

    func close() async {
        self.jobs.finish()
        self.worker?.cancel()
        await self.connection.close()
    }
}
