import KafkaProtocol
import LabExerciseKit
import SamsaClient

/// Lab 5 — commit before a rebalance takes partitions away (see README.es.md or README.md, step 8).
///
/// `positions` holds the last offset processed per partition (the poll loop fills it);
/// `committer.commit` commits offsets, each the *next* offset to read.
///   - partitionsRevoked: commit the revoked partitions that have a processed offset, then forget
///     them. Commit nothing for partitions you keep.
///   - partitionsLost: the member was thrown out (session timeout); another member may own them
///     already, so do NOT commit: just forget them.
///   - partitionsAssigned: nothing to commit.
public struct CommitOnRevokeListener: RebalanceListener {
    let positions: ProcessedPositions
    let committer: any OffsetCommitter

    public static func make(positions: ProcessedPositions, committer: any OffsetCommitter) throws -> any RebalanceListener {
        throw ExerciseNotDone()  // replace this line, once the three methods below are written, with:
        // return CommitOnRevokeListener(positions: positions, committer: committer)
    }

    public func partitionsAssigned(_ partitions: [TopicPartition]) async {
    }

    public func partitionsRevoked(_ partitions: [TopicPartition]) async {
    }

    public func partitionsLost(_ partitions: [TopicPartition]) async {
    }
}
