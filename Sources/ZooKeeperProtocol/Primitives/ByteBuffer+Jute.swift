import NIOCore

/// Jute primitives. Readers throw `JuteError` when bytes run short; lengths are checked against
/// the bytes left, so a hostile count never allocates more than the packet holds.
extension ByteBuffer {
    public mutating func readJuteInt() throws(JuteError) -> Int32 {
        guard let value = self.readInteger(as: Int32.self) else {
            throw .truncated(field: "int", needed: 4 - self.readableBytes)
        }
        return value
    }

    public mutating func readJuteLong() throws(JuteError) -> Int64 {
        guard let value = self.readInteger(as: Int64.self) else {
            throw .truncated(field: "long", needed: 8 - self.readableBytes)
        }
        return value
    }

    public mutating func readJuteBool() throws(JuteError) -> Bool {
        guard let value = self.readInteger(as: UInt8.self) else {
            throw .truncated(field: "boolean", needed: 1)
        }
        return value != 0
    }

    /// Reads a `buffer`: i32 length (-1 means null) and that many bytes.
    public mutating func readJuteBuffer() throws(JuteError) -> [UInt8]? {
        let length = try self.readJuteInt()
        if length == -1 { return nil }
        guard length >= 0, Int(length) <= self.readableBytes else {
            throw .invalidLength(field: "buffer", length: length)
        }
        return self.readBytes(length: Int(length)) ?? []
    }

    /// Reads a `ustring`; null reads as "" (ZooKeeper never sends a null string it expects back).
    /// Malformed UTF-8 becomes U+FFFD, as Java's decoder does, which path checks then reject.
    public mutating func readJuteString() throws(JuteError) -> String {
        let length = try self.readJuteInt()
        if length == -1 { return "" }
        guard length >= 0, Int(length) <= self.readableBytes else {
            throw .invalidLength(field: "ustring", length: length)
        }
        let view = self.readableBytesView.prefix(Int(length))
        let string = String(decoding: view, as: UTF8.self)
        self.moveReaderIndex(forwardBy: Int(length))
        return string
    }

    /// Reads a `vector<ustring>`; null reads as empty.
    public mutating func readJuteStringVector() throws(JuteError) -> [String] {
        let count = try self.readJuteCount()
        var result: [String] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try self.readJuteString()) }
        return result
    }

    /// Reads a `vector<Record>`; null reads as empty.
    public mutating func readJuteVector<Record: JuteRecord>(of type: Record.Type) throws(JuteError) -> [Record] {
        let count = try self.readJuteCount()
        var result: [Record] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try Record(from: &self)) }
        return result
    }

    private mutating func readJuteCount() throws(JuteError) -> Int {
        let count = try self.readJuteInt()
        if count == -1 { return 0 }
        // Every element takes at least one byte, so a larger count cannot be honest.
        guard count >= 0, Int(count) <= self.readableBytes else {
            throw .invalidLength(field: "vector", length: count)
        }
        return Int(count)
    }

    @discardableResult
    public mutating func writeJuteInt(_ value: Int32) -> Int {
        self.writeInteger(value)
    }

    @discardableResult
    public mutating func writeJuteLong(_ value: Int64) -> Int {
        self.writeInteger(value)
    }

    @discardableResult
    public mutating func writeJuteBool(_ value: Bool) -> Int {
        self.writeInteger(value ? UInt8(1) : UInt8(0))
    }

    @discardableResult
    public mutating func writeJuteBuffer(_ bytes: [UInt8]?) -> Int {
        guard let bytes else { return self.writeInteger(Int32(-1)) }
        return self.writeInteger(Int32(bytes.count)) + self.writeBytes(bytes)
    }

    @discardableResult
    public mutating func writeJuteString(_ string: String) -> Int {
        let utf8 = string.utf8
        return self.writeInteger(Int32(utf8.count)) + self.writeBytes(utf8)
    }

    @discardableResult
    public mutating func writeJuteStringVector(_ strings: [String]) -> Int {
        var written = self.writeInteger(Int32(strings.count))
        for string in strings { written += self.writeJuteString(string) }
        return written
    }

    @discardableResult
    public mutating func writeJuteVector<Record: JuteRecord>(_ records: [Record]) -> Int {
        let start = self.writerIndex
        self.writeInteger(Int32(records.count))
        for record in records { record.write(to: &self) }
        return self.writerIndex - start
    }
}
