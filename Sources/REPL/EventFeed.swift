import CourseLanguage
import Foundation
import Synchronization

/// Things that happen in the cluster on their own (a session expires, a leader moves, a group
/// rebalances), printed as they happen with the time since the command that set them off
/// (`+4.1 s`). Interactive sessions print them above the prompt; scripts keep them quiet so their
/// output stays the same from run to run (`wait ...` states the outcome instead).
///
/// Reports come from the watcher's and the consumers' tasks, so the settings sit in a `Mutex`.
public final class EventFeed: Sendable {
    private struct Settings {
        var commandStartedAt = ContinuousClock.now
        var isLive: Bool
        var controller: Int32?
        var language: Language
        var observer: (@Sendable (_ line: String, _ english: String) -> Void)?
    }

    private let console: Console
    private let settings: Mutex<Settings>

    init(console: Console, isLive: Bool, language: Language) {
        self.console = console
        self.settings = Mutex(Settings(isLive: isLive, language: language))
    }

    /// The session's language: events are worded in it when printed.
    public var language: Language {
        get { self.settings.withLock { $0.language } }
        set { self.settings.withLock { $0.language = newValue } }
    }

    /// Whether events are printed (interactive) or dropped (scripts).
    public var isLive: Bool {
        get { self.settings.withLock { $0.isLive } }
        set { self.settings.withLock { $0.isLive = newValue } }
    }

    /// The controller as last seen (Metadata after a command, `/controller` in between), for the prompt.
    var controller: Int32? {
        get { self.settings.withLock { $0.controller } }
        set { self.settings.withLock { $0.controller = newValue } }
    }

    /// The start of a command: the time events are measured from.
    func commandStarted() {
        self.settings.withLock { $0.commandStartedAt = ContinuousClock.now }
    }

    /// Prints `event` in the session's language, as `report(_:since:)` prints text.
    func report(_ event: LiveEvent, since: ContinuousClock.Instant? = nil) {
        self.report(event.text(self.language), english: event.text(.en), since: since)
    }

    /// Also called with every event, printed or not (the live view's timeline), worded in the
    /// session's language and in English (what the timeline sorts into kinds); nil: nobody.
    var onEvent: (@Sendable (_ line: String, _ english: String) -> Void)? {
        get { self.settings.withLock { $0.observer } }
        set { self.settings.withLock { $0.observer = newValue } }
    }

    /// Prints `text` with the seconds since `since` (default: the last command's start).
    func report(_ text: String, since: ContinuousClock.Instant? = nil) {
        self.report(text, english: text, since: since)
    }

    private func report(_ text: String, english: String, since: ContinuousClock.Instant?) {
        let (isLive, start, observer) = self.settings.withLock { ($0.isLive, $0.commandStartedAt, $0.observer) }
        observer?(text, english)
        guard isLive else { return }
        let elapsed = ContinuousClock.now - (since ?? start)
        let seconds = String(format: "+%.1f s", ClusterDiagram.seconds(elapsed))
        self.console.event(
            "  " + self.console.style.dim(seconds.padding(toLength: 9, withPad: " ", startingAt: 0)) + text)
    }
}
