// DO NOT EDIT: generated from `class SetDataRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `SetDataRequest` record of `org.apache.zookeeper.proto`.
public struct SetDataRequest: JuteRecord {
    public var path: String
    public var data: [UInt8]?
    public var version: Int32

    public init(path: String = "", data: [UInt8]? = nil, version: Int32 = 0) {
        self.path = path
        self.data = data
        self.version = version
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.data = try buffer.readJuteBuffer()
        self.version = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteBuffer(self.data)
        buffer.writeJuteInt(self.version)
    }
}
