// DO NOT EDIT: generated from `class MultiTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `MultiTxn` record of `org.apache.zookeeper.txn`.
public struct MultiTxn: JuteRecord {
    public var txns: [Txn]

    public init(txns: [Txn] = []) {
        self.txns = txns
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.txns = try buffer.readJuteVector(of: Txn.self)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteVector(self.txns)
    }
}
