import LabExerciseKit
import SamsaClient

/// The Swift code the exercise checks run: the student's (`ExerciseImplementations.student` in
/// LabStudentExercises, built from `labs/NN-slug/exercise/`) or the reference solutions (tests).
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
}
