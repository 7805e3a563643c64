import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Waiting for "any key" on a terminal without the user pressing Enter: `watch` redraws every
/// second until a key arrives. Puts the terminal in non-canonical, no-echo mode for the wait
/// and restores it afterwards.
enum KeyPress {
    /// Waits up to `timeout` for a key on stdin; true if one was pressed (it is consumed).
    static func wait(timeout: Duration) -> Bool {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            Thread.sleep(forTimeInterval: ClusterDiagram.seconds(timeout))
            return false
        }
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        defer { _ = tcsetattr(STDIN_FILENO, TCSANOW, &original) }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(ClusterDiagram.seconds(timeout) * 1000)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        _ = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
        return true
    }
}
