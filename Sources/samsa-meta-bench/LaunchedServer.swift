import Foundation

/// A server the benchmark started itself, on a free loopback port in a temporary directory.
final class LaunchedServer {
    let process: Process
    let port: Int
    let directory: URL

    var address: String { "127.0.0.1:\(self.port)" }

    private init(process: Process, port: Int, directory: URL) {
        self.process = process
        self.port = port
        self.directory = directory
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func samsaMeta() throws -> LaunchedServer {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent(
            "samsa-meta")
        guard FileManager.default.isExecutableFile(atPath: binary.path) else {
            throw Failure(
                description: "samsa-meta not found at \(binary.path); build it first (swift build -c release)")
        }
        let (directory, port) = try Self.prepare("samsa-meta")
        let config = directory.appendingPathComponent("zookeeper.properties")
        try
            "clientPort=\(port)\ndataDir=\(directory.path)/data\ntickTime=2000\nmaxClientCnxns=0\n4lw.commands.whitelist=*\n"
            .write(to: config, atomically: true, encoding: .utf8)
        return try Self.launch(binary.path, [config.path], directory: directory, port: port)
    }

    static func zooKeeper() throws -> LaunchedServer {
        let jar = "/usr/share/java/zookeeper.jar"
        guard FileManager.default.fileExists(atPath: jar) else {
            throw Failure(description: "\(jar) not found; apt-get install zookeeper")
        }
        let (directory, port) = try Self.prepare("zookeeper")
        let config = directory.appendingPathComponent("zoo.cfg")
        try
            "clientPort=\(port)\nclientPortAddress=127.0.0.1\ndataDir=\(directory.path)/data\ntickTime=2000\nmaxClientCnxns=0\nadmin.enableServer=false\n"
            .write(to: config, atomically: true, encoding: .utf8)
        return try Self.launch(
            "/usr/bin/java",
            [
                "-Dzookeeper.admin.enableServer=false", "-cp", "\(jar):/usr/share/java/slf4j-nop.jar",
                "org.apache.zookeeper.server.ZooKeeperServerMain", config.path,
            ],
            directory: directory, port: port
        )
    }

    private static func prepare(_ name: String) throws -> (URL, Int) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "bench-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return (directory, Self.freePort())
    }

    private static func launch(_ executable: String, _ arguments: [String], directory: URL, port: Int) throws
        -> LaunchedServer
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = LaunchedServer(process: process, port: port, directory: directory)
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if Self.canConnect(port) { return server }
            if !process.isRunning { break }
            usleep(100_000)
        }
        server.stop()
        throw Failure(description: "\(executable) did not listen on \(port)")
    }

    func stop() {
        if self.process.isRunning {
            self.process.terminate()
            let deadline = Date().addingTimeInterval(10)
            while self.process.isRunning && Date() < deadline { usleep(50_000) }
            if self.process.isRunning { kill(self.process.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: self.directory)
    }

    /// Resident memory from /proc (Linux), in MiB.
    func residentMegabytes() -> Double? {
        guard
            let status = try? String(contentsOfFile: "/proc/\(self.process.processIdentifier)/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        return kilobytes / 1024
    }

    private static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func canConnect(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        } == 0
    }
}
