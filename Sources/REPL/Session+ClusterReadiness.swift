import Foundation
import LocalCluster
import SamsaClient

/// After `cluster start` in cluster mode: brokers listen before they have registered in
/// `/brokers/ids` and before the controller has told them about each other, so the REPL waits
/// until every broker's metadata lists all of them and one controller.
extension Session {
    /// What the wait saw: the controller, and brokers started again after a stale registration.
    struct Readiness {
        var controller: Int32?
        var restarted: [Int] = []
    }

    func waitForClusterMetadata(timeout: Duration = .seconds(15)) -> Readiness {
        var readiness = Readiness()
        guard let cluster = self.cluster, cluster.snapshot()?.mode == .zookeeper else { return readiness }
        let sessionTimeout = Duration.milliseconds(ClusterConfigFiles.labSessionTimeoutMs)
        let start = ContinuousClock.now
        while ContinuousClock.now - start < timeout {
            guard let snapshot = cluster.snapshot() else { return readiness }
            // A broker restarted within the session timeout finds its old ephemeral
            // /brokers/ids/<id> still there and exits; once that session expired it can join.
            for broker in snapshot.brokers where broker.state == .stopped {
                guard let id = broker.role.brokerID, !readiness.restarted.contains(id),
                    // The broker says so in the student's language (ClusterContext.JoinError).
                    let tail = try? cluster.logTail(.broker(id), lines: 1),
                    tail.contains("already registered") || tail.contains("ya está registrado"),
                    ContinuousClock.now - start > sessionTimeout + .milliseconds(500)
                else { continue }
                if (try? cluster.startBroker(id)) != nil { readiness.restarted.append(id) }
            }
            let ports = snapshot.brokers.filter { $0.state == .running }.map(\.port)
            let expected = snapshot.brokers.count
            let controller = try? AsyncBridge.run { () async -> Int32? in
                var controllers: Set<Int32> = []
                for port in ports {
                    guard let metadata = await Self.metadata(port: port), metadata.brokers.count >= expected,
                        metadata.controllerId >= 0
                    else { return nil }
                    controllers.insert(metadata.controllerId)
                }
                return controllers.count == 1 ? controllers.first : nil
            }
            if ports.count == expected, let controller {
                readiness.controller = controller
                return readiness
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return readiness
    }

    /// The controller id as the brokers' metadata says, or nil when none answers.
    func controllerID() -> Int32? {
        if let attached = self.attached {
            let controller = try? AsyncBridge.run { () async -> Int32? in
                await Self.metadata(bootstrap: attached.bootstrap)?.controllerId
            }
            return controller.flatMap { $0 >= 0 ? $0 : nil }
        }
        guard let snapshot = self.cluster?.snapshot(), snapshot.mode == .zookeeper,
            let port = Self.brokersLongestUpFirst(snapshot).first?.port
        else { return nil }
        let controller = try? AsyncBridge.run { () async -> Int32? in await Self.metadata(port: port)?.controllerId }
        return controller.flatMap { $0 >= 0 ? $0 : nil }
    }

    /// One broker's view of the cluster (Metadata, answered from its metadata cache), or nil.
    static func metadata(port: Int) async -> ClusterMetadata? {
        await Self.metadata(bootstrap: "127.0.0.1:\(port)")
    }

    /// The same from the brokers at `bootstrap` (an attached cluster's).
    static func metadata(bootstrap: String) async -> ClusterMetadata? {
        guard let client = try? KafkaClient(bootstrapServers: bootstrap, clientId: "samsa-repl") else {
            return nil
        }
        let metadata = try? await client.refreshMetadata(topics: [])
        await client.close()
        return metadata
    }
}
