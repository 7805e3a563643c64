/// What kind of thing an event line of the REPL tells, so the page can add a one-line explanation in
/// its language and a link to the glossary. The lines themselves stay the REPL's, word for word.
public enum TimelineEventKind: String, Sendable, Equatable, Codable, CaseIterable {
    case brokerRegistered = "broker-registered"
    case sessionExpired = "session-expired"
    case controllerGone = "controller-gone"
    case controllerElected = "controller-elected"
    case controllerEpoch = "controller-epoch"
    case leaderMoved = "leader-moved"
    case partitionOffline = "partition-offline"
    case uncleanElection = "unclean-election"
    case isrShrank = "isr-shrank"
    case isrGrew = "isr-grew"
    case internalTopic = "internal-topic"
    case faultInjected = "fault-injected"
    case faultHealed = "fault-healed"
    case rebalanced = "rebalanced"
    case consumerTrouble = "consumer-trouble"
    case other

    /// The kind of a line as `ClusterEventWatcher`, `BackgroundConsumers` and the fault commands word it.
    public init(line: String) {
        if line.hasPrefix("⚡") {
            self = line.contains("healed") ? .faultHealed : .faultInjected
        } else if line.contains("'s session ended") {
            self = .sessionExpired
        } else if line.hasPrefix("broker "), line.contains(" registered:") {
            self = .brokerRegistered
        } else if line.hasPrefix("/controller deleted") {
            self = .controllerGone
        } else if line.contains("created /controller") {
            self = .controllerElected
        } else if line.hasPrefix("controller epoch ") {
            self = .controllerEpoch
        } else if line.contains("(internal):") {
            self = .internalTopic
        } else if line.hasPrefix("controller: ") {
            self =
                line.contains("UNCLEAN") ? .uncleanElection : line.contains("→ none") ? .partitionOffline : .leaderMoved
        } else if line.contains(" ISR shrank ") {
            self = .isrShrank
        } else if line.contains(" ISR grew ") || line.contains(" ISR changed ") {
            self = .isrGrew
        } else if line.contains(" · generation ") {
            self = .rebalanced
        } else if line.hasPrefix("consumer ") {
            self = .consumerTrouble
        } else {
            self = .other
        }
    }

    /// The `explain` term the page links to; nil when none fits.
    public var glossaryTerm: String? {
        switch self {
        case .brokerRegistered: "ephemeral"
        case .sessionExpired: "session"
        case .controllerGone, .controllerElected, .controllerEpoch: "controller"
        case .leaderMoved, .partitionOffline, .internalTopic: "leader"
        case .uncleanElection, .isrShrank, .isrGrew: "isr"
        case .faultInjected, .faultHealed: "fault"
        case .rebalanced: "rebalance"
        case .consumerTrouble: "consumer-group"
        case .other: nil
        }
    }
}
