// DO NOT EDIT: generated from `class ReconfigRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `ReconfigRequest` record of `org.apache.zookeeper.proto`.
public struct ReconfigRequest: JuteRecord {
    public var joiningServers: String
    public var leavingServers: String
    public var newMembers: String
    public var curConfigId: Int64

    public init(
        joiningServers: String = "",
        leavingServers: String = "",
        newMembers: String = "",
        curConfigId: Int64 = 0
    ) {
        self.joiningServers = joiningServers
        self.leavingServers = leavingServers
        self.newMembers = newMembers
        self.curConfigId = curConfigId
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.joiningServers = try buffer.readJuteString()
        self.leavingServers = try buffer.readJuteString()
        self.newMembers = try buffer.readJuteString()
        self.curConfigId = try buffer.readJuteLong()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.joiningServers)
        buffer.writeJuteString(self.leavingServers)
        buffer.writeJuteString(self.newMembers)
        buffer.writeJuteLong(self.curConfigId)
    }
}
