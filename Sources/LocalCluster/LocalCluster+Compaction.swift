import Foundation

/// `topic compact` in the REPL: asks one running broker for a log cleaner pass over a partition
/// now. The request goes as a file in the broker's log dir plus SIGUSR1 (see
/// `BrokerServer.runRequestedCompaction`); only the user who owns the cluster can send either.
extension LocalCluster {
    public static let compactionRequestFileName = "samsa-compact-request"

    public func requestCompaction(topic: String, partition: Int, onBroker id: Int) throws {
        self.operationLock.lock()
        defer { self.operationLock.unlock() }
        let process = try self.runningBroker(id)
        let file = self.layout.dataDirectory(for: .broker(id)).appendingPathComponent(Self.compactionRequestFileName)
        do {
            try "\(topic) \(partition)\n".write(to: file, atomically: true, encoding: .utf8)
        } catch {
            throw LocalClusterError.fileSystem(path: file.path, reason: "\(error.localizedDescription)")
        }
        _ = process.send(SIGUSR1)
    }
}
