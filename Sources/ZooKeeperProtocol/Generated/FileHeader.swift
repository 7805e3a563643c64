// DO NOT EDIT: generated from `class FileHeader` in module `org.apache.zookeeper.server.persistence` of schemas/zookeeper.jute by samsa-codegen

import NIOCore

/// The first bytes of a ZooKeeper snapshot or log file.
public struct FileHeader: JuteRecord {
    public var magic: Int32
    public var version: Int32
    public var dbid: Int64

    public init(magic: Int32 = 0, version: Int32 = 0, dbid: Int64 = 0) {
        self.magic = magic
        self.version = version
        self.dbid = dbid
    }

    public init(from buffer: inout ByteBuffer) throws(JuteError) {
        self.magic = try buffer.readJuteInt()
        self.version = try buffer.readJuteInt()
        self.dbid = try buffer.readJuteLong()
    }

    public func write(to buffer: inout ByteBuffer) {
        buffer.writeJuteInt(self.magic)
        buffer.writeJuteInt(self.version)
        buffer.writeJuteLong(self.dbid)
    }
}
