import KafkaProtocol
import Synchronization

/// Lets a fetch wait for new data ("delayed fetch" in Kafka's purgatory): a Fetch whose
/// `min_bytes` is not met parks here until a produce appends to one of its partitions or its
/// `max_wait_ms` runs out, instead of polling the log.
final class AppendWaiters: Sendable {
    private struct Waiter {
        let partitions: Set<TopicPartition>
        let continuation: CheckedContinuation<Void, Never>
    }

    private let waiters = Mutex<[UInt64: Waiter]>([:])
    private let nextId = Atomic<UInt64>(0)

    /// Returns when one of `partitions` gets an append, when `timeout` passes, or when the
    /// calling task is cancelled, whichever comes first.
    func wait(for partitions: Set<TopicPartition>, timeout: Duration) async {
        guard timeout > .zero, !partitions.isEmpty else { return }
        let id = self.nextId.wrappingAdd(1, ordering: .relaxed).newValue
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                self.waiters.withLock { $0[id] = Waiter(partitions: partitions, continuation: continuation) }
                Task {
                    try? await Task.sleep(for: timeout)
                    self.resume(id)
                }
            }
        } onCancel: {
            self.resume(id)
        }
    }

    /// Wakes every fetch waiting on `partition`.
    func notifyAppend(to partition: TopicPartition) {
        let woken = self.waiters.withLock { waiters -> [CheckedContinuation<Void, Never>] in
            guard !waiters.isEmpty else { return [] }
            let ids = waiters.filter { $0.value.partitions.contains(partition) }.map(\.key)
            return ids.compactMap { waiters.removeValue(forKey: $0)?.continuation }
        }
        for continuation in woken { continuation.resume() }
    }

    private func resume(_ id: UInt64) {
        self.waiters.withLock { $0.removeValue(forKey: id) }?.continuation.resume()
    }
}
