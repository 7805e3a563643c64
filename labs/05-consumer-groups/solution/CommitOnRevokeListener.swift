import KafkaProtocol
import LabExerciseKit
import SamsaClient

/// Lab 5 reference solution.
public struct CommitOnRevokeListener: RebalanceListener {
    let positions: ProcessedPositions
    let committer: any OffsetCommitter

    public static func make(positions: ProcessedPositions, committer: any OffsetCommitter) throws -> any RebalanceListener {
        CommitOnRevokeListener(positions: positions, committer: committer)
    }

    public func partitionsAssigned(_ partitions: [TopicPartition]) async {}

    public func partitionsRevoked(_ partitions: [TopicPartition]) async {
        var offsets: [TopicPartition: Int64] = [:]
        for partition in partitions {
            if let last = self.positions.lastProcessed(partition) { offsets[partition] = last + 1 }
        }
        if !offsets.isEmpty { try? await self.committer.commit(offsets) }
        for partition in partitions { self.positions.forget(partition) }
    }

    public func partitionsLost(_ partitions: [TopicPartition]) async {
        for partition in partitions { self.positions.forget(partition) }
    }
}
