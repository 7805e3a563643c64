import Foundation

/// Where `samsa-broker` and `samsa-meta` are. `swift build` puts every product of the package in
/// one directory, so the REPL finds them beside its own executable with no setup by the student;
/// `SAMSA_PRODUCTS_DIR` overrides that (tests, installed copies).
public struct ClusterExecutables: Sendable, Equatable {
    /// Directories searched, in order.
    public let searchDirectories: [URL]

    public init(searchDirectories: [URL]) {
        self.searchDirectories = searchDirectories
    }

    /// `SAMSA_PRODUCTS_DIR`, then the directory of the running executable.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> ClusterExecutables {
        var directories: [URL] = []
        if let dir = environment["SAMSA_PRODUCTS_DIR"], !dir.isEmpty {
            directories.append(URL(fileURLWithPath: dir, isDirectory: true))
        }
        if let own = Self.ownExecutable() {
            directories.append(own.deletingLastPathComponent())
        }
        return ClusterExecutables(searchDirectories: directories)
    }

    /// The executable `name` (e.g. `samsa-broker`) from the first directory that has it.
    public func url(for name: String) throws -> URL {
        for directory in self.searchDirectories {
            let url = directory.appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw LocalClusterError.executableNotFound(name: name, searched: self.searchDirectories.map(\.path))
    }

    /// The running executable with symlinks resolved: `/proc/self/exe` on Linux (exact even when
    /// started through PATH), else Foundation's idea of it.
    static func ownExecutable() -> URL? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
