// DO NOT EDIT: generated from `class RequestHeader` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Starts every request after the handshake: the client's `xid` (matched by the reply) and the op code.
public struct RequestHeader: JuteRecord {
    public var xid: Int32
    public var type: Int32

    public init(xid: Int32 = 0, type: Int32 = 0) {
        self.xid = xid
        self.type = type
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.xid = try buffer.readJuteInt()
        self.type = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.xid)
        buffer.writeJuteInt(self.type)
    }
}
