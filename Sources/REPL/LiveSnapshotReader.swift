import Foundation
import KafkaProtocol
import LiveView
import LocalCluster
import SamsaClient
import Synchronization

/// Reads what the live view shows with the REPL's own readers: the local cluster's processes and
/// faults (as `cluster status`), Metadata and ListOffsets (`Session.readTopics`), `group describe`
/// (`Session.describeGroup`) and the metadata watch (`ClusterEventWatcher`). Each part is read on
/// its own, so a slow one (a group whose coordinator just died) does not hold the others back.
struct LiveSnapshotReader: Sendable {
    /// The REPL's current cluster, which `cluster start` may replace while the page is open.
    final class CurrentCluster: Sendable {
        private let cluster = Mutex<LocalCluster?>(nil)

        var value: LocalCluster? {
            get { self.cluster.withLock { $0 } }
            set { self.cluster.withLock { $0 = newValue } }
        }
    }

    enum Source: Sendable {
        /// The cluster this REPL runs (`ui`).
        case local(CurrentCluster)
        /// A cluster started elsewhere (`samsa ui --bootstrap ... --zookeeper ...`, or `cluster
        /// attach` in the REPL, where the ZooKeeper may be left out).
        case remote(bootstrap: String, metadataServer: String?)
    }

    /// Where the Kafka questions go, and which leaders may be asked (nil: any in the metadata).
    struct Brokers: Sendable {
        var bootstrap: String
        var running: Set<Int32>?
    }

    let source: Source
    /// Members started with `consumer start`: their REPL names and generations.
    let consumers: BackgroundConsumers?

    var clusterName: String {
        switch self.source {
        case .local(let current): current.value?.layout.name ?? "-"
        case .remote(let bootstrap, _): bootstrap
        }
    }

    /// The servers as processes of this machine (local), or nil for a remote cluster (its
    /// brokers come from the metadata watch); with where to ask Kafka, or a note why not.
    func readProcesses() -> (servers: [LiveSnapshot.Server]?, brokers: Brokers?, note: String?) {
        switch self.source {
        case .remote(let bootstrap, _):
            return (nil, Brokers(bootstrap: bootstrap, running: nil), nil)
        case .local(let current):
            guard let cluster = current.value, let snapshot = cluster.snapshot() else {
                return ([], nil, "No cluster yet: `cluster start` in the REPL starts one.")
            }
            let view = Session.processView(snapshot, of: cluster)
            let servers = view.processes.map { process in
                LiveSnapshot.Server(
                    brokerID: process.role.brokerID, address: process.address, state: Self.state(process),
                    faults: process.faults)
            }
            let running = Session.brokersLongestUpFirst(snapshot)
            guard let first = running.first else {
                return (
                    servers, nil,
                    snapshot.isAnythingRunning
                        ? "No broker is up: `broker start ID` starts one."
                        : "The cluster is stopped: `cluster start` starts it."
                )
            }
            let note =
                snapshot.mode == .zookeeper
                ? nil : "Standalone mode: each broker is its own controller, nothing is replicated."
            return (
                servers,
                Brokers(
                    bootstrap: "127.0.0.1:\(first.port)",
                    running: Set(running.compactMap { $0.role.brokerID.map(Int32.init) })),
                note
            )
        }
    }

    private static func state(_ process: ClusterView.Process) -> LiveSnapshot.Server.State {
        switch process.state {
        case .stopped: .down
        case .paused: .paused
        case .running: process.faults.isEmpty ? .up : .faulted
        }
    }

    /// Every topic's partitions, with the leader and ISR of the metadata watch where it has them:
    /// the znodes are what the events describe, and a broker's metadata may trail them by a moment.
    func readTopics(_ brokers: Brokers, known: ClusterEventWatcher.Known?) async -> (
        controller: Int?, topics: [LiveSnapshot.Topic], brokers: [Int: String]
    )? {
        guard let answer = try? await Session.readTopics(bootstrap: brokers.bootstrap, running: brokers.running) else {
            return nil
        }
        let replicaLogEnds = await ReplicaLogEndReader.read(
            bootstrap: brokers.bootstrap, topics: answer.topics, running: brokers.running ?? Set(answer.brokers.keys))
        let topics = answer.topics.map { topic in
            LiveSnapshot.Topic(
                name: topic.name,
                partitions: topic.partitions.map { partition in
                    let state = known?.partitions["\(topic.name)-\(partition.partition)"]
                    let leader = state.map { $0.leader < 0 ? nil : $0.leader } ?? partition.leader
                    return LiveSnapshot.Partition(
                        partition: partition.partition, leader: leader, replicas: partition.replicas,
                        isr: state?.isr ?? partition.isr,
                        logEndOffset: partition.logEndOffset, highWatermark: partition.highWatermark,
                        replicaLogEndOffsets: replicaLogEnds["\(topic.name)-\(partition.partition)"] ?? [:])
                })
        }
        let controller = known?.controller ?? (answer.controller >= 0 ? Int(answer.controller) : nil)
        return (controller, topics, Dictionary(uniqueKeysWithValues: answer.brokers.map { (Int($0.key), $0.value) }))
    }

