/// The controller's decisions, as pure functions so they can be read and tested alone. They follow
/// Kafka's ZooKeeper-mode controller (`PartitionLeaderElectionAlgorithms`, `AdminUtils`).
enum PartitionLeaderElection {
    struct Outcome: Equatable {
        var leader: Int32
        var isr: [Int32]
        /// The leader was not in the ISR: it may lack acknowledged records, which are then lost.
        var isUnclean: Bool
    }

    /// A partition lost its leader: the first replica (in assignment order) that is alive and in
    /// the ISR leads. With no such replica, `unclean.leader.election.enable` lets any live replica
    /// lead (losing what it never copied); otherwise the partition stays offline (nil).
    static func offlinePartitionLeader(assignment: [Int32], isr: [Int32], live: Set<Int32>, uncleanAllowed: Bool)
        -> Outcome?
    {
        if let leader = assignment.first(where: { live.contains($0) && isr.contains($0) }) {
            return Outcome(leader: leader, isr: isr.filter { live.contains($0) }, isUnclean: false)
        }
        if uncleanAllowed, let leader = assignment.first(where: { live.contains($0) }) {
            return Outcome(leader: leader, isr: [leader], isUnclean: true)
        }
        return nil
    }

    /// A broker is shutting down cleanly: move leadership to the first replica that is alive, in
    /// the ISR and not shutting down; the shutting-down brokers leave the ISR
    /// (`controlledShutdownPartitionLeaderElection`).
    static func controlledShutdownLeader(assignment: [Int32], isr: [Int32], live: Set<Int32>, shuttingDown: Set<Int32>)
        -> Outcome?
    {
        guard
            let leader = assignment.first(where: { live.contains($0) && isr.contains($0) && !shuttingDown.contains($0) }
            )
        else { return nil }
        return Outcome(leader: leader, isr: isr.filter { !shuttingDown.contains($0) }, isUnclean: false)
    }

    /// Preferred leader election: the first replica of the assignment, if it is alive and in sync.
    static func preferredLeader(assignment: [Int32], isr: [Int32], live: Set<Int32>) -> Int32? {
        guard let preferred = assignment.first, live.contains(preferred), isr.contains(preferred) else { return nil }
        return preferred
    }

    /// Kafka's rack-unaware assignment: partition p's first replica is broker `(p + start) % n`,
    /// followers are shifted so replicas and leaders spread evenly. Kafka picks `start` and
    /// `shift` at random; Samsa passes 0 so a lab's layout is the same on every machine.
    static func assignReplicas(
        partitions: Int32, replicationFactor: Int16, brokers: [Int32], startIndex: Int = 0, shift: Int = 0
    )
        -> [Int32: [Int32]]
    {
        let brokers = brokers.sorted()
        let count = brokers.count
        guard count > 0, replicationFactor >= 1, Int(replicationFactor) <= count else { return [:] }
        var result: [Int32: [Int32]] = [:]
        var nextReplicaShift = shift
        for partition in 0..<Int(partitions) {
            if partition > 0 && partition % count == 0 { nextReplicaShift += 1 }
            let first = (partition + startIndex) % count
            var replicas = [brokers[first]]
            for index in 0..<(Int(replicationFactor) - 1) {
                let offset = 1 + (nextReplicaShift + index) % (count - 1)
                replicas.append(brokers[(first + offset) % count])
            }
            result[Int32(partition)] = replicas
        }
        return result
    }
}
