import CourseLanguage
import Foundation
import LocalCluster
import MetadataClient
import SamsaClient

extension CommandTable {
    static let clusterAttachCommands: [CommandSpec] = [
        CommandSpec(
            ["cluster", "attach"], positionals: [.init("BOOTSTRAP", .text)],
            options: [
                .init("--zookeeper", .text, "its ZooKeeper, HOST:PORT, for `meta ...` and live events")
            ],
            summary: "work on a Kafka cluster Samsa did not start (the outgrow path)",
            details: """
                BOOTSTRAP is host:port[,host:port...], as Kafka's bootstrap.servers. Views and clients work as on
                a local cluster (cluster status, topic ..., produce, consume, consumer ..., group ..., wait ...,
                ui); with --zookeeper also the metadata tree (meta ...) and live events. What needs Samsa's own
                processes or files (broker kill|stop|start|pause|resume|logs, fault ..., topic segments, cluster
                start|stop|destroy) is refused, saying why. `cluster detach` leaves it running.
                """,
            spanish: CommandHelp(
                summary: "trabaja con un clúster de Kafka que no arrancó Samsa (el camino para ir más allá)",
                details: """
                    BOOTSTRAP es host:puerto[,host:puerto...], como bootstrap.servers de Kafka. Las vistas y los
                    clientes funcionan como en un clúster local (cluster status, topic ..., produce, consume,
                    consumer ..., group ..., wait ..., ui); con --zookeeper también el árbol de metadatos (meta ...) y
                    los eventos en directo. Lo que necesita los procesos o los ficheros de Samsa (broker
                    kill|stop|start|pause|resume|logs, fault ..., topic segments, cluster start|stop|destroy) se
                    rechaza diciendo por qué. `cluster detach` lo deja en marcha.
                    """,
                options: ["--zookeeper": "su ZooKeeper, HOST:PUERTO, para `meta ...` y los eventos en directo"]),
            run: { session, arguments throws(REPLError) in try session.clusterAttach(arguments) }),
        CommandSpec(
            ["cluster", "detach"], summary: "stop working on the attached cluster (it keeps running)",
            spanish: CommandHelp(summary: "deja de trabajar con el clúster conectado (sigue en marcha)"),
            run: { session, _ throws(REPLError) in try session.clusterDetach() }),
    ]
}

/// `cluster attach` and `cluster detach`: the outgrow path (issue 18). On an attached cluster the
/// session has no processes and no files, only Kafka's protocol at BOOTSTRAP (and ZooKeeper's
/// with `--zookeeper`): `bootstrapServers()`, the metadata tree, the event watch and the live view
/// read from it; `Session.execute` refuses commands with a `CommandSpec.LocalNeed`.
extension Session {
    func clusterAttach(_ arguments: ParsedArguments) throws(REPLError) {
        let bootstrap = arguments.positionals[0]
        let zookeeper = arguments.value("--zookeeper")
        let target: AttachedCluster
        do {
            target = try AttachedCluster(bootstrap: bootstrap, zookeeper: zookeeper)
        } catch {
            guard case .notHostPort(let address) = error else { throw .client("\(error)") }
            throw .usage(
                self.language.pick(
                    es:
                        "'\(address)' no es HOST:PUERTO; por ejemplo `cluster attach 127.0.0.1:9092 --zookeeper 127.0.0.1:2181`",
                    en: "'\(address)' is not HOST:PORT; e.g. `cluster attach 127.0.0.1:9092 --zookeeper 127.0.0.1:2181`"
                ),
                usage: arguments.usage)
        }
        let language = self.language
        let metadata: ClusterMetadata
        do {
            metadata = try AsyncBridge.run { () async throws -> ClusterMetadata in
                let client = try KafkaClient(bootstrapServers: bootstrap, clientId: "samsa-repl")
                do {
                    let metadata = try await client.refreshMetadata(topics: nil)
                    await client.close()
                    return metadata
                } catch {
                    await client.close()
                    throw error
                }
            }
        } catch {
            throw .client(
                language.pick(
                    es:
                        "ningún broker de Kafka contesta en \(bootstrap) (\(error)); comprueba la dirección y que esté en marcha",
                    en: "no Kafka broker answers at \(bootstrap) (\(error)); check the address and that it is running"))
        }
        var registered: [String]?
        if let zookeeper {
            do {
                registered = try AsyncBridge.run { () async throws -> [String] in
                    let client = try ZooKeeperClient(connectString: zookeeper, sessionTimeout: .seconds(4))
                    do {
                        try await client.connect(timeout: .seconds(3))
                        let ids = (try? await client.getChildren("/brokers/ids")) ?? []
                        await client.close()
                        return ids
                    } catch {
                        await client.close()
                        throw error
                    }
                }
            } catch {
                throw .client(
                    language.pick(
                        es:
                            "ningún ZooKeeper contesta en \(zookeeper) (\(error)); sin --zookeeper se conecta solo a los brokers",
                        en:
                            "no ZooKeeper answers at \(zookeeper) (\(error)); without --zookeeper only the brokers are attached"
                    ))
            }
        }
        // Consumers and the watch belong to the cluster commands acted on until now.
        self.stopBackgroundWork()
        self.closeLiveViewOnSwitch()
        self.attached = target
        self.lastController = metadata.controllerId >= 0 ? metadata.controllerId : nil
        let topics = metadata.topics.values.filter { !$0.isInternal }.map(\.name).sorted()
        self.knownTopics = topics
        let ids = metadata.brokers.keys.sorted().map(String.init).joined(separator: ", ")
        let count = metadata.brokers.count
        let controller = self.lastController.map { language.pick(es: ", controller \($0)", en: ", controller \($0)") }
        let clusterId = metadata.clusterId.map { " (cluster id \($0))" } ?? ""
        self.console.print(
            language.pick(
                es:
                    "Conectado a \(bootstrap)\(clusterId): \(count) broker\(count == 1 ? "" : "s") (\(ids))\(controller ?? ""), "
                    + "\(topics.count) topic\(topics.count == 1 ? "" : "s").",
                en:
                    "Attached to \(bootstrap)\(clusterId): \(count) broker\(count == 1 ? "" : "s") (\(ids))\(controller ?? ""), "
                    + "\(topics.count) topic\(topics.count == 1 ? "" : "s")."))
        if let zookeeper, let registered {
            let list = registered.compactMap(Int.init).sorted().map(String.init).joined(separator: ", ")
            self.console.print(
                language.pick(
                    es:
                        "  árbol de metadatos en \(zookeeper): /brokers/ids tiene \(list.isEmpty ? "(nada)" : list); `meta ls /` lo recorre",
                    en:
                        "  metadata tree at \(zookeeper): /brokers/ids holds \(list.isEmpty ? "(nothing)" : list); `meta ls /` walks it"
                ))
        }
        self.console.print(
            language.pick(
                es:
                    "Samsa no arrancó este clúster: le habla solo por el protocolo de Kafka, así que matar, pausar o romper "
                    + "brokers se hace donde corren; `cluster detach` lo suelta.",
                en:
                    "Samsa did not start this cluster: it talks to it through Kafka's protocol only, so killing, pausing or "
                    + "breaking brokers is done where they run; `cluster detach` lets go of it."))
    }

