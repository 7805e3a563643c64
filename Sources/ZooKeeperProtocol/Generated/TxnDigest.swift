// DO NOT EDIT: generated from `class TxnDigest` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `TxnDigest` record of `org.apache.zookeeper.txn`.
public struct TxnDigest: JuteRecord {
    public var version: Int32
    public var treeDigest: Int64

    public init(version: Int32 = 0, treeDigest: Int64 = 0) {
        self.version = version
        self.treeDigest = treeDigest
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.version = try buffer.readJuteInt()
        self.treeDigest = try buffer.readJuteLong()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.version)
        buffer.writeJuteLong(self.treeDigest)
    }
}
