// DO NOT EDIT: generated from `class SetSASLRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `SetSASLRequest` record of `org.apache.zookeeper.proto`.
public struct SetSASLRequest: JuteRecord {
    public var token: [UInt8]

    public init(token: [UInt8] = []) {
        self.token = token
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.token = try buffer.readJuteBuffer() ?? []
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteBuffer(self.token)
    }
}
