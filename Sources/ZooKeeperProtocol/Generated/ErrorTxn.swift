// DO NOT EDIT: generated from `class ErrorTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `ErrorTxn` record of `org.apache.zookeeper.txn`.
public struct ErrorTxn: JuteRecord {
    public var err: Int32

    public init(err: Int32 = 0) {
        self.err = err
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.err = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.err)
    }
}
