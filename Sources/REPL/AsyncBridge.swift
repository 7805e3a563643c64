import CourseLanguage
import Dispatch
import Synchronization

/// The one way synchronous code in Samsa waits for async work: the REPL's command loop and
/// `samsa`'s `main` run on a thread of their own (never a task of the cooperative pool), start
/// the work as a detached task and block until it answers. A detached task, so the work never
/// inherits an actor the waiting thread might hold.
public enum AsyncBridge {
    /// Runs `work` and returns its result or rethrows its error.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let slot = Slot<Result<T, any Error>>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            do {
                slot.fill(.success(try await work()))
            } catch {
                slot.fill(.failure(error))
            }
            done.signal()
        }
        done.wait()
        guard let outcome = slot.value else {
            throw REPLError.file(
                Language.preferred.pick(
                    es: "la petición terminó sin respuesta", en: "the request ended without an answer"))
        }
        return try outcome.get()
    }

    /// Runs work that cannot fail, such as a subcommand returning its exit status.
    public static func waitFor<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let slot = Slot<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            slot.fill(await work())
            done.signal()
        }
        done.wait()
        // The task filled the slot before signalling.
        return slot.value!
    }

    /// The answer handed from the task to the waiting thread.
    private final class Slot<T: Sendable>: Sendable {
        private let stored = Mutex<T?>(nil)
        func fill(_ value: T) { self.stored.withLock { $0 = value } }
        var value: T? { self.stored.withLock { $0 } }
    }
}
