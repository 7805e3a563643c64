// DO NOT EDIT: generated from `class CreateTTLTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CreateTTLTxn` record of `org.apache.zookeeper.txn`.
public struct CreateTTLTxn: JuteRecord {
    public var path: String
    public var data: [UInt8]?
    public var acl: [ACL]
    public var parentCVersion: Int32
    public var ttl: Int64

    public init(path: String = "", data: [UInt8]? = nil, acl: [ACL] = [], parentCVersion: Int32 = 0, ttl: Int64 = 0) {
        self.path = path
        self.data = data
        self.acl = acl
        self.parentCVersion = parentCVersion
        self.ttl = ttl
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.data = try buffer.readJuteBuffer()
        self.acl = try buffer.readJuteVector(of: ACL.self)
        self.parentCVersion = try buffer.readJuteInt()
        self.ttl = try buffer.readJuteLong()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteBuffer(self.data)
        buffer.writeJuteVector(self.acl)
        buffer.writeJuteInt(self.parentCVersion)
        buffer.writeJuteLong(self.ttl)
    }
}
