/// ZooKeeper's znode path rules (`PathUtils.validatePath`), shared by server and client so that
/// both reject the same paths with the same reason.
public enum ZNodePath {
    /// Why a path is not a valid znode path; the text matches ZooKeeper's own messages.
    public struct InvalidPath: Error, Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String {
            "invalid znode path \"\(path)\": \(reason); use absolute paths like /brokers/ids/1"
        }
    }

    /// Checks `path`; a sequential create may end in "/" because the server appends a counter.
    public static func validate(_ path: String, isSequential: Bool = false) throws(InvalidPath) {
        let checked = isSequential ? path + "1" : path
        let units = Array(checked.utf16)
        guard !units.isEmpty else { throw InvalidPath(path: path, reason: "Path length must be > 0") }
        guard units[0] == 0x2F else { throw InvalidPath(path: path, reason: "Path must start with / character") }
        if units.count == 1 { return }
        guard units[units.count - 1] != 0x2F else {
            throw InvalidPath(path: path, reason: "Path must not end with / character")
        }
        var last: UInt16 = 0x2F
        for index in 1..<units.count {
            let unit = units[index]
            defer { last = unit }
            let endsSegment = index + 1 == units.count || units[index + 1] == 0x2F
            if unit == 0 {
                throw InvalidPath(path: path, reason: "null character not allowed @\(index)")
            } else if unit == 0x2F && last == 0x2F {
                throw InvalidPath(path: path, reason: "empty node name specified @\(index)")
            } else if unit == 0x2E && last == 0x2E {
                if units[index - 2] == 0x2F && endsSegment {
                    throw InvalidPath(path: path, reason: "relative paths not allowed @\(index)")
                }
            } else if unit == 0x2E {
                if units[index - 1] == 0x2F && endsSegment {
                    throw InvalidPath(path: path, reason: "relative paths not allowed @\(index)")
                }
            } else if (unit > 0 && unit <= 0x1F) || (unit >= 0x7F && unit <= 0x9F)
                || (unit >= 0xD800 && unit <= 0xF8FF) || unit >= 0xFFF0
            {
                throw InvalidPath(path: path, reason: "invalid character @\(index)")
            }
        }
    }

    /// True when `validate` would accept the path.
    public static func isValid(_ path: String, isSequential: Bool = false) -> Bool {
        do {
            try self.validate(path, isSequential: isSequential)
            return true
        } catch {
            return false
        }
    }

    /// The parent of a valid path ("/" for top-level nodes).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    /// The last segment of a valid path ("" for "/").
    public static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// Joins a parent path and a child name.
    public static func child(_ name: String, of parent: String) -> String {
        parent == "/" ? "/" + name : parent + "/" + name
    }
}
