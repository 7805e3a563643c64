import CourseLanguage
import Foundation
import LocalCluster
import MetadataClient
import ZooKeeperProtocol

extension CommandTable {
    static let metaCommands: [CommandSpec] = [
        CommandSpec(
            ["meta", "ls"], positionals: [.init("PATH", .metaPath, isRequired: false)],
            summary: "children of a znode in the metadata tree",
            spanish: CommandHelp(summary: "los hijos de un znode del árbol de metadatos"),
            run: { session, arguments throws(REPLError) in try session.runMetaCommand(.ls, arguments) }),
        CommandSpec(
            ["meta", "get"], positionals: [.init("PATH", .metaPath)], summary: "a znode's data (JSON shown pretty)",
            spanish: CommandHelp(summary: "los datos de un znode (el JSON, bien presentado)"),
            run: { session, arguments throws(REPLError) in try session.runMetaCommand(.get, arguments) }),
        CommandSpec(
            ["meta", "stat"], positionals: [.init("PATH", .metaPath)],
            summary: "a znode's version, owner session, times",
            spanish: CommandHelp(summary: "la versión, la sesión dueña y las horas de un znode"),
            run: { session, arguments throws(REPLError) in try session.runMetaCommand(.stat, arguments) }),
    ]
}

/// `meta ls|get|stat PATH`: the metadata tree the brokers keep in `samsa-meta`, read through
/// `ZooKeeperClient` as `zookeeper-shell` does.
extension Session {
    enum MetaCommand: Sendable {
        case ls, get, stat
    }

    /// Where the metadata tree is read: the attached cluster's `--zookeeper`, else the local
    /// metadata server while it runs.
    func metadataTreeConnectString() throws(REPLError) -> String {
        if let attached = self.attached {
            guard let zookeeper = attached.zookeeper else {
                throw .client(
                    self.language.pick(
                        es:
                            "el clúster de \(attached.bootstrap) se conectó sin --zookeeper, así que no hay árbol de metadatos que leer: "
                            + "`cluster attach \(attached.bootstrap) --zookeeper HOST:PORT` lo nombra",
                        en:
                            "the cluster at \(attached.bootstrap) was attached without --zookeeper, so there is no metadata tree to read: "
                            + "`cluster attach \(attached.bootstrap) --zookeeper HOST:PORT` names it"))
            }
            return zookeeper
        }
        guard let snapshot = self.cluster?.snapshot(), let server = snapshot.metadataServer, server.state == .running
        else {
            if self.cluster?.snapshot()?.mode == .standalone {
                throw .client(
                    self.language.pick(
                        es:
                            "un clúster --standalone no tiene servidor de metadatos; `cluster start` sin esa opción arranca uno",
                        en: "a --standalone cluster has no metadata server; `cluster start` without it runs one"))
            }
            throw .cluster(.noCluster(name: self.cluster?.layout.name ?? self.configuration.clusterName))
        }
        return "127.0.0.1:\(server.port)"
    }

