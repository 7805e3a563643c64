import LabExerciseKit

/// Lab 6 — producer settings for this target (README.es.md or README.md, step 7):
///   - at least 50,000 records/s of 100-byte records with `kafka-producer-perf-test`;
///   - no acknowledged record may be lost when one broker dies;
///   - the network and disk carry less than the raw bytes (the records are repetitive text).
/// Use what you measured: batching (linger.ms, batch.size), acks, compression.type.
public enum TunedProducer {
    public static func settings() throws -> ProducerSettings {
        throw ExerciseNotDone()  // delete this line and return your settings
        // return ProducerSettings(acks: "...", lingerMs: ..., batchSize: ..., compression: "...")
    }
}
