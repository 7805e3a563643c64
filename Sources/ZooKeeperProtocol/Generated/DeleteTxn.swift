// DO NOT EDIT: generated from `class DeleteTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `DeleteTxn` record of `org.apache.zookeeper.txn`.
public struct DeleteTxn: JuteRecord {
    public var path: String

    public init(path: String = "") {
        self.path = path
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
    }
}
