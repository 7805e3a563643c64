/// ACL permission bits (`ZooDefs.Perms`).
public struct Permissions: OptionSet, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let read = Permissions(rawValue: 1)
    public static let write = Permissions(rawValue: 2)
    public static let create = Permissions(rawValue: 4)
    public static let delete = Permissions(rawValue: 8)
    public static let admin = Permissions(rawValue: 16)
    public static let all: Permissions = [.read, .write, .create, .delete, .admin]

    /// Letters as zkCli's `getAcl` prints them: `cdrwa`.
    public var description: String {
        var letters = ""
        if self.contains(.create) { letters += "c" }
        if self.contains(.delete) { letters += "d" }
        if self.contains(.read) { letters += "r" }
        if self.contains(.write) { letters += "w" }
        if self.contains(.admin) { letters += "a" }
        return letters
    }
}
