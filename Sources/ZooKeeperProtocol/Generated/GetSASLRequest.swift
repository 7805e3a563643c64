// DO NOT EDIT: generated from `class GetSASLRequest` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetSASLRequest` record of `org.apache.zookeeper.proto`.
public struct GetSASLRequest: JuteRecord {
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
