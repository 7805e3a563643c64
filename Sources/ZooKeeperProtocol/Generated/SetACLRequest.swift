// DO NOT EDIT: generated from `class SetACLRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `SetACLRequest` record of `org.apache.zookeeper.proto`.
public struct SetACLRequest: JuteRecord {
    public var path: String
    public var acl: [ACL]
    public var version: Int32

    public init(path: String = "", acl: [ACL] = [], version: Int32 = 0) {
        self.path = path
        self.acl = acl
        self.version = version
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.acl = try buffer.readJuteVector(of: ACL.self)
        self.version = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteVector(self.acl)
        buffer.writeJuteInt(self.version)
    }
}
