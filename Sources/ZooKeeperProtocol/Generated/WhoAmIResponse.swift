// DO NOT EDIT: generated from `class WhoAmIResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `WhoAmIResponse` record of `org.apache.zookeeper.proto`.
public struct WhoAmIResponse: JuteRecord {
    public var clientInfo: [ClientInfo]

    public init(clientInfo: [ClientInfo] = []) {
        self.clientInfo = clientInfo
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.clientInfo = try buffer.readJuteVector(of: ClientInfo.self)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteVector(self.clientInfo)
    }
}
