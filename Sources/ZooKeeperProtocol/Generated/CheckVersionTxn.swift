// DO NOT EDIT: generated from `class CheckVersionTxn` in module `org.apache.zookeeper.txn` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The `CheckVersionTxn` record of `org.apache.zookeeper.txn`.
public struct CheckVersionTxn: JuteRecord {
    public var path: String
    public var version: Int32

    public init(path: String = "", version: Int32 = 0) {
        self.path = path
        self.version = version
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.path = try buffer.readJuteString()
        self.version = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteString(self.path)
        buffer.writeJuteInt(self.version)
    }
}
