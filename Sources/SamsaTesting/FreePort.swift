import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ports for test servers on 127.0.0.1, and waiting for a server to accept connections.
public enum FreePort {
    /// A TCP port on 127.0.0.1 that was free a moment ago: bind port 0, read the port the kernel
    /// chose, close. Another process may take it before the server binds; `TestBroker` and
    /// `TestMetaServer` retry with a new port when their process exits before listening.
    public static func allocate() throws -> Int {
        let fd = try self.makeSocket()
        defer { _ = close(fd) }
        var address = self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw SamsaTestingError.socket(call: "bind(127.0.0.1:0)", errno: errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw SamsaTestingError.socket(call: "getsockname", errno: errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether a TCP connect to 127.0.0.1:`port` succeeds right now (one attempt).
    public static func isOpen(_ port: Int) -> Bool {
        guard let fd = try? self.makeSocket() else { return false }
        defer { _ = close(fd) }
        var address = self.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0
    }

    private static func makeSocket() throws -> Int32 {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw SamsaTestingError.socket(call: "socket", errno: errno) }
        return fd
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian  // 127.0.0.1
        return address
    }
}

/// Polls a TCP connect to 127.0.0.1:`port` every 20 ms until it succeeds or `timeout` passes.
/// With `process`, stops early (and throws `processExited`) when that process ends, so a server
/// that failed to start is reported at once with its output rather than after the timeout.
public func waitForPort(_ port: Int, timeout: Duration = .seconds(30), process: TestProcess? = nil) throws {
    let deadline = ContinuousClock.now + timeout
    while true {
        if FreePort.isOpen(port) { return }
        if let process, let status = process.exitStatus {
            throw SamsaTestingError.processExited(name: process.name, status: status, logTail: process.logTail())
        }
        if ContinuousClock.now >= deadline {
            throw SamsaTestingError.portNotOpen(
                port: port, waited: timeout, process: process?.name, logTail: process?.logTail() ?? "")
        }
        Thread.sleep(forTimeInterval: 0.02)
    }
}
