/// Reserved `xid` values that mark packets which are not replies to numbered requests.
public enum Xid {
    public static let notification: Int32 = -1
    public static let ping: Int32 = -2
    public static let auth: Int32 = -4
    public static let setWatches: Int32 = -8
}
