// DO NOT EDIT: generated from `class GetDataResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetDataResponse` record of `org.apache.zookeeper.proto`.
public struct GetDataResponse: JuteRecord {
    public var data: [UInt8]?
    public var stat: Stat

    public init(data: [UInt8]? = nil, stat: Stat = Stat()) {
        self.data = data
        self.stat = stat
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.data = try buffer.readJuteBuffer()
        self.stat = try Stat(from: &buffer)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteBuffer(self.data)
        self.stat.write(to: &buffer)
    }
}
