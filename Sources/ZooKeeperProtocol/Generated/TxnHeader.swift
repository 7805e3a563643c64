// DO NOT EDIT: generated from `class TxnHeader` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Starts every transaction-log record.
public struct TxnHeader: JuteRecord {
    public var clientId: Int64
    public var cxid: Int32
    public var zxid: Int64
    public var time: Int64
    public var type: Int32

    public init(clientId: Int64 = 0, cxid: Int32 = 0, zxid: Int64 = 0, time: Int64 = 0, type: Int32 = 0) {
        self.clientId = clientId
        self.cxid = cxid
        self.zxid = zxid
        self.time = time
        self.type = type
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.clientId = try buffer.readJuteLong()
        self.cxid = try buffer.readJuteInt()
        self.zxid = try buffer.readJuteLong()
        self.time = try buffer.readJuteLong()
        self.type = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteLong(self.clientId)
        buffer.writeJuteInt(self.cxid)
        buffer.writeJuteLong(self.zxid)
        buffer.writeJuteLong(self.time)
        buffer.writeJuteInt(self.type)
    }
}
