// DO NOT EDIT: generated from `class GetAllChildrenNumberResponse` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `GetAllChildrenNumberResponse` record of `org.apache.zookeeper.proto`.
public struct GetAllChildrenNumberResponse: JuteRecord {
    public var totalNumber: Int32

    public init(totalNumber: Int32 = 0) {
        self.totalNumber = totalNumber
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.totalNumber = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.totalNumber)
    }
}
