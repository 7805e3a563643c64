// DO NOT EDIT: generated from `class ConnectResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The server's answer to `ConnectRequest`; a `timeOut` of 0 tells the client its session expired.
public struct ConnectResponse: JuteRecord {
    public var protocolVersion: Int32
    public var timeOut: Int32
    public var sessionId: Int64
    public var passwd: [UInt8]
    public var readOnly: Bool

    public init(
        protocolVersion: Int32 = 0,
        timeOut: Int32 = 0,
        sessionId: Int64 = 0,
        passwd: [UInt8] = [],
        readOnly: Bool = false
    ) {
        self.protocolVersion = protocolVersion
        self.timeOut = timeOut
        self.sessionId = sessionId
        self.passwd = passwd
        self.readOnly = readOnly
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.protocolVersion = try buffer.readJuteInt()
        self.timeOut = try buffer.readJuteInt()
        self.sessionId = try buffer.readJuteLong()
        self.passwd = try buffer.readJuteBuffer() ?? []
        self.readOnly = try buffer.readJuteBool()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.protocolVersion)
        buffer.writeJuteInt(self.timeOut)
        buffer.writeJuteLong(self.sessionId)
        buffer.writeJuteBuffer(self.passwd)
        buffer.writeJuteBool(self.readOnly)
    }
}
