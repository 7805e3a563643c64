import Foundation

/// Things that happen in the cluster on their own (a session expires, a leader moves, a group
/// rebalances), printed as they happen with the time since the command that set them off
/// (`+4.1 s`). Interactive sessions print them above the prompt; scripts keep them quiet so their
/// output stays the same from run to run (`wait ...` states the outcome instead).
///
/// `@unchecked Sendable`: the mutable fields are touched only while holding `lock`; reports come
/// from the watcher's and the consumers' tasks.
public final class EventFeed: @unchecked Sendable {
    private let console: Console
    private let lock = NSLock()
    private var commandStartedAt = ContinuousClock.now
    private var live: Bool
    private var currentController: Int32?
    private var observer: (@Sendable (String) -> Void)?

    init(console: Console, isLive: Bool) {
        self.console = console
        self.live = isLive
    }

    /// Whether events are printed (interactive) or dropped (scripts).
    public var isLive: Bool {
        get { self.lock.withLock { self.live } }
        set { self.lock.withLock { self.live = newValue } }
    }

    /// The controller as last seen (Metadata after a command, `/controller` in between), for the prompt.
    var controller: Int32? {
        get { self.lock.withLock { self.currentController } }
        set { self.lock.withLock { self.currentController = newValue } }
    }

    /// The start of a command: the time events are measured from.
    func commandStarted() {
        self.lock.withLock { self.commandStartedAt = ContinuousClock.now }
    }

    /// Also called with every event, printed or not (the live view's timeline); nil: nobody.
    var onEvent: (@Sendable (String) -> Void)? {
        get { self.lock.withLock { self.observer } }
        set { self.lock.withLock { self.observer = newValue } }
    }

    /// Prints `text` with the seconds since `since` (default: the last command's start).
    func report(_ text: String, since: ContinuousClock.Instant? = nil) {
        let (isLive, start, observer) = self.lock.withLock { (self.live, self.commandStartedAt, self.observer) }
        observer?(text)
        guard isLive else { return }
        let elapsed = ContinuousClock.now - (since ?? start)
        let seconds = String(format: "+%.1f s", ClusterDiagram.seconds(elapsed))
        self.console.event("  " + self.console.style.dim(seconds.padding(toLength: 9, withPad: " ", startingAt: 0)) + text)
    }
}
