// DO NOT EDIT: generated from `class SetDataResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `SetDataResponse` record of `org.apache.zookeeper.proto`.
public struct SetDataResponse: JuteRecord {
    public var stat: Stat

    public init(stat: Stat = Stat()) {
        self.stat = stat
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.stat = try Stat(from: &buffer)
    }

    public func write(to buffer: inout ByteBuffer) {
        self.stat.write(to: &buffer)
    }
}
