import Lab2Exercise
import Lab4Exercise
import Lab5Exercise
import Lab6Exercise
import LabKit

/// The student's exercises as compiled into this build (labs/NN-slug/exercise/). Kept out of
/// LabKit so that the REPL never links student code: an exercise that does not compile yet must
/// not stop `swift run samsa`.
extension ExerciseImplementations {
    public static let student = ExerciseImplementations(
        partition: { try VipPartitioner.partition(key: $0, partitionCount: $1) },
        makeProcessor: { RedeliveryFilter() },
        makeListener: { try CommitOnRevokeListener.make(positions: $0, committer: $1) },
        producerSettings: { try TunedProducer.settings() }
    )
}
