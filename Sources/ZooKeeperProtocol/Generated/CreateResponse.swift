// DO NOT EDIT: generated from `class CreateResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CreateResponse` record of `org.apache.zookeeper.proto`.
public struct CreateResponse: JuteRecord {
    public var path: String

    public init(path: String = "") {
        self.path = path
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
    }
}
