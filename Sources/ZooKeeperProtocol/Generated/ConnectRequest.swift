// DO NOT EDIT: generated from `class ConnectRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The first packet of a connection (sent without a `RequestHeader`): creates a session or resumes one.
public struct ConnectRequest: JuteRecord {
    public var protocolVersion: Int32
    public var lastZxidSeen: Int64
    public var timeOut: Int32
    public var sessionId: Int64
    public var passwd: [UInt8]
    public var readOnly: Bool

    public init(
        protocolVersion: Int32 = 0,
        lastZxidSeen: Int64 = 0,
        timeOut: Int32 = 0,
        sessionId: Int64 = 0,
        passwd: [UInt8] = [],
        readOnly: Bool = false
    ) {
        self.protocolVersion = protocolVersion
        self.lastZxidSeen = lastZxidSeen
        self.timeOut = timeOut
        self.sessionId = sessionId
        self.passwd = passwd
        self.readOnly = readOnly
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.protocolVersion = try buffer.readJuteInt()
        self.lastZxidSeen = try buffer.readJuteLong()
        self.timeOut = try buffer.readJuteInt()
        self.sessionId = try buffer.readJuteLong()
        self.passwd = try buffer.readJuteBuffer() ?? []
        self.readOnly = try buffer.readJuteBool()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.protocolVersion)
        buffer.writeJuteLong(self.lastZxidSeen)
        buffer.writeJuteInt(self.timeOut)
        buffer.writeJuteLong(self.sessionId)
        buffer.writeJuteBuffer(self.passwd)
        buffer.writeJuteBool(self.readOnly)
    }
}
