// DO NOT EDIT: generated from `class GetACLResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetACLResponse` record of `org.apache.zookeeper.proto`.
public struct GetACLResponse: JuteRecord {
    public var acl: [ACL]
    public var stat: Stat

    public init(acl: [ACL] = [], stat: Stat = Stat()) {
        self.acl = acl
        self.stat = stat
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.acl = try buffer.readJuteVector(of: ACL.self)
        self.stat = try Stat(from: &buffer)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteVector(self.acl)
        self.stat.write(to: &buffer)
    }
}
