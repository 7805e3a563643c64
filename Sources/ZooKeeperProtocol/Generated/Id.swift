// DO NOT EDIT: generated from `class Id` in module `org.apache.zookeeper.data` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// An identity in an ACL or an authenticated session: a scheme (`world`, `auth`, `digest`, `ip`) and an
/// id within it.
public struct Id: JuteRecord {
    public var scheme: String
    public var id: String

    public init(scheme: String = "", id: String = "") {
        self.scheme = scheme
        self.id = id
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.scheme = try buffer.readJuteString()
        self.id = try buffer.readJuteString()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.scheme)
        buffer.writeJuteString(self.id)
    }
}
