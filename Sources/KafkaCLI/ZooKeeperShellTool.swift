import CourseLanguage
import Foundation
import Logging
import MetadataClient
import ZooKeeperProtocol

/// `zookeeper-shell HOST:PORT [command args...]`: ZooKeeper's own command syntax (`ls`, `get`,
/// `stat`, `create`, `set`, `delete`, `deleteall`) against samsa-meta or a real ZooKeeper. With a
/// command it runs that one; without, it reads commands from stdin.
enum ZooKeeperShellTool: KafkaTool {
    static let name = "zookeeper-shell"
    static let syntax = ToolSyntax(
        tool: name,
        summary: "USAGE: zookeeper-shell.sh zookeeper_host:port[/path] [-zk-tls-config-file file] [args...]",
        options: [])

    static let commandHelp = """
        ZooKeeper -server host:port -client-configuration properties-file cmd args
        \tcreate [-s] [-e] [-c] path [data]
        \tdelete path
        \tdeleteall path
        \tget [-s] path
        \tgetEphemerals path
        \tls [-s] [-R] path
        \tquit
        \tset [-s] path data
        \tstat path
        """

    static func run(_ options: ParsedOptions, context: ToolContext) async throws -> Int32 {
        guard let server = options.positional.first else {
            throw ToolError.failed(
                "USAGE: zookeeper-shell.sh zookeeper_host:port[/path] [-zk-tls-config-file file] [args...]")
        }
        let command = Array(options.positional.dropFirst())
        context.console.outLine("Connecting to \(server)")
        var logger = Logger(label: "samsa.zookeeper-shell")
        logger.logLevel = .critical
        let client: ZooKeeperClient
        do {
            client = try ZooKeeperClient(connectString: server, sessionTimeout: .seconds(30), logger: logger)
            try await client.connect(timeout: .seconds(5))
        } catch {
            context.console.errLine(
                "Unable to connect to \(server): \(error)"
                    + context.language.pick(
                        es: "; ¿está en marcha ahí samsa-meta (o ZooKeeper)?",
                        en: "; is samsa-meta (or ZooKeeper) running there?"))
            return 1
        }
        if command.isEmpty {
            context.console.outLine("Welcome to ZooKeeper!\nJLine support is disabled")
        }
        context.console.outLine("\nWATCHER::\n\nWatchedEvent state:SyncConnected type:None path:null")
        var status: Int32 = 0
        if command.isEmpty {
            for await line in context.console.inputLines(prompt: nil) {
                let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
                if words.first == "quit" || words.first == "close" { break }
                if words.isEmpty { continue }
                status = await self.execute(words, client, context)
            }
        } else {
            status = await self.execute(command, client, context)
        }
        await client.close()
        return status
    }

    /// One command; 0 on success, 1 on failure (message printed as ZooKeeper's shell prints it).
    static func execute(_ words: [String], _ client: ZooKeeperClient, _ context: ToolContext) async -> Int32 {
        let flags = Set(words.dropFirst().filter { $0.hasPrefix("-") })
        let arguments = words.dropFirst().filter { !$0.hasPrefix("-") }
        guard let path = arguments.first else {
            context.console.errLine(self.commandHelp)
            return 1
        }
        do {
            switch words[0] {
            case "ls":
                if flags.contains("-R") {
                    try await self.listRecursively(path, client, context)
                } else {
                    let (children, stat) = try await client.getChildrenAndStat(path)
                    context.console.outLine("[" + children.sorted().joined(separator: ", ") + "]")
                    if flags.contains("-s") { context.console.out(self.format(stat)) }
                }
            case "get":
                let (data, stat) = try await client.getData(path)
                context.console.outLine(data.isEmpty ? "null" : String(decoding: data, as: UTF8.self))
                if flags.contains("-s") { context.console.out(self.format(stat)) }
            case "stat":
                guard let stat = try await client.exists(path) else {
                    throw ZooKeeperClientError.server(.noNode, path: path)
                }
                context.console.out(self.format(stat))
            case "create":
                let mode: CreateMode =
                    flags.contains("-e")
                    ? (flags.contains("-s") ? .ephemeralSequential : .ephemeral)
                    : flags.contains("-s") ? .persistentSequential : flags.contains("-c") ? .container : .persistent
                let data = arguments.dropFirst().first.map { Array($0.utf8) } ?? []
                let created = try await client.create(path, data: data, mode: mode)
                context.console.outLine("Created \(created)")
            case "set":
                guard let data = arguments.dropFirst().first else {
                    context.console.errLine(self.commandHelp)
                    return 1
                }
                let stat = try await client.setData(path, data: Array(data.utf8))
                if flags.contains("-s") { context.console.out(self.format(stat)) }
            case "delete":
                try await client.delete(path)
            case "deleteall", "rmr":
                try await client.deleteRecursively(path)
            case "getEphemerals":
                let paths = try await client.getEphemerals(prefix: path)
                context.console.outLine("[" + paths.sorted().joined(separator: ", ") + "]")
            default:
                context.console.errLine(self.commandHelp)
                return 1
            }
            return 0
        } catch let error as ZooKeeperClientError {
            context.console.errLine(self.message(error, path: path))
            return 1
        } catch {
            context.console.errLine("\(error)")
            return 1
        }
    }

    static func listRecursively(_ path: String, _ client: ZooKeeperClient, _ context: ToolContext) async throws {
        var queue = [path]
        while !queue.isEmpty {
            let next = queue.removeFirst()
            context.console.outLine(next)
            for child in try await client.getChildren(next).sorted() {
                queue.append(next == "/" ? "/\(child)" : "\(next)/\(child)")
            }
        }
    }

    /// ZooKeeper's shell messages for the common failures.
    static func message(_ error: ZooKeeperClientError, path: String) -> String {
        switch error.code {
        case .noNode: "Node does not exist: \(path)"
        case .nodeExists: "Node already exists: \(path)"
        case .notEmpty: "Node not empty: \(path)"
        case .noChildrenForEphemerals: "Ephemerals cannot have children: \(path)"
        case .badVersion: "version No is not valid : \(path)"
        default: error.description
        }
    }

    /// ZooKeeper's `StatPrinter` layout.
    static func format(_ stat: Stat) -> String {
        func hex(_ value: Int64) -> String { "0x" + String(UInt64(bitPattern: value), radix: 16) }
        return """
            cZxid = \(hex(stat.czxid))
            ctime = \(self.javaDate(stat.ctime))
            mZxid = \(hex(stat.mzxid))
            mtime = \(self.javaDate(stat.mtime))
            pZxid = \(hex(stat.pzxid))
            cversion = \(stat.cversion)
            dataVersion = \(stat.version)
            aclVersion = \(stat.aversion)
            ephemeralOwner = \(hex(stat.ephemeralOwner))
            dataLength = \(stat.dataLength)
            numChildren = \(stat.numChildren)

            """
    }

    /// Java's `Date.toString()`: `Thu Jan 01 00:00:00 UTC 1970`.
    static func javaDate(_ milliseconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "EEE MMM dd HH:mm:ss zzz yyyy"
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
