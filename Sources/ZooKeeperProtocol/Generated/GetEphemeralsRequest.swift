// DO NOT EDIT: generated from `class GetEphemeralsRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetEphemeralsRequest` record of `org.apache.zookeeper.proto`.
public struct GetEphemeralsRequest: JuteRecord {
    public var prefixPath: String

    public init(prefixPath: String = "") {
        self.prefixPath = prefixPath
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.prefixPath = try buffer.readJuteString()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.prefixPath)
    }
}
