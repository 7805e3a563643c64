// DO NOT EDIT: generated from `class CreateRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CreateRequest` record of `org.apache.zookeeper.proto`.
public struct CreateRequest: JuteRecord {
    public var path: String
    public var data: [UInt8]?
    public var acl: [ACL]
    public var flags: Int32

    public init(path: String = "", data: [UInt8]? = nil, acl: [ACL] = [], flags: Int32 = 0) {
        self.path = path
        self.data = data
        self.acl = acl
        self.flags = flags
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.data = try buffer.readJuteBuffer()
        self.acl = try buffer.readJuteVector(of: ACL.self)
        self.flags = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteBuffer(self.data)
        buffer.writeJuteVector(self.acl)
        buffer.writeJuteInt(self.flags)
    }
}
