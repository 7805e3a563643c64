// DO NOT EDIT: generated from `class Txn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `Txn` record of `org.apache.zookeeper.txn`.
public struct Txn: JuteRecord {
    public var type: Int32
    public var data: [UInt8]?

    public init(type: Int32 = 0, data: [UInt8]? = nil) {
        self.type = type
        self.data = data
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.type = try buffer.readJuteInt()
        self.data = try buffer.readJuteBuffer()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.type)
        buffer.writeJuteBuffer(self.data)
    }
}
