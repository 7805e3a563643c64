// DO NOT EDIT: generated from `class AddWatchRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `AddWatchRequest` record of `org.apache.zookeeper.proto`.
public struct AddWatchRequest: JuteRecord {
    public var path: String
    public var mode: Int32

    public init(path: String = "", mode: Int32 = 0) {
        self.path = path
        self.mode = mode
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.mode = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteInt(self.mode)
    }
}
