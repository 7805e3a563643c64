import NIOCore
import POSIXFile
import ZooKeeperProtocol

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ZooKeeper's four-letter admin words, in the formats of its `server/command` classes, so the
/// course's `echo ruok | nc` and monitoring scripts work unchanged.
extension ZooKeeperServer {
    func answerFourLetterWord(_ word: String, connection id: Int) {
        let text: String
        if !self.configuration.fourLetterWordWhitelist.contains(word) {
            text = "\(word) is not executed because it is not in the whitelist.\n"
        } else {
            text = self.fourLetterWordText(word, connection: id)
        }
        self.connections[id]?.lastOperation = "NA"
        var buffer = ByteBuffer()
        buffer.writeString(text)
        // Not counted as a session packet; written in order with anything else queued.
        self.enqueue(.bytes(buffer), to: id)
        self.closeConnection(id)
    }

    func fourLetterWordText(_ word: String, connection id: Int) -> String {
        switch word {
        case "ruok": return "imok"
        case "isro": return "rw"
        case "srvr": return self.statText(withClients: false)
        case "stat": return self.statText(withClients: true)
        case "cons":
            return self.connections.values.sorted { $0.id < $1.id }.map { self.connectionLine($0, brief: false) + "\n" }
                .joined() + "\n"
        case "mntr": return self.monitorText()
        case "dump": return self.dumpText()
        case "wchs":
            let byConnection = self.watches.pathsByConnection()
            let byPath = self.watches.connectionsByPath()
            return
                "\(byConnection.count) connections watching \(byPath.count) paths\nTotal watches:\(self.watches.watchCount)\n"
        case "wchc":
            var text = ""
            for (connection, paths) in self.watches.pathsByConnection().sorted(by: { $0.key < $1.key }) {
                let session = self.connections[connection]?.sessionId ?? 0
                text += Self.hex(session) + "\n" + paths.sorted().map { "\t\($0)\n" }.joined()
            }
            return text + "\n"
        case "wchp":
            var text = ""
            for (path, connections) in self.watches.connectionsByPath().sorted(by: { $0.key < $1.key }) {
                text += path + "\n"
                for connection in connections.sorted() {
                    text += "\t" + Self.hex(self.connections[connection]?.sessionId ?? 0) + "\n"
                }
            }
            return text + "\n"
        case "conf": return self.confText()
        case "envi": return self.environmentText()
        case "crst":
            for key in self.connections.keys {
                self.connections[key]?.latency = LatencyStats()
                self.connections[key]?.packetsReceived = 0
                self.connections[key]?.packetsSent = 0
            }
            return "Connection stats reset.\n"
        case "srst":
            self.stats = ServerStats()
            return "Server stats reset.\n"
        case "dirs":
            return "datadir_size: \(self.directorySize())\nlogdir_size: \(self.directorySize())\n"
        default:
            return "\(word) is not supported by samsa-meta.\n"
        }
    }

    private func statText(withClients: Bool) -> String {
        var text = "Zookeeper version: \(Self.version), built on 01/01/1970 00:00 GMT\n"
        if withClients {
            text += "Clients:\n"
            for connection in self.connections.values.sorted(by: { $0.id < $1.id }) {
                text += self.connectionLine(connection, brief: true) + "\n"
            }
            text += "\n"
        }
        let latency = self.stats.latency
        text += "Latency min/avg/max: \(latency.minimum)/\(Self.decimal(latency.average))/\(latency.maximum)\n"
        text += "Received: \(self.stats.packetsReceived)\n"
        text += "Sent: \(self.stats.packetsSent)\n"
        text += "Connections: \(self.connections.count)\n"
        text += "Outstanding: \(self.held.count - self.heldStart)\n"
        text += "Zxid: \(Self.hex(self.database.lastZxid))\n"
        text += "Mode: standalone\n"
        text += "Node count: \(self.database.tree.nodeCount)\n"
        return text
    }

    private func connectionLine(_ connection: ConnectionState, brief: Bool) -> String {
        var line = " /\(connection.remoteHost):\(connection.remotePort)[\(connection.sessionId == nil ? 0 : 1)]"
        line += "(queued=0,recved=\(connection.packetsReceived),sent=\(connection.packetsSent)"
        if !brief, let session = connection.sessionId {
            let timeout = self.sessions[session]?.timeout ?? 0
            let latency = connection.latency
            line += ",sid=\(Self.hex(session)),lop=\(connection.lastOperation),est=\(connection.established)"
            line +=
                ",to=\(timeout),lcxid=\(Self.hex(Int64(connection.lastCxid))),lzxid=\(Self.hex(connection.lastZxid))"
            line += ",lresp=\(connection.lastResponseTime),llat=0,minlat=\(latency.minimum)"
            line += ",avglat=\(Self.decimal(latency.average)),maxlat=\(latency.maximum)"
        }
        return line + ")"
    }

