import Synchronization

/// Work run in the background when asked for: asked again while running, it runs once more
/// afterwards (never twice at a time, never queued more than once), so a burst of events costs
/// one or two reads, not one per event.
final class CoalescedJob: Sendable {
    private struct State {
        var isRunning = false
        var isWanted = false
    }

    private let state = Mutex(State())
    private let work: @Sendable () async -> Void

    init(_ work: @escaping @Sendable () async -> Void) {
        self.work = work
    }

    func trigger() {
        let starts = self.state.withLock { state in
            if state.isRunning {
                state.isWanted = true
                return false
            }
            state.isRunning = true
            return true
        }
        guard starts else { return }
        Task {
            repeat {
                await self.work()
            } while self.state.withLock({ state in
                if state.isWanted {
                    state.isWanted = false
                    return true
                }
                state.isRunning = false
                return false
            })
        }
    }
}
