import Foundation

/// Runs async client work from the REPL's synchronous command loop (the main thread, never a
/// task of the cooperative pool) and waits for its result.
enum AsyncBridge {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                box.set(.success(try await work()))
            } catch {
                box.set(.failure(error))
            }
            done.signal()
        }
        done.wait()
        return try box.get()
    }

    /// The result handed from the task to the waiting thread, behind a lock.
    private final class Box<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var result: Result<T, any Error>?

        func set(_ result: Result<T, any Error>) {
            self.lock.lock()
            self.result = result
            self.lock.unlock()
        }

        func get() throws -> T {
            self.lock.lock()
            defer { self.lock.unlock() }
            guard let result = self.result else { throw REPLError.file("the request ended without an answer") }
            return try result.get()
        }
    }
}