    func clusterDetach() throws(REPLError) {
        guard let attached = self.attached else {
            throw .client(
                self.language.pick(
                    es: "no hay ningún clúster conectado; `cluster attach HOST:PUERTO` conecta con uno",
                    en: "no cluster is attached; `cluster attach HOST:PORT` attaches one"))
        }
        self.stopBackgroundWork()
        self.closeLiveViewOnSwitch()
        self.attached = nil
        self.lastController = nil
        self.knownTopics = []
        let local = self.cluster.flatMap { cluster in cluster.isRunning ? cluster.layout.name : nil }
        if let local {
            self.console.print(
                self.language.pick(
                    es:
                        "Desconectado de \(attached.bootstrap): sigue en marcha; los comandos vuelven al clúster local «\(local)».",
                    en:
                        "Detached from \(attached.bootstrap): it keeps running; commands go to local cluster \"\(local)\" again."
                ))
        } else {
            self.console.print(
                self.language.pick(
                    es:
                        "Desconectado de \(attached.bootstrap): sigue en marcha; ahora no hay clúster (`cluster start` arranca uno).",
                    en:
                        "Detached from \(attached.bootstrap): it keeps running; no cluster now (`cluster start` starts one)."
                ))
        }
        self.refreshController()
    }

    /// A live view reads one cluster from start to end: switching clusters closes it.
    private func closeLiveViewOnSwitch() {
        guard self.liveView != nil else { return }
        self.stopLiveView()
        self.console.print(
            self.language.pick(
                es: "Vista en directo cerrada: mostraba el otro clúster; `ui` abre una de este.",
                en: "Live view closed: it showed the other cluster; `ui` opens one for this one."))
    }

    /// `cluster status` of an attached cluster: the brokers its metadata lists (and its ZooKeeper,
    /// up if it answers `srvr`), the controller, and every topic's partitions as on a local cluster.
    func attachedStatus(_ attached: AttachedCluster) throws(REPLError) {
        let answer: TopicsAnswer
        do {
            answer = try AsyncBridge.run { try await Self.readTopics(bootstrap: attached.bootstrap, running: nil) }
        } catch {
            throw .client(
                self.language.pick(
                    es: "ningún broker contesta en \(attached.bootstrap) (\(error)); `cluster detach` lo suelta",
                    en: "no broker answers at \(attached.bootstrap) (\(error)); `cluster detach` lets go of it"))
        }
        var processes: [ClusterView.Process] = []
        if let zookeeper = attached.zookeeper {
            let isUp = attached.zookeeperAddress.flatMap {
                FourLetterWord.ask("srvr", host: $0.host, port: $0.port, timeout: .seconds(2))
            }
            processes.append(
                ClusterView.Process(role: .metadataServer, state: isUp == nil ? .stopped : .running, address: zookeeper)
            )
        }
        for (id, address) in answer.brokers.sorted(by: { $0.key < $1.key }) {
            processes.append(ClusterView.Process(role: .broker(Int(id)), state: .running, address: address))
        }
        self.lastController = answer.controller >= 0 ? answer.controller : nil
        self.knownTopics = answer.topics.map(\.name)
        var view = ClusterView(
            name: attached.bootstrap, mode: attached.zookeeper == nil ? .standalone : .zookeeper, folder: "",
            processes: processes, controller: self.lastController.map(Int.init), topics: answer.topics)
        view.isAttached = true
        view.attachedZooKeeper = attached.zookeeper
        self.console.print(
            ClusterDiagram.render(view, width: self.console.width, style: self.console.style, language: self.language))
    }
}
