import Foundation
import KafkaProtocol
import NIOCore
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking TCP connection for tests that need to send exact (often malformed) bytes to a
/// broker and see what comes back: a response frame, or the connection closing.
final class RawKafkaConnection {
    private let descriptor: Int32
    private var correlationId: Int32 = 0

    enum Failure: Error {
        case connect(Int32)
        case closed, timeout
    }

    init(port: Int, timeoutSeconds: Int = 5) throws {
        self.descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(self.descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(self.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(self.descriptor)
            throw Failure.connect(errno)
        }
    }

    deinit {
        close(self.descriptor)
    }

    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes {
                Glibc.send(self.descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if count <= 0 { return }
            sent += count
        }
    }

    /// Sends `body` behind a size prefix.
    func sendFrame(_ body: ByteBuffer) {
        var frame = ByteBuffer()
        frame.writeInteger(Int32(body.readableBytes))
        frame.writeImmutableBuffer(body)
        self.send(Array(frame.readableBytesView))
    }

    /// The next response frame (without its size), or `nil` if the broker closed the connection.
    func receiveFrame() throws -> ByteBuffer? {
        guard let sizeBytes = try self.receive(count: 4) else { return nil }
        let size = Int(Int32(bigEndian: sizeBytes.withUnsafeBytes { $0.loadUnaligned(as: Int32.self) }))
        guard let body = try self.receive(count: size) else { return nil }
        return ByteBuffer(bytes: body)
    }

    /// True if the broker closed the connection (EOF) rather than answering.
    func isClosedByPeer() throws -> Bool {
        try self.receiveFrame() == nil
    }

    private func receive(count: Int) throws -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var received = 0
        while received < count {
            let got = bytes[received...].withUnsafeMutableBytes { recv(self.descriptor, $0.baseAddress, $0.count, 0) }
            if got == 0 { return nil }
            if got < 0 {
                if errno == EINTR { continue }
                if errno == ECONNRESET { return nil }
                throw Failure.timeout
            }
            received += got
        }
        return bytes
    }

    /// Encodes a request with the right header version, sends it, decodes the response.
    func request<Request: KafkaRequest>(_ request: Request, version: Int16, clientId: String? = "test") throws
        -> Request.Response
    {
        self.correlationId += 1
        var body = ByteBuffer()
        RequestHeader(
            requestApiKey: Request.apiKey.rawValue, requestApiVersion: version, correlationId: self.correlationId,
            clientId: clientId
        ).write(to: &body, version: Request.apiKey.requestHeaderVersion(for: version))
        request.write(to: &body, version: version)
        self.sendFrame(body)
        guard var frame = try self.receiveFrame() else { throw Failure.closed }
        let header = try ResponseHeader(from: &frame, version: Request.apiKey.responseHeaderVersion(for: version))
        XCTAssertEqual(header.correlationId, self.correlationId)
        return try Request.Response(from: &frame, version: version)
    }
}
