// What Samsa chose for the ZooKeeper records, beside what schemas/zookeeper.jute says. samsa-codegen
// reads these when it generates Sources/ZooKeeperProtocol/Generated/ (JuteEmitter).

/// Classes of schemas/zookeeper.jute that are not generated, and why.
let skippedJuteClasses: [String: String] = [
    "LearnerInfo": "quorum peers only; samsa-meta runs standalone",
    "QuorumPacket": "quorum peers only; samsa-meta runs standalone",
    "QuorumAuthPacket": "quorum peers only; samsa-meta runs standalone",
    "CreateTxnV0": "CreateTxn without parentCVersion, from old ZooKeeper logs; Samsa writes and reads CreateTxn",
    "GetMaxChildrenRequest": "no op code of ZooKeeper 3.8 (`ZooDefs.OpCode`, our `OpCode`) sends it",
    "GetMaxChildrenResponse": "no op code of ZooKeeper 3.8 (`ZooDefs.OpCode`, our `OpCode`) answers with it",
    "SetMaxChildrenRequest": "no op code of ZooKeeper 3.8 (`ZooDefs.OpCode`, our `OpCode`) sends it",
    "SetMaxChildrenTxn": "no op code of ZooKeeper 3.8 (`ZooDefs.OpCode`, our `OpCode`) logs it",
]

/// `buffer` fields typed `[UInt8]` (a null buffer reads as empty) instead of `[UInt8]?`: passwords
/// and SASL/auth tokens, where ZooKeeper never distinguishes null from empty. Znode data stays
/// optional: a znode created with null data returns null (length -1 on the wire), not an empty buffer.
let nonNullJuteBuffers: Set<String> = [
    "ConnectRequest.passwd", "ConnectResponse.passwd", "AuthPacket.auth",
    "GetSASLRequest.token", "SetSASLRequest.token", "SetSASLResponse.token",
]

/// Doc comments for the records Samsa's code leans on; the others get "The `X` record of `module`.".
let juteRecordDocs: [String: String] = [
    "ACL":
        "One access-control entry: the permission bits (see `Permissions`) granted to an `Id`.",
    "AuthPacket":
        "Adds an identity to the connection (`addauth digest user:password`).",
    "ClientInfo":
        "One identity reported by `whoAmI`.",
    "ConnectRequest":
        "The first packet of a connection (sent without a `RequestHeader`): creates a session or resumes one.",
    "ConnectResponse":
        "The server's answer to `ConnectRequest`; a `timeOut` of 0 tells the client its session expired.",
    "FileHeader":
        "The first bytes of a ZooKeeper snapshot or log file.",
    "Id":
        "An identity in an ACL or an authenticated session: a scheme (`world`, `auth`, `digest`, `ip`) and an id within it.",
    "MultiHeader":
        "Precedes each operation and each result in a `multi`; `done` marks the end.",
    "ReplyHeader":
        "Starts every reply: the request's `xid`, the server's last zxid and an error code (the body is omitted on error).",
    "RequestHeader":
        "Starts every request after the handshake: the client's `xid` (matched by the reply) and the op code.",
    "SetWatches":
        "Re-registers a reconnecting client's one-shot watches, with the last zxid it saw so missed changes fire at once.",
    "SetWatches2":
        "Like `SetWatches`, plus the persistent and persistent-recursive watches of ZooKeeper 3.6+.",
    "Stat":
        "The metadata ZooKeeper returns with every znode read, so clients can do conditional updates and see who owns an ephemeral.",
    "StatPersisted":
        "The part of a `Stat` that a server stores; `dataLength` and `numChildren` are derived.",
    "TxnHeader":
        "Starts every transaction-log record.",
    "WatcherEvent":
        "A watch notification, sent with xid -1.",
]
