// DO NOT EDIT: generated from `class ReplyHeader` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Starts every reply: the request's `xid`, the server's last zxid and an error code (the body is
/// omitted on error).
public struct ReplyHeader: JuteRecord {
    public var xid: Int32
    public var zxid: Int64
    public var err: Int32

    public init(xid: Int32 = 0, zxid: Int64 = 0, err: Int32 = 0) {
        self.xid = xid
        self.zxid = zxid
        self.err = err
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.xid = try buffer.readJuteInt()
        self.zxid = try buffer.readJuteLong()
        self.err = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.xid)
        buffer.writeJuteLong(self.zxid)
        buffer.writeJuteInt(self.err)
    }
}
