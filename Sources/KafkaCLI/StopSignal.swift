import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C (SIGINT) and SIGTERM for tools that run until stopped, such as the console consumer:
/// the first one sets `isRequested` so the tool finishes its loop and prints its summary, as
/// Kafka's shutdown hook does. Only installed for a real console; in-process tests never see it.
///
/// `@unchecked Sendable`: `sources` is written once, in `install`, before the object is shared.
final class StopSignal: @unchecked Sendable {
    private let requested = Mutex(false)
    private var sources: [any DispatchSourceSignal] = []

    /// `onStop` runs once, on the first signal, for tools that cannot notice the flag themselves
    /// (the console producer waits in a read of stdin).
    static func install(if console: any ToolConsole, onStop: (@Sendable () -> Void)? = nil) -> StopSignal {
        let stop = StopSignal()
        guard console.isProcessConsole else { return stop }
        stop.sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak stop] in
                guard let stop, !stop.isRequested else { return }
                stop.request()
                onStop?()
            }
            source.resume()
            return source
        }
        return stop
    }

    func request() { self.requested.withLock { $0 = true } }
    var isRequested: Bool { self.requested.withLock { $0 } }

    deinit {
        for source in self.sources { source.cancel() }
    }
}
