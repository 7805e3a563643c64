import ZooKeeperProtocol

/// ZooKeeper's ACL rules: which identities match an ACL entry (`checkACL`), and how a client's
/// ACL list is checked and expanded before it is stored (`fixupACL`).
public enum ACLPolicy {
    /// The digest id for `user:password`, as `DigestAuthenticationProvider.generateDigest` makes it.
    public static func digest(userAndPassword: String) -> String {
        let user = userAndPassword.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return "\(user):\(Base64.encode(SHA1.hash(Array(userAndPassword.utf8))))"
    }

    /// True if any entry granting one of `permissions` matches one of `identities`.
    /// An empty ACL lets everyone in, as in ZooKeeper.
    public static func isAllowed(_ permissions: Permissions, acl: [ACL], identities: [Id]) -> Bool {
        if acl.isEmpty { return true }
        if identities.contains(where: { $0.scheme == "super" }) { return true }
        for entry in acl where entry.perms & permissions.rawValue != 0 {
            if entry.id.scheme == "world" && entry.id.id == "anyone" { return true }
            for identity in identities where identity.scheme == entry.id.scheme {
                switch entry.id.scheme {
                case "digest":
                    if identity.id == entry.id.id { return true }
                case "ip":
                    if Self.ipMatches(address: identity.id, pattern: entry.id.id) { return true }
                default:
                    continue
                }
            }
        }
        return false
    }

    /// Validates a client's ACL and replaces `auth` entries with the connection's authenticated
    /// ids; `nil` means ZooKeeper would answer `InvalidACL`.
    public static func fixup(_ acl: [ACL], identities: [Id]) -> [ACL]? {
        var unique: [ACL] = []
        for entry in acl where !unique.contains(entry) { unique.append(entry) }
        guard !unique.isEmpty else { return nil }
        var result: [ACL] = []
        for entry in unique {
            switch entry.id.scheme {
            case "world" where entry.id.id == "anyone":
                result.append(entry)
            case "auth":
                // Only providers that authenticate (digest, not ip) count.
                let authenticated = identities.filter { $0.scheme == "digest" || $0.scheme == "super" }
                guard !authenticated.isEmpty else { return nil }
                result += authenticated.map { ACL(perms: entry.perms, id: $0) }
            case "digest":
                guard entry.id.id.split(separator: ":", omittingEmptySubsequences: false).count == 2 else { return nil }
                result.append(entry)
            case "ip":
                guard Self.isValidIPPattern(entry.id.id) else { return nil }
                result.append(entry)
            default:
                return nil
            }
        }
        return result
    }

    static func isValidIPPattern(_ pattern: String) -> Bool {
        let parts = pattern.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Self.ipv4Bytes(String(parts[0])) else { return false }
        if parts.count == 2 {
            guard let bits = Int(parts[1]), bits >= 0, bits <= address.count * 8 else { return false }
        }
        return true
    }

    static func ipMatches(address: String, pattern: String) -> Bool {
        let parts = pattern.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let patternBytes = Self.ipv4Bytes(String(parts[0])), let addressBytes = Self.ipv4Bytes(address) else {
            return false
        }
        let bits = parts.count == 2 ? (Int(parts[1]) ?? 32) : 32
        for index in 0..<4 {
            let maskBits = max(0, min(8, bits - index * 8))
            let mask: UInt8 = maskBits == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - maskBits))
            if patternBytes[index] & mask != addressBytes[index] & mask { return false }
        }
        return true
    }

    static func ipv4Bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }
}
