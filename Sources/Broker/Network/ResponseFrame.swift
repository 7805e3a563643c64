import LogStorage
import NIOCore

/// One response as it goes to the socket: the size prefix, header and body in memory, and, for
/// Fetch, ranges of segment files between them that `ResponseFrameWriter` sends with `sendfile`.
/// Every part's length is known before the first byte is written, so the size prefix is exact.
struct ResponseFrame: Sendable {
    enum Part: Sendable {
        case bytes(ByteBuffer)
        case file(FileRecords)

        var length: Int {
            switch self {
            case .bytes(let buffer): buffer.readableBytes
            case .file(let records): records.length
            }
        }
    }

    var parts: [Part]

    init(_ buffer: ByteBuffer) {
        self.parts = [.bytes(buffer)]
    }

    init(parts: [Part]) {
        self.parts = parts
    }

    /// Bytes on the wire, size prefix included.
    var length: Int { self.parts.reduce(0) { $0 + $1.length } }

    /// Bytes the socket will take from segment files rather than from memory.
    var fileBytes: Int {
        self.parts.reduce(0) { total, part in
            if case .file(let records) = part { total + records.length } else { total }
        }
    }

    /// The whole frame in memory, file ranges read with `pread`: the fallback where `sendfile`
    /// cannot be used (the broker with `samsa.fetch.zero.copy=false`, tests without a socket).
    func flattened() throws(LogStorageError) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.reserveCapacity(self.length)
        for part in self.parts {
            switch part {
            case .bytes(var bytes): buffer.writeBuffer(&bytes)
            case .file(let records):
                var read = try records.read()
                buffer.writeBuffer(&read)
            }
        }
        return buffer
    }
}
