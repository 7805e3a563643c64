// DO NOT EDIT: generated from `class CheckWatchesRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CheckWatchesRequest` record of `org.apache.zookeeper.proto`.
public struct CheckWatchesRequest: JuteRecord {
    public var path: String
    public var type: Int32

    public init(path: String = "", type: Int32 = 0) {
        self.path = path
        self.type = type
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.type = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteInt(self.type)
    }
}
