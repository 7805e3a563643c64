import Foundation
import LiveView
import Synchronization

/// Keeps the live view's page up to date: every event goes into the timeline and is pushed at
/// once; then the cluster is read again (processes and topics, and groups apart) and pushed again.
/// A command that ran asks for a read too. Nothing runs while nothing happens.
final class LiveViewPublisher: Sendable {
    /// How many events the page keeps.
    static let timelineLimit = 100
    /// A second read after an event, for what settles a moment later (high watermarks, followers' fetches).
    static let settleDelay = Duration.seconds(2)

    private struct State {
        var snapshot: LiveSnapshot
        var nextSequence = 1
        /// Brokers seen registered once (a remote cluster's down brokers are those gone since).
        var seenBrokers: [Int: String] = [:]
        var isSettleReadPending = false
        /// When the read scheduled for a session's expiry runs (ms since 1970), if one is.
        var expiryReadAt: Int64?
        var isStopped = false
    }

    let server: LiveViewServer
    private let reader: LiveSnapshotReader
    private let state: Mutex<State>
    private let watcherBox = Mutex<ClusterEventWatcher?>(nil)
    private let topicsJob: Mutex<CoalescedJob?> = Mutex(nil)
    private let groupsJob: Mutex<CoalescedJob?> = Mutex(nil)

    init(server: LiveViewServer, reader: LiveSnapshotReader) {
        self.server = server
        self.reader = reader
        self.state = Mutex(State(snapshot: LiveSnapshot(clusterName: reader.clusterName)))
        self.topicsJob.withLock { $0 = CoalescedJob { [weak self] in await self?.readServersAndTopics() } }
        self.groupsJob.withLock { $0 = CoalescedJob { [weak self] in await self?.readGroups() } }
    }

    /// The metadata watch whose controller epoch and partition states the page shows (nil: none running).
    var watcher: ClusterEventWatcher? {
        get { self.watcherBox.withLock { $0 } }
        set { self.watcherBox.withLock { $0 = newValue } }
    }

    /// An event line as the REPL prints it: into the timeline, pushed, then the cluster read again.
    /// `english`: the same line in English, which `TimelineEventKind` reads to sort it.
    func record(event text: String, english: String) {
        let now = Self.milliseconds(Date())
        let isStopped = self.change { state in
            state.snapshot.timeline.append(
                LiveSnapshot.Event(
                    sequence: state.nextSequence, at: now, text: text, kind: TimelineEventKind(line: english)))
            state.nextSequence += 1
            if state.snapshot.timeline.count > Self.timelineLimit {
                state.snapshot.timeline.removeFirst(state.snapshot.timeline.count - Self.timelineLimit)
            }
        }
        guard !isStopped else { return }
        self.refresh()
        self.refreshOnceSettled()
    }

    /// Reads the cluster again and pushes what changed.
    func refresh() {
        self.topicsJob.withLock { $0 }?.trigger()
        self.groupsJob.withLock { $0 }?.trigger()
    }

    func stop() {
        self.state.withLock { $0.isStopped = true }
        self.server.stop()
    }

    private func refreshOnceSettled() {
        let schedules = self.state.withLock { state in
            defer { state.isSettleReadPending = true }
            return !state.isSettleReadPending
        }
        guard schedules else { return }
        Task { [weak self] in
            try? await Task.sleep(for: Self.settleDelay)
            self?.state.withLock { $0.isSettleReadPending = false }
            self?.refresh()
        }
    }

    /// Applies `update` and publishes the result; returns whether the publisher was stopped (nothing done).
    @discardableResult
    private func change(_ update: (inout State) -> Void) -> Bool {
        let snapshot: LiveSnapshot? = self.state.withLock { state in
            guard !state.isStopped else { return nil }
            update(&state)
            state.snapshot.takenAt = Self.milliseconds(Date())
            return state.snapshot
        }
        guard let snapshot else { return true }
        self.server.publish(snapshot)
        return false
    }

    private func readServersAndTopics() async {
        let processes = self.reader.readProcesses()
        let known = await self.watcher?.current()
        let name = self.reader.clusterName
        let expiring = self.reader.readExpiringSessions(servers: processes.servers) ?? []
        self.change { $0.snapshot.expiringSessions = expiring }
        if let next = expiring.map(\.expiresAt).min() { self.readAgain(after: next) }
        if let servers = processes.servers {
            self.change { state in
                state.snapshot.servers = servers
                state.snapshot.clusterName = name
                state.snapshot.note = processes.note
                state.snapshot.controller = known?.controller ?? state.snapshot.controller
                state.snapshot.controllerEpoch = known?.controllerEpoch ?? state.snapshot.controllerEpoch
                if processes.brokers == nil { state.snapshot.topics = [] }
            }
        }
        guard var brokers = processes.brokers else { return }
        // A cluster started elsewhere: ask only leaders whose broker is registered (a dead one
        // would hold the request until it times out).
        if brokers.running == nil, let known { brokers.running = Set(known.brokers.map(Int32.init)) }
        let topics = await self.reader.readTopics(brokers, known: known)
        self.change { state in
            if let topics {
                state.snapshot.topics = topics.topics
                state.snapshot.controller = topics.controller
                for (id, address) in topics.brokers { state.seenBrokers[id] = address }
            }
            state.snapshot.controllerEpoch = known?.controllerEpoch ?? state.snapshot.controllerEpoch
            if processes.servers == nil {
                state.snapshot.servers = Self.remoteServers(known: known, seen: state.seenBrokers, reader: self.reader)
                state.snapshot.note = topics == nil ? "No broker at \(brokers.bootstrap) answers." : nil
            }
        }
    }

    /// One read just after a session's announced expiry, so the page drops it even when its end
    /// raises no event (a session that held no znode). Only while a session is expiring; a
    /// session still listed long after its time is not chased.
    private func readAgain(after expiry: Int64) {
        let now = Self.milliseconds(Date())
        guard expiry > now - 5_000 else { return }
        let at = max(expiry, now) + 1_000
        let schedules = self.state.withLock { state in
            guard !state.isStopped, state.expiryReadAt.map({ at < $0 || $0 < now }) ?? true else { return false }
            state.expiryReadAt = at
            return true
        }
        guard schedules else { return }
        Task { [weak self] in
            try? await Task.sleep(for: .milliseconds(min(at - now, 120_000)))
            self?.state.withLock { if $0.expiryReadAt == at { $0.expiryReadAt = nil } }
            self?.refresh()
        }
    }

    private func readGroups() async {
        guard let brokers = self.reader.readProcesses().brokers, let groups = await self.reader.readGroups(brokers)
        else { return }
        self.change { $0.snapshot.groups = groups }
    }

    /// A cluster started elsewhere: the metadata server is up while the watch is connected; a
    /// broker is up while its `/brokers/ids` znode exists.
    private static func remoteServers(
        known: ClusterEventWatcher.Known?, seen: [Int: String], reader: LiveSnapshotReader
    ) -> [LiveSnapshot.Server] {
        var servers: [LiveSnapshot.Server] = []
        if case .remote(_, let metadataServer?) = reader.source {
            servers.append(
                LiveSnapshot.Server(brokerID: nil, address: metadataServer, state: known == nil ? .down : .up))
        }
        let ids = Set(seen.keys).union(known?.brokers ?? [])
        for id in ids.sorted() {
            let isUp = known.map { $0.brokers.contains(id) } ?? true
            servers.append(LiveSnapshot.Server(brokerID: id, address: seen[id] ?? "?", state: isUp ? .up : .down))
        }
        return servers
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
