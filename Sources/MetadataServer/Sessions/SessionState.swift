/// The server's view of one session.
struct SessionState {
    var timeout: Int32
    var connection: Int?
    /// Monotonic time of the last packet, for expiry.
    var lastSeen: ContinuousClock.Instant
}
