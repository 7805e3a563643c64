import Foundation
import LocalCluster
import SamsaClient

/// After `cluster start` in cluster mode: brokers listen before they have registered in
/// `/brokers/ids` and before the controller has told them about each other, so the REPL waits
/// until every broker's metadata lists all of them and a controller.
extension Session {
    /// The controller's id once every running broker reports every broker (up to `timeout`), or nil.
    func waitForClusterMetadata(timeout: Duration = .seconds(15)) -> Int32? {
        guard let snapshot = self.cluster?.snapshot(), snapshot.mode == .zookeeper else { return nil }
        let ports = snapshot.brokers.filter { $0.state == .running }.map(\.port)
        guard !ports.isEmpty else { return nil }
        return try? AsyncBridge.run { () async -> Int32? in
            let deadline = ContinuousClock.now + timeout
            while ContinuousClock.now < deadline {
                var controllers: Set<Int32> = []
                var complete = true
                for port in ports {
                    guard let description = await Self.describe(port: port),
                        description.brokers.count >= ports.count, description.controllerId >= 0
                    else {
                        complete = false
                        break
                    }
                    controllers.insert(description.controllerId)
                }
                if complete, controllers.count == 1, let controller = controllers.first { return controller }
                try? await Task.sleep(for: .milliseconds(100))
            }
            return nil
        }
    }

    /// The controller id as one broker sees it, or nil when that broker does not answer.
    func controllerID() -> Int32? {
        guard let bootstrap = try? self.bootstrapServers(), self.cluster?.snapshot()?.mode == .zookeeper else { return nil }
        return try? self.withAdmin(bootstrap) { admin in try await admin.describeCluster().controllerId }
    }

    private static func describe(port: Int) async -> ClusterDescription? {
        guard let admin = try? KafkaAdmin(bootstrapServers: "127.0.0.1:\(port)", clientId: "samsa-repl") else { return nil }
        let description = try? await admin.describeCluster()
        await admin.close()
        return description
    }
}
