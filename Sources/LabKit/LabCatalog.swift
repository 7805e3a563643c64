import Foundation

/// The labs under a `labs/` folder: every `NN-slug/lab.json`, in number order.
public struct LabCatalog: Sendable {
    public let root: URL
    public let labs: [LabManifest]

    public init(root: URL) throws(LabError) {
        self.root = root
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: root.path)
        } catch {
            throw .noLabs(root.path)
        }
        var labs: [LabManifest] = []
        for name in names.sorted() where name.first?.isNumber == true {
            let file = root.appendingPathComponent(name).appendingPathComponent("lab.json")
            guard FileManager.default.fileExists(atPath: file.path) else { continue }
            labs.append(try Self.load(file))
        }
        guard !labs.isEmpty else { throw .noLabs(root.path) }
        self.labs = labs.sorted { $0.number < $1.number }
    }

    public static func load(_ file: URL) throws(LabError) -> LabManifest {
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw .badManifest(file.path, "\(error)")
        }
        // Placeholders are filled with the worked example's values; `forStudent` refills them.
        let manifest = try LabManifest.decode(data, for: nil, source: file.path)
        guard !manifest.steps.isEmpty else { throw .badManifest(file.path, "a lab needs at least one step") }
        return manifest
    }

    public func lab(_ number: Int) throws(LabError) -> LabManifest {
        guard let lab = self.labs.first(where: { $0.number == number }) else {
            throw .noSuchLab(number, self.labs.map(\.number))
        }
        return lab
    }

    /// `.samsa/labs/progress.json` beside `labs/` (the project folder), wherever the command runs
    /// from: the REPL in the project folder and a `samsa kafka-…` tool in a lab folder share it.
    public var progressFile: URL {
        LabProgress.file(in: self.root.deletingLastPathComponent())
    }

    public func folder(of lab: LabManifest) -> URL {
        self.root.appendingPathComponent(lab.folderName, isDirectory: true)
    }

    /// `labs/` in the current directory or one of its parents (a student runs `samsa` from the
    /// project folder or from inside `labs/`), else `SAMSA_LABS_DIR`.
    public static func locateRoot(from start: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        -> URL?
    {
        if let override = ProcessInfo.processInfo.environment["SAMSA_LABS_DIR"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        var directory = start.standardizedFileURL
        for _ in 0..<8 {
            if directory.lastPathComponent == "labs", Self.holdsLabs(directory) { return directory }
            let candidate = directory.appendingPathComponent("labs", isDirectory: true)
            if Self.holdsLabs(candidate) { return candidate }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return nil
    }

    private static func holdsLabs(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("01-first-cluster/lab.json").path)
    }
}

public enum LabError: Error, Sendable, Equatable, CustomStringConvertible {
    case noLabs(String)
    case badManifest(String, String)
    case noSuchLab(Int, [Int])
    case usage(String)
    case io(String)

    public var description: String {
        switch self {
        case .noLabs(let path): "no labs found in \(path): run samsa from the project folder (the one holding labs/)"
        case .badManifest(let path, let why): "\(path) is not a valid lab manifest: \(why)"
        case .noSuchLab(let number, let known):
            "there is no lab \(number); the labs are \(known.map(String.init).joined(separator: ", "))"
        case .usage(let message): message
        case .io(let message): message
        }
    }
}
