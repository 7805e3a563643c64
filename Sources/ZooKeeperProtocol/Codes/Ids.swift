/// Well-known identities and ACL lists (`ZooDefs.Ids`).
extension Id {
    /// Everyone (`world:anyone`).
    public static let anyoneIdUnsafe = Id(scheme: "world", id: "anyone")
    /// Stands for every identity the creating connection has authenticated as.
    public static let authIds = Id(scheme: "auth", id: "")
}

extension ACL {
    /// Anyone may do anything: ZooKeeper's default for `create` from kazoo and zkCli.
    public static let openACLUnsafe = [ACL(perms: Permissions.all.rawValue, id: .anyoneIdUnsafe)]
    /// Full rights for the creator's authenticated identities.
    public static let creatorAllACL = [ACL(perms: Permissions.all.rawValue, id: .authIds)]
    /// Anyone may read, nobody may change.
    public static let readACLUnsafe = [ACL(perms: Permissions.read.rawValue, id: .anyoneIdUnsafe)]

    public var permissions: Permissions { Permissions(rawValue: self.perms) }
}
