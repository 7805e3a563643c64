// DO NOT EDIT: generated from `class CreateSessionTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CreateSessionTxn` record of `org.apache.zookeeper.txn`.
public struct CreateSessionTxn: JuteRecord {
    public var timeOut: Int32

    public init(timeOut: Int32 = 0) {
        self.timeOut = timeOut
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.timeOut = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.timeOut)
    }
}
