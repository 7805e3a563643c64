// DO NOT EDIT: generated from `class GetChildren2Response` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetChildren2Response` record of `org.apache.zookeeper.proto`.
public struct GetChildren2Response: JuteRecord {
    public var children: [String]
    public var stat: Stat

    public init(children: [String] = [], stat: Stat = Stat()) {
        self.children = children
        self.stat = stat
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.children = try buffer.readJuteStringVector()
        self.stat = try Stat(from: &buffer)
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteStringVector(self.children)
        self.stat.write(to: &buffer)
    }
}
