import Foundation
import LocalCluster

/// Keeps the metadata-tree watcher in step with the cluster: running while events are live and the
/// metadata server is up, stopped otherwise.
extension Session {
    func syncEventWatcher() {
        let server = self.cluster?.snapshot().flatMap { $0.mode == .zookeeper ? $0.metadataServer : nil }
        let port = server?.state == .running ? server?.port : nil
        if let current = self.eventWatcher, current.port == port, self.events.isLive { return }
        if let current = self.eventWatcher {
            self.eventWatcher = nil
            try? AsyncBridge.run { await current.watcher.stop() }
        }
        guard self.events.isLive, let port else { return }
        let events = self.events
        let watcher = ClusterEventWatcher(
            connectString: "127.0.0.1:\(port)", report: { events.report($0) },
            controllerChanged: { events.controller = $0.map(Int32.init) })
        do {
            try AsyncBridge.run { try await watcher.start() }
            self.eventWatcher = (watcher, port)
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
            try? AsyncBridge.run { await current.watcher.stop() }
        }
    }
}