    private func monitorText() -> String {
        let tree = self.database.tree
        let ephemeralCount = tree.ephemerals.values.reduce(0) { $0 + $1.count }
        let uptime = (ContinuousClock.now - self.startedAt).components.seconds * 1000
        let values: [(String, String)] = [
            ("zk_version", "\(Self.version), built on 01/01/1970 00:00 GMT"),
            ("zk_server_state", "standalone"),
            ("zk_ephemerals_count", "\(ephemeralCount)"),
            ("zk_num_alive_connections", "\(self.connections.count)"),
            ("zk_avg_latency", Self.decimal(self.stats.latency.average)),
            ("zk_outstanding_requests", "\(self.held.count - self.heldStart)"),
            ("zk_znode_count", "\(tree.nodeCount)"),
            ("zk_global_sessions", "\(self.sessions.count)"),
            ("zk_packets_sent", "\(self.stats.packetsSent)"),
            ("zk_packets_received", "\(self.stats.packetsReceived)"),
            ("zk_watch_count", "\(self.watches.watchCount)"),
            ("zk_min_latency", "\(self.stats.latency.minimum)"),
            ("zk_max_latency", "\(self.stats.latency.maximum)"),
            ("zk_approximate_data_size", "\(tree.approximateDataSize)"),
            ("zk_local_sessions", "0"),
            ("zk_uptime", "\(uptime)"),
            ("zk_last_proposal_size", "-1"),
            ("zk_max_proposal_size", "-1"),
            ("zk_min_proposal_size", "-1"),
        ]
        return values.map { "\($0.0)\t\($0.1)\n" }.joined()
    }

    private func dumpText() -> String {
        let now = ContinuousClock.now
        let nowMillis = Self.wallClockMillis()
        func expiry(_ state: SessionState) -> Int64 {
            let left = Duration.milliseconds(Int64(state.timeout)) - (now - state.lastSeen)
            return nowMillis + left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000
        }
        var text = "SessionTracker dump:\n"
        text += "Session Sets (\(self.sessions.count))/(\(self.sessions.count)):\n"
        for (session, state) in self.sessions.sorted(by: { $0.key < $1.key }) {
            text += "1 expire at \(Self.javaDate(expiry(state))):\n\t\(Self.hex(session))\n"
        }
        let ephemerals = self.database.tree.ephemerals
        text += "ephemeral nodes dump:\n"
        text += "Sessions with Ephemerals (\(ephemerals.count)):\n"
        for (session, paths) in ephemerals.sorted(by: { $0.key < $1.key }) {
            text += "\(Self.hex(session)):\n"
            for path in paths.sorted() { text += "\t\(path)\n" }
        }
        text += "Connections dump:\n"
        text += "Connections Sets (1)/(\(self.connections.count)):\n"
        text +=
            "\(self.connections.count) expire at \(Self.javaDate(nowMillis + Int64(self.configuration.tickTime))):\n"
        for connection in self.connections.values.sorted(by: { $0.id < $1.id }) {
            let session = connection.sessionId.map(Self.hex) ?? "0x0"
            text += "\tip: /\(connection.remoteHost):\(connection.remotePort) sessionId: \(session)\n"
        }
        return text
    }

    /// `java.util.Date.toString()` in UTC, e.g. `Thu Nov 26 14:56:10 UTC 2026`.
    static func javaDate(_ millis: Int64) -> String {
        var seconds = time_t(millis / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%a %b %d %H:%M:%S UTC %Y", &parts)
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func confText() -> String {
        let configuration = self.configuration
        let directory = configuration.dataDir + "/version-2"
        return """
            clientPort=\(configuration.clientPort)
            secureClientPort=-1
            dataDir=\(directory)
            dataDirSize=\(self.directorySize())
            dataLogDir=\(directory)
            dataLogSize=\(self.directorySize())
            tickTime=\(configuration.tickTime)
            maxClientCnxns=\(configuration.maxClientCnxns)
            minSessionTimeout=\(configuration.minSessionTimeout)
            maxSessionTimeout=\(configuration.maxSessionTimeout)
            clientPortListenBacklog=-1
            serverId=0

            """
    }

    private func environmentText() -> String {
        var name = utsname()
        uname(&name)
        func field<T>(_ value: T) -> String {
            withUnsafeBytes(of: value) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
        }
        let environment: [(String, String)] = [
            ("zookeeper.version", "\(Self.version), built on 01/01/1970 00:00 GMT"),
            ("host.name", field(name.nodename)),
            ("java.version", "none (samsa-meta is written in Swift)"),
            ("os.name", field(name.sysname)),
            ("os.arch", field(name.machine)),
            ("os.version", field(name.release)),
            ("user.name", Self.environmentValue("USER")),
            ("user.home", Self.environmentValue("HOME")),
            ("user.dir", Self.currentDirectory()),
        ]
        return "Environment:\n" + environment.map { "\($0.0)=\($0.1)\n" }.joined()
    }

    private func directorySize() -> Int {
        let directory = self.dataDirectory.path
        guard let names = try? FileSystem.list(directory) else { return 0 }
        var total = 0
        for name in names {
            var info = stat()
            if stat(directory + "/" + name, &info) == 0 { total += Int(info.st_size) }
        }
        return total
    }

    static func environmentValue(_ name: String) -> String {
        guard let value = getenv(name) else { return "" }
        return String(cString: value)
    }

    static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getcwd(&buffer, buffer.count) != nil else { return "" }
        return String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Java prints doubles with at least one decimal ("0.0", "1.25").
    static func decimal(_ value: Double) -> String {
        let scaled = (value * 10000).rounded() / 10000
        let text = "\(scaled)"
        return text.contains(".") ? text : text + ".0"
    }
}
