import Synchronization

/// Record bytes fetch responses sent, by how: the evidence that the zero-copy path is the one in
/// use. Logged when the broker stops (`BrokerServer`).
final class FetchTransferCounters: Sendable {
    private let sendfileBytes = Atomic<Int>(0)
    private let copiedBytes = Atomic<Int>(0)

    func sentWithSendfile(_ count: Int) { self.sendfileBytes.add(count, ordering: .relaxed) }
    func copied(_ count: Int) { self.copiedBytes.add(count, ordering: .relaxed) }

    var sentWithSendfile: Int { self.sendfileBytes.load(ordering: .relaxed) }
    var copied: Int { self.copiedBytes.load(ordering: .relaxed) }
}
