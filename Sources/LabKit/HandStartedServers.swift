import Foundation
import LocalCluster
import PropertiesFile

/// The servers a lab's student starts by hand from the lab's `config/*.properties` (Lab 1): their
/// ports and the data folders they keep. `lab start` empties those folders, so a lab done again
/// in the same folder starts from nothing: an old `greetings` topic would add its records to the
/// ones counted in step 7, and a restored metadata session would keep the old broker registered.
public struct HandStartedServers: Sendable, Equatable {
    /// The lab's folder, where the sheet runs the servers.
    public let labFolder: URL
    /// The ports the config files listen on (`clientPort`, the `listeners` ports).
    public let ports: [Int]
    /// The data folders they name (`dataDir`, `dataLogDir`, `log.dirs`, `log.dir`), absolute.
    public let dataFolders: [URL]

    /// What `clearData()` did.
    public enum Clearing: Sendable, Equatable {
        /// These folders held data from an earlier run and were deleted.
        case cleared([URL])
        /// Nothing to delete.
        case nothingToClear
        /// A server answers on this port: its data is in use and was left alone.
        case serverRunning(port: Int)
    }

    /// Reads every `.properties` file of `labFolder/config`; relative data folders are taken
    /// from the lab folder, where the sheet runs the servers.
    public init(labFolder: URL) {
        let config = labFolder.appendingPathComponent("config", isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: config.path)) ?? [])
            .filter { $0.hasSuffix(".properties") }.sorted()
        var ports: [Int] = []
        var folders: [URL] = []
        for name in names {
            guard let text = try? String(contentsOf: config.appendingPathComponent(name), encoding: .utf8) else {
                continue
            }
            let file = PropertiesFile(parsing: text)
            if let port = file["clientPort"].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) {
                ports.append(port)
            }
            for listener in (file["listeners"] ?? "").split(separator: ",") {
                if let port = listener.split(separator: ":").last.flatMap({
                    Int($0.trimmingCharacters(in: .whitespaces))
                }) {
                    ports.append(port)
                }
            }
            for key in ["dataDir", "dataLogDir", "log.dirs", "log.dir"] {
                for path in (file[key] ?? "").split(separator: ",") {
                    let trimmed = path.trimmingCharacters(in: .whitespaces)
                    guard !trimmed.isEmpty else { continue }
                    let url =
                        trimmed.hasPrefix("/")
                        ? URL(fileURLWithPath: trimmed, isDirectory: true)
                        : labFolder.appendingPathComponent(trimmed, isDirectory: true)
                    folders.append(url.standardizedFileURL)
                }
            }
        }
        self.labFolder = labFolder
        self.ports = ports
        self.dataFolders = folders
    }

    /// Deletes the data folders that exist, unless one of the servers is running (then nothing
    /// is touched). Only folders inside the system's temporary folders or the lab folder are
    /// deleted: a config edited to point at the student's own files never loses them.
    public func clearData() -> Clearing {
        if let port = self.ports.first(where: { PortProbe.isAccepting($0) }) { return .serverRunning(port: port) }
        let safeRoots = [
            "/tmp/", "/var/tmp/", FileManager.default.temporaryDirectory.standardizedFileURL.path + "/",
            self.labFolder.standardizedFileURL.path + "/",
        ]
        var deleted: [URL] = []
        for folder in self.dataFolders where FileManager.default.fileExists(atPath: folder.path) {
            guard safeRoots.contains(where: { (folder.path + "/").hasPrefix($0) && folder.path + "/" != $0 }) else {
                continue
            }
            if (try? FileManager.default.removeItem(at: folder)) != nil { deleted.append(folder) }
        }
        return deleted.isEmpty ? .nothingToClear : .cleared(deleted)
    }
}
