// DO NOT EDIT: generated from `class ClientInfo` in module `org.apache.zookeeper.data` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// One identity reported by `whoAmI`.
public struct ClientInfo: JuteRecord {
    public var authScheme: String
    public var user: String

    public init(authScheme: String = "", user: String = "") {
        self.authScheme = authScheme
        self.user = user
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.authScheme = try buffer.readJuteString()
        self.user = try buffer.readJuteString()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.authScheme)
        buffer.writeJuteString(self.user)
    }
}
