// DO NOT EDIT: generated from `class Create2Response` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `Create2Response` record of `org.apache.zookeeper.proto`.
public struct Create2Response: JuteRecord {
    public var path: String
    public var stat: Stat

    public init(path: String = "", stat: Stat = Stat()) {
        self.path = path
        self.stat = stat
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.stat = try Stat(from: &buffer)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        self.stat.write(to: &buffer)
    }
}
