import Foundation

/// Hands out producer ids for idempotent producers (InitProducerId). Ids are reserved in blocks of
/// 1000 and the end of the current block is saved first, as Kafka's `ProducerIdManager` does with
/// `/latest_producer_id_block`, so an id is never given twice even after a crash.
actor ProducerIdManager {
    static let blockSize: Int64 = 1000
    static let fileName = "samsa-producer-id-block"

    private let path: String
    private var next: Int64
    private var blockEnd: Int64

    init(directory: String) {
        self.path = "\(directory)/\(Self.fileName)"
        let saved = (try? String(contentsOfFile: self.path, encoding: .utf8)).flatMap {
            Int64($0.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        self.next = saved ?? 0
        self.blockEnd = self.next
    }

    func nextProducerId() throws -> Int64 {
        if self.next >= self.blockEnd {
            let end = self.next + Self.blockSize
            try "\(end)\n".write(toFile: self.path, atomically: true, encoding: .utf8)
            self.blockEnd = end
        }
        defer { self.next += 1 }
        return self.next
    }
}