    func runMetaCommand(_ verb: MetaCommand, _ arguments: ParsedArguments) throws(REPLError) {
        let connect = try self.metadataTreeConnectString()
        let path = arguments.positionals.first ?? "/"
        guard path.hasPrefix("/") else {
            throw .usage(
                self.language.pick(
                    es: "PATH empieza en la raíz, por ejemplo /brokers/ids",
                    en: "PATH starts at the root, e.g. /brokers/ids"),
                usage: arguments.usage)
        }
        let language = self.language
        let text: String
        do {
            text = try AsyncBridge.run { () async throws -> String in
                let client = try ZooKeeperClient(connectString: connect, sessionTimeout: .seconds(4))
                do {
                    try await client.connect(timeout: .seconds(3))
                    let answer: String
                    switch verb {
                    case .ls:
                        let children = try await client.getChildren(path)
                        answer =
                            children.isEmpty
                            ? language.pick(es: "(sin hijos)", en: "(no children)") : children.joined(separator: "\n")
                    case .get:
                        let (data, _) = try await client.getData(path)
                        answer = Self.pretty(data, language: language)
                    case .stat:
                        guard let stat = try await client.exists(path) else {
                            throw ZooKeeperClientError.server(.noNode, path: path)
                        }
                        answer = Self.statLines(stat, language: language).joined(separator: "\n")
                    }
                    await client.close()
                    return answer
                } catch {
                    await client.close()
                    throw error
                }
            }
        } catch let error as ZooKeeperClientError {
            if case .server(.noNode, _) = error {
                throw .client(
                    self.language.pick(
                        es: "\(path) no existe; `meta ls \(Self.parent(of: path))` muestra lo que hay",
                        en: "\(path) does not exist; `meta ls \(Self.parent(of: path))` shows what is there"))
            }
            throw .client("\(error)")
        } catch let error as REPLError {
            throw error
        } catch {
            throw .client("\(error)")
        }
        self.console.print(text)
    }

    static func parent(of path: String) -> String {
        guard let slash = path.dropLast().lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// JSON on one line when it is short (`{ "leader": 2, "isr": [2,3] }`), else pretty-printed, keys
    /// sorted; other data as text, or its size when binary.
    static func pretty(_ data: [UInt8], language: Language = .en) -> String {
        if data.isEmpty { return language.pick(es: "(sin datos)", en: "(no data)") }
        let bytes = Data(data)
        if let object = try? JSONSerialization.jsonObject(with: bytes) as? [String: Any] {
            let fields = object.keys.sorted().compactMap { key -> String? in
                guard let value = object[key],
                    let encoded = try? JSONSerialization.data(
                        withJSONObject: value, options: [.fragmentsAllowed, .sortedKeys, .withoutEscapingSlashes]),
                    let text = String(data: encoded, encoding: .utf8)
                else { return nil }
                return "\"\(key)\": \(text)"
            }
            let line = "{ " + fields.joined(separator: ", ") + " }"
            if fields.count == object.count, line.count <= 100 { return line }
        }
        if let object = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]),
            object is [String: Any] || object is [Any],
            let formatted = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            let text = String(data: formatted, encoding: .utf8)
        {
            return text
        }
        return String(bytes: data, encoding: .utf8)
            ?? language.pick(es: "(\(data.count) bytes de datos binarios)", en: "(\(data.count) bytes of binary data)")
    }

    /// The label `meta stat` prints before the owning session; lab hints quote it.
    static let ephemeralOwnerLabel = "ephemeral owner"

    /// ZooKeeper's field names stay as ZooKeeper spells them (`ephemeral owner` is ephemeralOwner);
    /// what they mean is said in the session's language.
    static func statLines(_ stat: Stat, language: Language = .en) -> [String] {
        let es = language == .es
        let session = "0x" + String(stat.ephemeralOwner, radix: 16)
        let owner =
            stat.ephemeralOwner == 0
            ? (es ? "ninguno (persistente)" : "none (persistent)") : (es ? "sesión " : "session ") + session
        return TextTable.aligned([
            ["version", "\(stat.version)  " + (es ? "(cambios de datos)" : "(data changes)")],
            ["cversion", "\(stat.cversion)  " + (es ? "(cambios de hijos)" : "(child changes)")],
            [es ? "hijos" : "children", "\(stat.numChildren)"],
            [es ? "tamaño de datos" : "data length", "\(stat.dataLength) bytes"],
            [Self.ephemeralOwnerLabel, owner],
            [es ? "creado" : "created", Self.time(stat.ctime) + "  zxid 0x" + String(stat.czxid, radix: 16)],
            [es ? "modificado" : "modified", Self.time(stat.mtime) + "  zxid 0x" + String(stat.mzxid, radix: 16)],
        ])
    }

    static func time(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        return formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
