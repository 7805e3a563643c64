import Foundation
import KafkaProtocol
import LabExerciseKit
import LabKit
import SamsaClient
import SamsaTesting
import XCTest

#if canImport(Lab2Solution)
    import Lab2Solution
    import Lab4Solution
    import Lab5Solution
    import Lab6Solution
#endif

/// Where the labs live, and the submissions the self-tests grade: the reference solution, the
/// untouched starter, and a plausible wrong one per lab.
enum LabFixtures {
    static let labsRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("labs", isDirectory: true)

    static func catalog() throws -> LabCatalog { try LabCatalog(root: Self.labsRoot) }

    static var hasSolutions: Bool {
        #if canImport(Lab2Solution)
            true
        #else
            false
        #endif
    }

    /// The reference solutions' Swift code (the student export has none).
    static var reference: ExerciseImplementations? {
        #if canImport(Lab2Solution)
            ExerciseImplementations(
                partition: { try Lab2Solution.VipPartitioner.partition(key: $0, partitionCount: $1) },
                makeProcessor: { Lab4Solution.RedeliveryFilter() },
                makeListener: { try Lab5Solution.CommitOnRevokeListener.make(positions: $0, committer: $1) },
                producerSettings: { try Lab6Solution.TunedProducer.settings() })
        #else
            nil
        #endif
    }

    /// The reference solutions' code, or a skip where they are absent (the student export has
    /// none). The repository always has them, so under CI=true their absence is a failure.
    static func requireReference(file: StaticString = #filePath, line: UInt = #line) throws -> ExerciseImplementations {
        try Self.requireSolutions(file: file, line: line)
        guard let code = Self.reference else { throw XCTSkip("no reference solutions") }
        return code
    }

    static func requireSolutions(file: StaticString = #filePath, line: UInt = #line) throws {
        guard !Self.hasSolutions else { return }
        if ExternalTool.isCI {
            XCTFail(
                "labs/*/solution/ is missing: the repository's checkers need the reference solutions", file: file,
                line: line)
        }
        throw XCTSkip("no reference solutions (student export)")
    }

    /// A submission folder in `directory` holding `answers` and `commands` (file contents).
    static func submission(in directory: URL, answers: String?, commands: String?) throws -> URL {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        if let answers {
            try Data(answers.utf8).write(to: directory.appendingPathComponent(AnswersFile.fileName))
        }
        if let commands {
            try Data(commands.utf8).write(to: directory.appendingPathComponent(CommandLog.fileName))
        }
        return directory
    }

    /// The student the self-tests grade for: the reference files are filled with their values.
    static let student = try! StudentID("alumna-c")

    /// A lab file as `id` gets it: placeholders (`⟨PAY_LEADER⟩`) filled with their values.
    static func text(_ lab: LabManifest, _ relative: String, for id: StudentID? = Self.student) throws -> String {
        let text = try String(
            contentsOf: Self.labsRoot.appendingPathComponent(lab.folderName).appendingPathComponent(relative),
            encoding: .utf8)
        return lab.variant(for: id).fill(text)
    }
}

/// Plausible wrong code: each gets one idea wrong that students get wrong.
enum WrongCode {
    /// Lab 2: Kafka's default placement, forgetting that partition 0 is reserved.
    static let plainMurmurPartitioner: @Sendable (String?, Int) throws -> Int = { key, count in
        guard let key else { return 1 }
        if key.hasPrefix("vip-") { return 0 }
        return keyHash(key) % count
    }

    /// Lab 4: commits the last processed offset instead of the next one to read.
    struct OffByOneProcessor: DeduplicatingProcessor {
        var last: [Int32: Int64] = [:]
        mutating func shouldProcess(_ record: DeliveredRecord) throws -> Bool {
            if let seen = self.last[record.partition], record.offset <= seen { return false }
            self.last[record.partition] = record.offset
            return true
        }
        func offsetToCommit(partition: Int32) throws -> Int64? { self.last[partition] }
    }

    /// Lab 5: commits lost partitions too (Kafka's default `onPartitionsLost` calls revoke).
    struct CommitsWhenLost: RebalanceListener {
        let positions: ProcessedPositions
        let committer: any OffsetCommitter
        func partitionsAssigned(_ partitions: [TopicPartition]) async {}
        func partitionsRevoked(_ partitions: [TopicPartition]) async {
            var offsets: [TopicPartition: Int64] = [:]
            for partition in partitions {
                if let last = self.positions.lastProcessed(partition) { offsets[partition] = last + 1 }
            }
            try? await self.committer.commit(offsets)
        }
    }

    /// Lab 6: fast but not durable.
    static let fastButLossySettings = ProducerSettings(acks: "1", lingerMs: 20, batchSize: 131_072, compression: "lz4")

    /// The reference code with one piece replaced.
    static func replacing(
        _ base: ExerciseImplementations,
        partition: (@Sendable (String?, Int) throws -> Int)? = nil,
        makeProcessor: (@Sendable () -> any DeduplicatingProcessor)? = nil,
        makeListener: (@Sendable (ProcessedPositions, any OffsetCommitter) throws -> any RebalanceListener)? = nil,
        producerSettings: (@Sendable () throws -> ProducerSettings)? = nil
    ) -> ExerciseImplementations {
        ExerciseImplementations(
            partition: partition ?? base.partition, makeProcessor: makeProcessor ?? base.makeProcessor,
            makeListener: makeListener ?? base.makeListener, producerSettings: producerSettings ?? base.producerSettings
        )
    }
}
