import NIOCore
import ZooKeeperProtocol

/// The bytes of `dataDir/version-2/snapshot.<zxid>`: a `FileHeader`, the last zxid, the open
/// sessions, every node (path, data, ACL, persisted stat), and a CRC-32 of all of it.
public enum SnapshotFormat {
    public static let magic: Int32 = 0x5A4B_534E  // "ZKSN"

    public static func encode(_ database: MetadataDatabase) -> [UInt8] {
        var buffer = ByteBuffer()
        FileHeader(magic: Self.magic, version: 2, dbid: 0).write(to: &buffer)
        buffer.writeJuteLong(database.lastZxid)
        buffer.writeJuteInt(Int32(database.sessionTimeouts.count))
        for (session, timeout) in database.sessionTimeouts.sorted(by: { $0.key < $1.key }) {
            buffer.writeJuteLong(session)
            buffer.writeJuteInt(timeout)
        }
        buffer.writeJuteInt(Int32(database.tree.nodes.count))
        for (path, node) in database.tree.nodes.sorted(by: { $0.key < $1.key }) {
            buffer.writeJuteString(path)
            buffer.writeJuteBuffer(node.data)
            buffer.writeJuteVector(node.acl)
            node.stat.write(to: &buffer)
        }
        buffer.writeInteger(Int64(CRC32.checksum(buffer.readableBytesView)))
        return Array(buffer.readableBytesView)
    }

    /// Decodes a snapshot, or nil if it is truncated or fails its checksum.
    public static func decode(_ bytes: [UInt8]) -> MetadataDatabase? {
        guard bytes.count > 8 else { return nil }
        let body = bytes[..<(bytes.count - 8)]
        var trailer = ByteBuffer(bytes: bytes[(bytes.count - 8)...])
        guard let stored = trailer.readInteger(as: Int64.self),
            UInt32(truncatingIfNeeded: stored) == CRC32.checksum(body)
        else { return nil }
        var buffer = ByteBuffer(bytes: body)
        do {
            let header = try FileHeader(from: &buffer)
            guard header.magic == Self.magic else { return nil }
            let lastZxid = try buffer.readJuteLong()
            var sessions: [Int64: Int32] = [:]
            let sessionCount = try buffer.readJuteInt()
            for _ in 0..<max(0, sessionCount) {
                let session = try buffer.readJuteLong()
                sessions[session] = try buffer.readJuteInt()
            }
            var tree = DataTree()
            let nodeCount = try buffer.readJuteInt()
            for _ in 0..<max(0, nodeCount) {
                let path = try buffer.readJuteString()
                let data = try buffer.readJuteBuffer()
                let acl = try buffer.readJuteVector(of: ACL.self)
                let stat = try StatPersisted(from: &buffer)
                tree.restore(path: path, node: DataNode(data: data, acl: acl, stat: stat))
            }
            tree.relinkChildren()
            return MetadataDatabase(tree: tree, sessionTimeouts: sessions, lastZxid: lastZxid)
        } catch {
            return nil
        }
    }
}
