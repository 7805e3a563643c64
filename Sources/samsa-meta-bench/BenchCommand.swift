import ArgumentParser
import Foundation
import Logging
import MetadataClient
import ZooKeeperProtocol

/// `samsa-meta-bench`: C concurrent clients doing getData, setData and create+delete on
/// loopback, against samsa-meta and ZooKeeper in the same run, printing a Markdown table.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsa-meta-bench",
        abstract: "Measure ops/s and p50/p99 latency of ZooKeeper-protocol servers with MetadataClient."
    )

    @Option(name: .customLong("server"), help: "A server to measure, as name=host:port (repeatable).")
    var servers: [String] = []

    @Flag(help: "Start samsa-meta (from next to this binary) on a free port in a temp dir and measure it.")
    var startSamsaMeta = false

    @Flag(help: "Start ZooKeeper 3.8 (Debian's /usr/share/java/zookeeper.jar) on a free port and measure it.")
    var startZookeeper = false

    @Option(help: "Concurrent clients, each with its own connection and session.")
    var clients = 16

    @Option(help: "Seconds per workload.")
    var seconds = 5.0

    @Option(help: "Bytes of data per node.")
    var valueSize = 100

    func validate() throws {
        guard !self.servers.isEmpty || self.startSamsaMeta || self.startZookeeper else {
            throw ValidationError(
                "Name a server: --server samsa=127.0.0.1:2181, --start-samsa-meta or --start-zookeeper")
        }
        guard self.clients > 0, self.seconds > 0, self.valueSize >= 0 else {
            throw ValidationError(
                "--clients and --seconds must be positive and --value-size not negative, e.g. --clients 16 --seconds 5")
        }
        for server in self.servers where !server.contains("=") {
            throw ValidationError("--server '\(server)' needs a name: write e.g. --server zookeeper=127.0.0.1:2181")
        }
    }

    func run() async throws {
        var logger = Logger(label: "samsa-meta-bench")
        logger.logLevel = .warning
        var targets: [(name: String, address: String, process: LaunchedServer?)] = self.servers.map { entry in
            let parts = entry.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts[1]), nil)
        }
        if self.startSamsaMeta {
            let server = try LaunchedServer.samsaMeta()
            targets.append(("samsa-meta", server.address, server))
        }
        if self.startZookeeper {
            let server = try LaunchedServer.zooKeeper()
            targets.append(("ZooKeeper 3.8", server.address, server))
        }
        defer { for target in targets { target.process?.stop() } }
        print("| server | workload | clients | ops/s | p50 ms | p99 ms | server RSS MB |")
        print("|---|---|---|---|---|---|---|")
        for target in targets {
            let workloads: [Workload] = [.getData, .setData, .createDelete]
            for workload in workloads {
                let result = try await self.measure(workload, address: target.address, logger: logger)
                let rss = target.process?.residentMegabytes().map { String(format: "%.1f", $0) } ?? "n/a"
                print(
                    "| \(target.name) | \(workload.rawValue) | \(self.clients) | \(String(format: "%.0f", result.opsPerSecond)) | "
                        + "\(String(format: "%.2f", result.p50)) | \(String(format: "%.2f", result.p99)) | \(rss) |"
                )
            }
        }
    }

    enum Workload: String {
        case getData = "getData"
        case setData = "setData"
        case createDelete = "create+delete"
    }

    struct Result {
        var opsPerSecond: Double
        var p50: Double
        var p99: Double
    }

    private func measure(_ workload: Workload, address: String, logger: Logger) async throws -> Result {
        let value = [UInt8](repeating: 0x61, count: self.valueSize)
        let setup = try ZooKeeperClient(connectString: address, sessionTimeout: .seconds(10), logger: logger)
        try await setup.connect()
        if try await setup.exists("/bench") == nil { try await setup.create("/bench") }
        if try await setup.exists("/bench/data") == nil { try await setup.create("/bench/data", data: value) }
        var clients: [ZooKeeperClient] = []
        for index in 0..<self.clients {
            let client = try ZooKeeperClient(connectString: address, sessionTimeout: .seconds(10), logger: logger)
            try await client.connect()
            if try await client.exists("/bench/c\(index)") == nil {
                try await client.create("/bench/c\(index)", data: value)
            }
            clients.append(client)
        }
        let duration = Duration.milliseconds(Int64(self.seconds * 1000))
        let started = ContinuousClock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    var samples: [Double] = []
                    let deadline = started + duration
                    while ContinuousClock.now < deadline {
                        let begin = ContinuousClock.now
                        switch workload {
                        case .getData:
                            _ = try await client.getData("/bench/data")
                        case .setData:
                            try await client.setData("/bench/c\(index)", data: value)
                        case .createDelete:
                            try await client.create("/bench/c\(index)/n", data: value)
                            try await client.delete("/bench/c\(index)/n")
                        }
                        let elapsed = ContinuousClock.now - begin
                        samples.append(
                            Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
                    }
                    return samples
                }
            }
            var all: [Double] = []
            for try await samples in group { all += samples }
            return all
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        for client in clients { await client.close() }
        await setup.close()
        let sorted = latencies.sorted()
        func percentile(_ fraction: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))]
        }
        // create+delete counts both operations.
        let operations = Double(latencies.count) * (workload == .createDelete ? 2 : 1)
        return Result(opsPerSecond: operations / seconds, p50: percentile(0.5), p99: percentile(0.99))
    }
}
