// DO NOT EDIT: generated from `class ErrorResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `ErrorResponse` record of `org.apache.zookeeper.proto`.
public struct ErrorResponse: JuteRecord {
    public var err: Int32

    public init(err: Int32 = 0) {
        self.err = err
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.err = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.err)
    }
}
