// DO NOT EDIT: generated from `class GetACLRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetACLRequest` record of `org.apache.zookeeper.proto`.
public struct GetACLRequest: JuteRecord {
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
