// DO NOT EDIT: generated from `class GetEphemeralsResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetEphemeralsResponse` record of `org.apache.zookeeper.proto`.
public struct GetEphemeralsResponse: JuteRecord {
    public var ephemerals: [String]

    public init(ephemerals: [String] = []) {
        self.ephemerals = ephemerals
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.ephemerals = try buffer.readJuteStringVector()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteStringVector(self.ephemerals)
    }
}
