// DO NOT EDIT: generated from `class WatcherEvent` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// A watch notification, sent with xid -1.
public struct WatcherEvent: JuteRecord {
    public var type: Int32
    public var state: Int32
    public var path: String

    public init(type: Int32 = 0, state: Int32 = 0, path: String = "") {
        self.type = type
        self.state = state
        self.path = path
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.type = try buffer.readJuteInt()
        self.state = try buffer.readJuteInt()
        self.path = try buffer.readJuteString()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.type)
        buffer.writeJuteInt(self.state)
        buffer.writeJuteString(self.path)
    }
}
