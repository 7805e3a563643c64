import ZooKeeperProtocol

/// Small helpers Kafka's ZooKeeper client also has (`makeSurePersistentPathExists`,
/// `deleteRecursive`), built from the basic operations.
extension ZooKeeperClient {
    /// Creates `path` and any missing ancestors as empty persistent nodes; existing ones are kept.
    public func ensurePath(_ path: String, acl: [ACL] = ACL.openACLUnsafe) async throws {
        guard path != "/" else { return }
        var current = ""
        for segment in path.split(separator: "/") {
            current += "/" + segment
            do {
                try await self.create(current, acl: acl)
            } catch let error as ZooKeeperClientError where error.code == .nodeExists {
                continue
            }
        }
    }

    /// Deletes `path` and everything below it (children first). Nodes that vanish meanwhile are
    /// fine; a node created meanwhile makes it fail with `NotEmpty`, as in ZooKeeper's `deleteall`.
    public func deleteRecursively(_ path: String) async throws {
        let children: [String]
        do {
            children = try await self.getChildren(path)
        } catch let error as ZooKeeperClientError where error.code == .noNode {
            return
        }
        for child in children {
            try await self.deleteRecursively(ZNodePath.child(child, of: path))
        }
        do {
            try await self.delete(path)
        } catch let error as ZooKeeperClientError where error.code == .noNode {
            return
        }
    }
}
