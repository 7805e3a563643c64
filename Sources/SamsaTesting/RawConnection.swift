import Foundation
import NIOCore
import ZooKeeperProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP client for speaking raw (and deliberately broken) ZooKeeper bytes to a server.
/// Every read has a timeout.
public final class RawConnection {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    private var fd: Int32
    private var pending: [UInt8] = []

    public init(port: Int) throws {
        self.fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard self.fd >= 0 else { throw Failure(description: "socket() failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(self.fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(self.fd)
            throw Failure(description: "connect to \(port) failed")
        }
    }

    deinit { self.close() }

    public func close() {
        if self.fd >= 0 { Glibc.close(self.fd) }
        self.fd = -1
    }

    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes {
                Glibc.send(self.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            guard sent > 0 else { throw Failure(description: "send failed") }
            offset += sent
        }
    }

    public func send(_ buffer: ByteBuffer) throws { try self.send(Array(buffer.readableBytesView)) }

    /// Reads whatever arrives until the peer closes or `seconds` pass.
    public func readToEnd(seconds: Double = 5) -> (bytes: [UInt8], closed: Bool) {
        var result = self.pending
        self.pending = []
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            guard let chunk = self.readChunk(timeoutMilliseconds: 100) else { return (result, true) }
            result += chunk
        }
        return (result, false)
    }

    /// True if the server closed the connection within `seconds`.
    public func isClosedByPeer(seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if self.readChunk(timeoutMilliseconds: 100) == nil { return true }
        }
        return false
    }

    /// nil on EOF or error; empty on timeout.
    private func readChunk(timeoutMilliseconds: Int32) -> [UInt8]? {
        var poller = pollfd(fd: self.fd, events: Int16(POLLIN), revents: 0)
        let ready = poll(&poller, 1, timeoutMilliseconds)
        if ready <= 0 { return [] }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(self.fd, $0.baseAddress, $0.count, 0) }
        if count <= 0 { return nil }
        return Array(buffer[0..<count])
    }

    /// Reads one length-prefixed packet.
    public func readPacket(seconds: Double = 5) throws -> ByteBuffer {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if self.pending.count >= 4 {
                let length =
                    Int(self.pending[0]) << 24 | Int(self.pending[1]) << 16 | Int(self.pending[2]) << 8
                    | Int(self.pending[3])
                if self.pending.count >= 4 + length {
                    let packet = Array(self.pending[4..<(4 + length)])
                    self.pending.removeFirst(4 + length)
                    return ByteBuffer(bytes: packet)
                }
            }
            guard let chunk = self.readChunk(timeoutMilliseconds: 100) else {
                throw Failure(description: "connection closed while waiting for a packet")
            }
            self.pending += chunk
        }
        throw Failure(description: "no packet within \(seconds)s")
    }

    // MARK: - Protocol helpers

    /// Sends a ConnectRequest and returns the response.
    @discardableResult
    public func handshake(
        timeout: Int32 = 20000, sessionId: Int64 = 0, password: [UInt8] = [UInt8](repeating: 0, count: 16)
    ) throws -> ConnectResponse {
        var buffer = ByteBuffer()
        buffer.writeZooKeeperPacket {
            ConnectRequest(
                protocolVersion: 0, lastZxidSeen: 0, timeOut: timeout, sessionId: sessionId, passwd: password,
                readOnly: false
            )
            .write(to: &$0)
        }
        try self.send(buffer)
        var reply = try self.readPacket()
        return try ConnectResponse(from: &reply)
    }

    /// Sends a request and returns the reply header and body.
    public func request(xid: Int32, _ opCode: OpCode, _ body: (inout ByteBuffer) -> Void) throws -> (
        ReplyHeader, ByteBuffer
    ) {
        var buffer = ByteBuffer()
        buffer.writeZooKeeperPacket {
            RequestHeader(xid: xid, type: opCode.rawValue).write(to: &$0)
            body(&$0)
        }
        try self.send(buffer)
        while true {
            var reply = try self.readPacket()
            let header = try ReplyHeader(from: &reply)
            if header.xid == Xid.notification { continue }
            return (header, reply)
        }
    }

    public func create(xid: Int32, _ path: String, data: [UInt8] = [], mode: CreateMode = .persistent) throws -> (
        ReplyHeader, ByteBuffer
    ) {
        try self.request(xid: xid, .create) {
            CreateRequest(path: path, data: data, acl: ACL.openACLUnsafe, flags: mode.rawValue).write(to: &$0)
        }
    }
}
