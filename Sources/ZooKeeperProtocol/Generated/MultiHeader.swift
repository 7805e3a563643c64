// DO NOT EDIT: generated from `class MultiHeader` in module `org.apache.zookeeper.proto` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// Precedes each operation and each result in a `multi`; `done` marks the end.
public struct MultiHeader: JuteRecord {
    public var type: Int32
    public var done: Bool
    public var err: Int32

    public init(type: Int32 = 0, done: Bool = false, err: Int32 = 0) {
        self.type = type
        self.done = done
        self.err = err
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.type = try buffer.readJuteInt()
        self.done = try buffer.readJuteBool()
        self.err = try buffer.readJuteInt()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.type)
        buffer.writeJuteBool(self.done)
        buffer.writeJuteInt(self.err)
    }
}
