// DO NOT EDIT: generated from `class CloseSessionTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CloseSessionTxn` record of `org.apache.zookeeper.txn`.
public struct CloseSessionTxn: JuteRecord {
    public var paths2Delete: [String]

    public init(paths2Delete: [String] = []) {
        self.paths2Delete = paths2Delete
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.paths2Delete = try buffer.readJuteStringVector()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteStringVector(self.paths2Delete)
    }
}
