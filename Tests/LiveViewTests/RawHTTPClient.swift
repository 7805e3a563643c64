import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bare HTTP/1.1 GET over a POSIX socket, reading until a marker shows up or the time runs out:
/// enough to see status lines and server-sent events without a client library in between.
enum RawHTTPClient {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Sends `GET path` to `address:port` and returns what came back (head and body) once it
    /// contains every string of `until`, the peer closed, or `timeout` passed.
    static func get(
        _ path: String, port: Int, address: String = "127.0.0.1", until markers: [String] = [],
        timeout: TimeInterval = 5,
        afterFirstMarker: (() -> Void)? = nil
    ) throws -> String {
        let fd = try self.openSocket(address: address, port: port)
        defer { _ = close(fd) }
        let request = "GET \(path) HTTP/1.1\r\nHost: \(address):\(port)\r\nAccept: */*\r\n\r\n"
        _ = request.withCString { send(fd, $0, strlen($0), 0) }
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = Date().addingTimeInterval(timeout)
        var calledBack = false
        while Date() < deadline {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                break
            } else if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                break
            }
            let text = String(decoding: received, as: UTF8.self)
            if !calledBack, let first = markers.first, text.contains(first) {
                calledBack = true
                afterFirstMarker?()
            }
            if !markers.isEmpty, markers.allSatisfy({ text.contains($0) }) { break }
            if markers.isEmpty, text.contains("\r\n\r\n"), self.isComplete(text) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether a response with Content-Length has all its body.
    private static func isComplete(_ text: String) -> Bool {
        guard let split = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<split.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return false }
        return text[split.upperBound...].utf8.count >= length
    }

    /// A connected socket whose reads wait at most 200 ms, so the caller's deadline bounds the loop.
    static func openSocket(address: String, port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var wait = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, address, &target.sin_addr)
        let result = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw Failure(description: "connect \(address):\(port): errno \(code)")
        }
        return fd
    }

    /// This machine's IPv4 addresses other than loopback (to show nothing listens there).
    static func nonLoopbackAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else {
                continue
            }
            var host = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet4 in
                var copy = inet4.pointee.sin_addr
                _ = inet_ntop(AF_INET, &copy, &host, socklen_t(INET_ADDRSTRLEN))
            }
            let text = String(cString: host)
            if !text.hasPrefix("127.") { addresses.append(text) }
        }
        return addresses
    }
}
