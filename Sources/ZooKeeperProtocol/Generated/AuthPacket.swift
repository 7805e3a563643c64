// DO NOT EDIT: generated from `class AuthPacket` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Adds an identity to the connection (`addauth digest user:password`).
public struct AuthPacket: JuteRecord {
    public var type: Int32
    public var scheme: String
    public var auth: [UInt8]

    public init(type: Int32 = 0, scheme: String = "", auth: [UInt8] = []) {
        self.type = type
        self.scheme = scheme
        self.auth = auth
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.type = try buffer.readJuteInt()
        self.scheme = try buffer.readJuteString()
        self.auth = try buffer.readJuteBuffer() ?? []
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.type)
        buffer.writeJuteString(self.scheme)
        buffer.writeJuteBuffer(self.auth)
    }
}
