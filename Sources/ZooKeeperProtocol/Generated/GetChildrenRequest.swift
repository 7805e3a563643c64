// DO NOT EDIT: generated from `class GetChildrenRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetChildrenRequest` record of `org.apache.zookeeper.proto`.
public struct GetChildrenRequest: JuteRecord {
    public var path: String
    public var watch: Bool

    public init(path: String = "", watch: Bool = false) {
        self.path = path
        self.watch = watch
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.watch = try buffer.readJuteBool()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteBool(self.watch)
    }
}
