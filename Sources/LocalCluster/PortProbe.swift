import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ports on 127.0.0.1: whether one can be bound now, a free one from the kernel, and whether a
/// server accepts connections on one.
public enum PortProbe {
    /// True when a listener could bind 127.0.0.1:`port` now. Uses SO_REUSEADDR like the servers
    /// (NIO sets it), so a port left in TIME_WAIT by a stopped broker counts as free.
    public static func isFree(_ port: Int) -> Bool {
        guard let fd = self.boundSocket(port: port) else { return false }
        _ = close(fd)
        return true
    }

    /// A port the kernel says is free now (bind port 0, read it back). Another program may take it
    /// before our server binds; `LocalCluster` retries on a new port when that happens.
    public static func freePort() -> Int? {
        guard let fd = self.boundSocket(port: 0) else { return nil }
        defer { _ = close(fd) }
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// `preferred` if it is free, else a free port from the kernel (nil only if even that failed).
    public static func choose(preferred: Int, avoiding taken: Set<Int> = []) -> Int? {
        if !taken.contains(preferred), !self.isAccepting(preferred), self.isFree(preferred) { return preferred }
        for _ in 0..<16 {
            if let port = self.freePort(), !taken.contains(port) { return port }
        }
        return nil
    }

    /// Whether a TCP connect to 127.0.0.1:`port` succeeds now (one attempt).
    public static func isAccepting(_ port: Int) -> Bool {
        guard let fd = self.makeSocket() else { return false }
        defer { _ = close(fd) }
        var address = self.loopback(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0
    }

    private static func boundSocket(port: Int) -> Int32? {
        guard let fd = self.makeSocket() else { return nil }
        var one: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            _ = close(fd)
            return nil
        }
        return fd
    }

    private static func makeSocket() -> Int32? {
        #if canImport(Glibc)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        return fd >= 0 ? fd : nil
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
            address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
