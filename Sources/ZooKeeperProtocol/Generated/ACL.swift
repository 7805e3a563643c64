// DO NOT EDIT: generated from `class ACL` in module `org.apache.zookeeper.data` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// One access-control entry: the permission bits (see `Permissions`) granted to an `Id`.
public struct ACL: JuteRecord {
    public var perms: Int32
    public var id: Id

    public init(perms: Int32 = 0, id: Id = Id()) {
        self.perms = perms
        self.id = id
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.perms = try buffer.readJuteInt()
        self.id = try Id(from: &buffer)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.perms)
        self.id.write(to: &buffer)
    }
}
