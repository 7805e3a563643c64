import KafkaProtocol
import Logging

/// Kafka's controlled shutdown (`KafkaServer.controlledShutdown`, ZooKeeper mode): before a
/// stopping broker closes its listeners, the controller moves leadership off it and takes it out
/// of every ISR, so clients see a quick leader change instead of waiting for its session to end.
extension BrokerServer {
    /// On SIGTERM in a cluster, while the listeners still answer. As Kafka: up to
    /// `controlled.shutdown.max.retries` attempts, `controlled.shutdown.retry.backoff.ms` apart,
    /// while the controller is unknown, unreachable or leaves partitions here; then the broker shuts
    /// down without it. Brokers stopped together meet this often (the controller is going too), so
    /// it is said once, as what will happen, in words that do not read as an error.
    func controlledShutdown(_ cluster: ClusterContext) async {
        guard self.config.controlledShutdownEnable else { return }
        let attempts = self.config.controlledShutdownMaxRetries
        let backoff = self.config.controlledShutdownRetryBackoffMs
        var hasExplained = false
        for attempt in stride(from: 1, through: attempts, by: 1) {
            let outcome = await self.requestControlledShutdown(cluster)
            if case .done = outcome {
                self.logger.info("controlled shutdown done: leadership moved to other brokers")
                return
            }
            if !hasExplained {
                hasExplained = true
                let left = attempts - attempt
                let plan =
                    left > 0
                    ? "asking again \(left) more time(s), \(backoff) ms apart, then shutting down without it"
                    : "shutting down without it"
                self.logger.info(
                    "controlled shutdown: \(outcome); \(plan)", metadata: ["attempt": "\(attempt)/\(attempts)"])
            }
            self.logger.debug(
                "controlled shutdown attempt ended", metadata: ["attempt": "\(attempt)", "outcome": "\(outcome)"])
            if attempt < attempts { try? await Task.sleep(for: .milliseconds(backoff)) }
        }
    }

    /// What one ControlledShutdown request came to.
    private enum ControlledShutdownOutcome: CustomStringConvertible {
        case done
        case noController
        case unreachable(controller: Int32)
        case refused(controller: Int32, errorCode: Int16)
        case partitionsStillLedHere([String])

        var description: String {
            switch self {
            case .done: "done"
            case .noController: "no controller is known (none is elected, or it is shutting down too)"
            case .unreachable(let id): "the controller (broker \(id)) is not reachable"
            case .refused(let id, let code):
                "the controller (broker \(id)) answered \(ErrorCode(rawValue: code).map { "\($0)" } ?? "error \(code)")"
            case .partitionsStillLedHere(let partitions):
                "no other in-sync replica can lead \(partitions.prefix(5).joined(separator: ", "))"
                    + (partitions.count > 5 ? " and \(partitions.count - 5) more" : "")
            }
        }
    }

    private func requestControlledShutdown(_ cluster: ClusterContext) async -> ControlledShutdownOutcome {
        let controllerId = cluster.metadata.controllerId
        guard let controller = cluster.metadata.broker(controllerId) else { return .noController }
        let connection = InterBrokerConnection(
            host: controller.host, port: Int(controller.port), clientId: "broker-\(self.state.brokerId)-shutdown")
        defer { Task { await connection.close() } }
        do {
            let response = try await connection.send(
                ControlledShutdownRequest(brokerId: self.state.brokerId, brokerEpoch: cluster.brokerEpoch), version: 3)
            if response.errorCode != 0 { return .refused(controller: controllerId, errorCode: response.errorCode) }
            if response.remainingPartitions.isEmpty { return .done }
            return .partitionsStillLedHere(response.remainingPartitions.map { "\($0.topicName)-\($0.partitionIndex)" })
        } catch {
            return .unreachable(controller: controllerId)
        }
    }
}
