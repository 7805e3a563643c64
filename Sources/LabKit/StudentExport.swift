import Foundation

/// `samsa lab export --student DIR`: the kit as students get it — the package (so the exercises
/// build) with the labs, but without reference solutions, command logs, builds or git history.
/// Package.swift declares the LabSolutions target only when the solution folders exist.
public enum StudentExport {
    /// Names never copied: the reference solutions and anything a previous run left behind.
    static let excluded: Set<String> = [
        "solution", CommandLog.fileName, ".build", ".git", ".swiftpm", ".samsa", ".DS_Store", "results",
    ]

    /// Copies the package holding `labsRoot` (or only `labsRoot` when it is not inside a package)
    /// into `destination`; returns the files written, relative to `destination`.
    @discardableResult
    public static func export(labsRoot: URL, to destination: URL) throws(LabError) -> [String] {
        let packageRoot = labsRoot.deletingLastPathComponent()
        let isPackage = FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent("Package.swift").path)
        let source = isPackage ? packageRoot : labsRoot
        let target = isPackage ? destination : destination.appendingPathComponent("labs", isDirectory: true)
        let sourcePath = source.standardizedFileURL.resolvingSymlinksInPath().path
        let targetPath = target.standardizedFileURL.resolvingSymlinksInPath().path
        guard targetPath != sourcePath, !targetPath.hasPrefix(sourcePath + "/") else {
            throw .usage("\(target.path) is inside the kit it would copy: choose a folder outside \(source.path)")
        }
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: target.path), !existing.isEmpty {
            throw .usage("\(target.path) is not empty: choose an empty or new folder for the student export")
        }
        var written: [String] = []
        do {
            try Self.copy(source, to: target, relative: isPackage ? "" : "labs", written: &written)
        } catch let error as LabError {
            throw error
        } catch {
            throw .io("export failed: \(error.localizedDescription)")
        }
        return written.sorted()
    }

    private static func copy(_ source: URL, to target: URL, relative: String, written: inout [String]) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path).sorted()
        where !Self.excluded.contains(name) {
            let item = source.appendingPathComponent(name)
            // Links are not followed: one pointing at a parent folder would copy forever.
            let type = (try? FileManager.default.attributesOfItem(atPath: item.path)[.type]) as? FileAttributeType
            if type == .typeSymbolicLink { continue }
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: item.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                try Self.copy(
                    item, to: target.appendingPathComponent(name), relative: Self.join(relative, name),
                    written: &written)
            } else {
                try FileManager.default.copyItem(at: item, to: target.appendingPathComponent(name))
                written.append(Self.join(relative, name))
            }
        }
    }

    private static func join(_ relative: String, _ name: String) -> String {
        relative.isEmpty ? name : relative + "/" + name
    }
}
