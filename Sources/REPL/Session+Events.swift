import Foundation
import LocalCluster
import MetadataClient

/// Keeps the metadata-tree watcher in step with the cluster: running while events are live and the
/// metadata server is up, stopped otherwise.
extension Session {
    func syncEventWatcher() {
        let connect: String?
        if let attached = self.attached {
            connect = attached.zookeeper
        } else {
            let server = self.cluster?.snapshot().flatMap { $0.mode == .zookeeper ? $0.metadataServer : nil }
            connect = server?.state == .running ? server.map { "127.0.0.1:\($0.port)" } : nil
        }
        // The live view needs the watch even in a script, where nothing is printed.
        let wantsWatch = self.events.isLive || self.liveView != nil
        if let current = self.eventWatcher, current.connect == connect, wantsWatch { return }
        if let current = self.eventWatcher {
            self.eventWatcher = nil
            self.liveView?.watcher = nil
            try? AsyncBridge.run { await current.watcher.stop() }
        }
        guard wantsWatch, let connect else { return }
        let events = self.events
        let watcher = ClusterEventWatcher(
            connectString: connect, report: { event in events.report(event) },
            controllerChanged: { events.controller = $0.flatMap { Int32(exactly: $0) } })
        do {
            try AsyncBridge.run { try await watcher.start() }
            self.eventWatcher = (watcher, connect)
            self.liveView?.watcher = watcher
        } catch {
            try? AsyncBridge.run { await watcher.stop() }
        }
    }

    /// Background consumers leave their groups and the watcher stops (before a cluster stops, or
    /// when the session ends).
    func stopBackgroundWork() {
        let consumers = self.consumers
        if !consumers.names.isEmpty { try? AsyncBridge.run { await consumers.stopAll() } }
        if let current = self.eventWatcher {
            self.eventWatcher = nil
            self.liveView?.watcher = nil
            try? AsyncBridge.run { await current.watcher.stop() }
        }
    }

    /// A broker killed a moment ago still has its ephemeral `/brokers/ids/<id>` until its session
    /// expires, and a new process with that id would exit at once ("already registered"). Waits
    /// (at most the session timeout + 2 s) until the znode is gone; the seconds waited, or nil when
    /// there was nothing to wait for.
    func waitForStaleRegistration(of id: Int) -> Double? {
        guard let server = self.cluster?.snapshot()?.metadataServer, server.state == .running else { return nil }
        let connect = "127.0.0.1:\(server.port)"
        let limit = Duration.milliseconds(ClusterConfigFiles.labSessionTimeoutMs) + .seconds(2)
        let waited = try? AsyncBridge.run { () async throws -> Double? in
            let client = try ZooKeeperClient(connectString: connect, sessionTimeout: .seconds(4))
            do {
                try await client.connect(timeout: .seconds(3))
                let began = ContinuousClock.now
                var waited: Double?
                if try await client.exists("/brokers/ids/\(id)") != nil {
                    while ContinuousClock.now - began < limit {
                        try await Task.sleep(for: .milliseconds(100))
                        if try await client.exists("/brokers/ids/\(id)") == nil {
                            waited = ClusterDiagram.seconds(ContinuousClock.now - began)
                            break
                        }
                    }
                }
                await client.close()
                return waited
            } catch {
                await client.close()
                throw error
            }
        }
        return waited ?? nil
    }
}
