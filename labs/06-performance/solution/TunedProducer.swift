import LabExerciseKit

/// Lab 6 reference solution.
public enum TunedProducer {
    public static func settings() throws -> ProducerSettings {
        ProducerSettings(acks: "all", lingerMs: 20, batchSize: 131_072, compression: "lz4")
    }
}