    /// The metadata server's sessions that nobody keeps alive: those without a connection (a
    /// killed or cut-off client) and those holding `/brokers/ids/N` of a broker this REPL sees
    /// paused or down (a stopped process keeps its socket open); from its `dump` (nil: no answer).
    func readExpiringSessions(servers: [LiveSnapshot.Server]?) -> [LiveSnapshot.ExpiringSession]? {
        guard let (host, port) = self.metadataServerAddress(),
            let dump = MetadataSessionDump.read(host: host, port: port)
        else { return nil }
        let silent = Set((servers ?? []).filter { $0.state == .down || $0.state == .paused }.compactMap(\.brokerID))
        return dump.sessions.compactMap { session in
            let broker = session.ephemerals.lazy.compactMap(MetadataSessionDump.brokerID(ofEphemeral:)).first
            guard !session.isConnected || broker.map(silent.contains) == true else { return nil }
            return LiveSnapshot.ExpiringSession(
                session: session.id, brokerID: broker, ephemerals: session.ephemerals.sorted(),
                expiresAt: session.expiresAt)
        }
    }

    /// Where the metadata server listens: the local one while it runs, else the first host of
    /// `--zookeeper` (its chroot left out).
    private func metadataServerAddress() -> (host: String, port: Int)? {
        switch self.source {
        case .local(let current):
            guard let server = current.value?.snapshot()?.metadataServer, server.state == .running else { return nil }
            return ("127.0.0.1", server.port)
        case .remote(_, let connect):
            guard let connect else { return nil }
            let first =
                connect.split(separator: "/", maxSplits: 1).first.flatMap { $0.split(separator: ",").first } ?? ""
            let parts = first.split(separator: ":")
            guard parts.count == 2, let port = Int(parts[1]) else { return nil }
            return (String(parts[0]), port)
        }
    }

    /// Every consumer group as `group describe` reads it; nil when no broker answered.
    func readGroups(_ brokers: Brokers) async -> [LiveSnapshot.Group]? {
        guard let client = try? KafkaClient(bootstrapServers: brokers.bootstrap, clientId: "samsa-live-view") else {
            return nil
        }
        let admin = KafkaAdmin(client: client)
        guard let listed = try? await admin.listGroups() else {
            await client.close()
            return nil
        }
        var groups: [LiveSnapshot.Group] = []
        for id in listed.map(\.groupId).sorted() {
            guard let described = try? await Session.describeGroup(admin, id) else { continue }
            groups.append(self.group(described))
        }
        await client.close()
        return groups
    }

    private func group(_ described: Session.DescribedGroup) -> LiveSnapshot.Group {
        let description = described.description
        let names = self.consumers?.namesByMemberId(group: description.groupId) ?? [:]
        let generation = self.consumers?.all.filter { $0.group == description.groupId && $0.generation >= 0 }.map(
            \.generation
        ).max()
        var owners: [TopicPartition: String] = [:]
        let members = description.members.map { member in
            let name = names[member.memberId] ?? member.clientId
            for partition in member.assignment { owners[partition] = name }
            return LiveSnapshot.Group.Member(
                name: name, memberID: member.memberId, host: member.clientHost,
                partitions: member.assignment.sorted().map { "\($0.topic)-\($0.partition)" })
        }.sorted { $0.name < $1.name }
        let offsets = described.partitions.map { partition, committed, logEndOffset in
            LiveSnapshot.Group.Offset(
                partition: "\(partition.topic)-\(partition.partition)", owner: owners[partition], committed: committed,
                logEndOffset: logEndOffset,
                lag: ConsumerGroupLag.lag(currentOffset: committed, logEndOffset: logEndOffset))
        }
        return LiveSnapshot.Group(
            id: description.groupId, state: description.state, generation: generation.map(Int.init),
            assignor: description.protocolName,
            members: members, offsets: offsets)
    }
}
