// DO NOT EDIT: generated from `class DeleteRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `DeleteRequest` record of `org.apache.zookeeper.proto`.
public struct DeleteRequest: JuteRecord {
    public var path: String
    public var version: Int32

    public init(path: String = "", version: Int32 = 0) {
        self.path = path
        self.version = version
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.version = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteInt(self.version)
    }
}
