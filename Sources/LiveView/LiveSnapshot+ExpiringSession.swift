extension LiveSnapshot {
    /// A metadata-server session nobody is keeping alive (its client was killed, paused or cut
    /// off): it ends at `expiresAt` unless the client comes back, and its ephemeral znodes
    /// (`/brokers/ids/N`, `/controller`) go with it. Until then the cluster still counts the broker in.
    public struct ExpiringSession: Sendable, Equatable, Codable {
        /// ZooKeeper's hex id, `0x…`.
        public var session: String
        /// The broker whose `/brokers/ids/N` it holds, if any.
        public var brokerID: Int?
        /// The ephemeral znodes it holds.
        public var ephemerals: [String]
        /// Milliseconds since 1970 (wall clock): the last time the server heard from it plus its timeout.
        public var expiresAt: Int64

        public init(session: String, brokerID: Int?, ephemerals: [String], expiresAt: Int64) {
            self.session = session
            self.brokerID = brokerID
            self.ephemerals = ephemerals
            self.expiresAt = expiresAt
        }
    }
}
