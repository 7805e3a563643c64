// DO NOT EDIT: generated from `class GetChildrenResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetChildrenResponse` record of `org.apache.zookeeper.proto`.
public struct GetChildrenResponse: JuteRecord {
    public var children: [String]

    public init(children: [String] = []) {
        self.children = children
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.children = try buffer.readJuteStringVector()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteStringVector(self.children)
    }
}
