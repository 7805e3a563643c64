import CourseLanguage
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
    private var currentLanguage: Language
    private var observer: (@Sendable (_ line: String, _ english: String) -> Void)?

    init(console: Console, isLive: Bool, language: Language) {
        self.console = console
        self.live = isLive
        self.currentLanguage = language
    }

    /// The session's language: events are worded in it when printed.
    public var language: Language {
        get { self.lock.withLock { self.currentLanguage } }
        set { self.lock.withLock { self.currentLanguage = newValue } }
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

    /// Prints `event` in the session's language, as `report(_:since:)` prints text.
    func report(_ event: LiveEvent, since: ContinuousClock.Instant? = nil) {
        self.report(event.text(self.language), english: event.text(.en), since: since)
    }

    /// Also called with every event, printed or not (the live view's timeline), worded in the
    /// session's language and in English (what the timeline sorts into kinds); nil: nobody.
    var onEvent: (@Sendable (_ line: String, _ english: String) -> Void)? {
        get { self.lock.withLock { self.observer } }
        set { self.lock.withLock { self.observer = newValue } }
    }

    /// Prints `text` with the seconds since `since` (default: the last command's start).
    func report(_ text: String, since: ContinuousClock.Instant? = nil) {
        self.report(text, english: text, since: since)
    }

    private func report(_ text: String, english: String, since: ContinuousClock.Instant?) {
        let (isLive, start, observer) = self.lock.withLock { (self.live, self.commandStartedAt, self.observer) }
        observer?(text, english)
        guard isLive else { return }
        let elapsed = ContinuousClock.now - (since ?? start)
        let seconds = String(format: "+%.1f s", ClusterDiagram.seconds(elapsed))
        self.console.event("  " + self.console.style.dim(seconds.padding(toLength: 9, withPad: " ", startingAt: 0)) + text)
    }
}
