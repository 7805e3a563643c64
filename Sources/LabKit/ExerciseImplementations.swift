import LabExerciseKit
import Lab2Exercise
import Lab4Exercise
import Lab5Exercise
import Lab6Exercise
import SamsaClient

/// The Swift code the exercise checks run: the student's (`LabExercises`, built from
/// `labs/NN-slug/exercise/`) unless the caller passes other code, such as the reference solutions.
public struct ExerciseImplementations: Sendable {
    public var partition: @Sendable (_ key: String?, _ partitionCount: Int) throws -> Int
    public var makeProcessor: @Sendable () -> any DeduplicatingProcessor
    public var makeListener: @Sendable (ProcessedPositions, any OffsetCommitter) throws -> any RebalanceListener
    public var producerSettings: @Sendable () throws -> ProducerSettings

    public init(
        partition: @escaping @Sendable (String?, Int) throws -> Int,
        makeProcessor: @escaping @Sendable () -> any DeduplicatingProcessor,
        makeListener: @escaping @Sendable (ProcessedPositions, any OffsetCommitter) throws -> any RebalanceListener,
        producerSettings: @escaping @Sendable () throws -> ProducerSettings
    ) {
        self.partition = partition
        self.makeProcessor = makeProcessor
        self.makeListener = makeListener
        self.producerSettings = producerSettings
    }

    /// The student's exercises as compiled into this build.
    public static let student = ExerciseImplementations(
        partition: { try VipPartitioner.partition(key: $0, partitionCount: $1) },
        makeProcessor: { ExactlyOnceProcessor() },
        makeListener: { try CommitOnRevokeListener.make(positions: $0, committer: $1) },
        producerSettings: { try TunedProducer.settings() }
    )
}
