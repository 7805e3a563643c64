import Foundation
import SamsaTesting
import XCTest

/// docs/ARCHITECTURE.md's module table is the map a newcomer reads first, and Package.swift is
/// what the compiler enforces. Both drift from the code quietly: a module imported without being
/// declared builds only because SwiftPM happens to link it elsewhere, and a row that leaves out an
/// import draws layers that do not exist. These tests read the sources, the manifest and the map.
final class ArchitectureMapTests: XCTestCase {
    private let root = ExternalTool.packageRoot

    /// Every module of ours that a target imports is one of its declared dependencies.
    func testEveryImportedModuleOfOursIsADeclaredDependency() throws {
        let declared = try self.declaredDependencies()
        let ours = try self.sourceTargets()
        for target in ours {
            let imported = try self.importedModules(of: target).intersection(ours)
            let missing = imported.subtracting(declared[target] ?? [])
            XCTAssertEqual(
                missing, [], "Sources/\(target) imports \(missing.sorted()) without declaring it in Package.swift")
        }
    }

    /// Every target has a row in the module table, and a row about one target lists every module
    /// of ours that it imports.
    func testTheModuleTableListsEveryTargetAndItsImports() throws {
        let rows = try self.moduleTableRows()
        let ours = try self.sourceTargets()
        let named = Set(rows.flatMap(\.targets))
        for target in ours {
            let isStudentCode =
                target.hasPrefix("Lab") && (target.hasSuffix("Exercise") || target.hasSuffix("Solution"))
            if isStudentCode { continue }  // one row, "Lab2Exercise … Lab6Exercise", covers them
            XCTAssertTrue(named.contains(target), "docs/ARCHITECTURE.md's module table has no row for \(target)")
        }
        for row in rows where row.targets.count == 1 {
            let target = row.targets[0]
            guard ours.contains(target) else { continue }
            let imported = try self.importedModules(of: target).intersection(ours)
            let listed = Set(
                row.imports.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init))
            let missing = imported.subtracting(listed)
            XCTAssertEqual(missing, [], "the row of \(target) in docs/ARCHITECTURE.md leaves out \(missing.sorted())")
        }
    }

    /// The picture under "## Modules" (a mermaid flowchart; `A --> B`: A imports B) draws only
    /// dependencies Package.swift declares, shows every target, and lets every declared dependency
    /// be followed along its arrows: an arrow may be left out only where a path already shows it.
    func testThePictureOfTheModulesMatchesThePackage() throws {
        let picture = try self.modulePicture()
        let declared = try self.declaredDependencies()
        let ours = try self.sourceTargets().filter { !Self.isStudentExercise($0) }
        XCTAssertGreaterThan(picture.edges.count, 20, "docs/ARCHITECTURE.md's module picture has its arrows")
        for target in ours.sorted() {
            XCTAssertTrue(picture.nodes.contains(target), "the module picture leaves out \(target)")
        }
        for (from, targets) in picture.edges.sorted(by: { $0.key < $1.key }) {
            for to in targets.sorted() where !(declared[from]?.contains(to) ?? false) {
                XCTFail("the module picture draws \(from) --> \(to), which Package.swift does not declare")
            }
        }
        for target in ours.sorted() {
            let reachable = Self.reachable(from: target, along: picture.edges)
            for dependency in (declared[target] ?? []).intersection(ours).sorted() where !reachable.contains(dependency)
            {
                XCTFail(
                    "Package.swift has \(target) depend on \(dependency); the module picture has no path between them")
            }
        }
    }

    private static func isStudentExercise(_ target: String) -> Bool {
        target.hasPrefix("Lab") && (target.hasSuffix("Exercise") || target.hasSuffix("Solution"))
    }

    private static func reachable(from start: String, along edges: [String: Set<String>]) -> Set<String> {
        var seen: Set<String> = []
        var queue = Array(edges[start] ?? [])
        while let next = queue.popLast() {
            guard seen.insert(next).inserted else { continue }
            queue += edges[next] ?? []
        }
        return seen
    }

    // MARK: Reading the tree

    private func sourceTargets() throws -> Set<String> {
        let names = try FileManager.default.contentsOfDirectory(atPath: self.root.appending(path: "Sources").path)
        return Set(names.filter { !$0.hasPrefix(".") })
    }

    /// Module names after `import` (with any access modifier or attribute) in a target's sources.
    private func importedModules(of target: String) throws -> Set<String> {
        let directory = self.root.appending(path: "Sources/\(target)")
        guard let files = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        var modules: Set<String> = []
        for case let file as String in files where file.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appending(path: file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ")
                guard let index = words.firstIndex(of: "import"), index < words.count - 1,
                    words[..<index].allSatisfy({ $0.hasPrefix("@") || ["public", "internal", "package"].contains($0) })
                else { continue }
                modules.insert(String(words[index + 1].split(separator: ".")[0]))
            }
        }
        return modules
    }

    /// Package.swift's targets and the quoted names in their `dependencies: [...]`, which are the
    /// package's own targets (products of other packages are named through constants).
    private func declaredDependencies() throws -> [String: Set<String>] {
        let manifest = try String(contentsOf: self.root.appending(path: "Package.swift"), encoding: .utf8)
        var result: [String: Set<String>] = [:]
        var rest = Substring(manifest)
        while let name = rest.range(of: "name: \"") {
            let afterName = rest[name.upperBound...]
            guard let close = afterName.firstIndex(of: "\"") else { break }
            let target = String(afterName[..<close])
            rest = afterName[close...]
            // Only a declaration whose dependencies follow before the next declaration counts.
            let next = rest.range(of: "name: \"")?.lowerBound ?? rest.endIndex
            guard let list = rest[..<next].range(of: "dependencies: [") else { continue }
            guard let end = rest[list.upperBound...].firstIndex(of: "]") else { break }
            let names = rest[list.upperBound..<end].split(separator: "\"", omittingEmptySubsequences: false)
                .enumerated().filter { $0.offset % 2 == 1 }
            result[target, default: []].formUnion(names.map { String($0.element) })
        }
        return result
    }

    /// The first mermaid block after "## Modules": node ids with their `[label]`, and arrows.
    private func modulePicture() throws -> (nodes: Set<String>, edges: [String: Set<String>]) {
        let map = try String(contentsOf: self.root.appending(path: "docs/ARCHITECTURE.md"), encoding: .utf8)
        guard let section = map.range(of: "## Modules"),
            let start = map[section.upperBound...].range(of: "```mermaid\n"),
            let end = map[start.upperBound...].range(of: "```")
        else {
            XCTFail("docs/ARCHITECTURE.md has no mermaid picture under \"## Modules\"")
            return ([], [:])
        }
        var labels: [String: String] = [:]
        var arrows: [(String, String)] = []
        for line in map[start.upperBound..<end.lowerBound].split(separator: "\n") {
            let ends = line.components(separatedBy: "-->").map { $0.trimmingCharacters(in: .whitespaces) }
            var ids: [String] = []
            for end in ends where !end.hasPrefix("flowchart") && !end.isEmpty {
                let id = String(end.prefix { $0 != "[" })
                if let open = end.firstIndex(of: "["), let close = end.lastIndex(of: "]") {
                    labels[id] = String(end[end.index(after: open)..<close])
                }
                ids.append(id)
            }
            if ids.count == 2 { arrows.append((ids[0], ids[1])) }
            if ids.count == 1, labels[ids[0]] == nil { labels[ids[0]] = ids[0] }
        }
        func name(_ id: String) -> String { labels[id] ?? id }
        var edges: [String: Set<String>] = [:]
        var nodes = Set(labels.values)
        for (from, to) in arrows {
            edges[name(from), default: []].insert(name(to))
            nodes.formUnion([name(from), name(to)])
        }
        return (nodes, edges)
    }

    private struct Row {
        let targets: [String]
        let imports: String
    }

    /// The table under "## Modules": its first column's backquoted names, its last column as text.
    private func moduleTableRows() throws -> [Row] {
        let map = try String(contentsOf: self.root.appending(path: "docs/ARCHITECTURE.md"), encoding: .utf8)
        guard let section = map.range(of: "## Modules") else {
            XCTFail("docs/ARCHITECTURE.md has no \"## Modules\" section")
            return []
        }
        var rows: [Row] = []
        for line in map[section.upperBound...].split(separator: "\n").drop(while: { !$0.hasPrefix("|") }) {
            guard line.hasPrefix("|") else { break }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count >= 4, cells[1].hasPrefix("`") else { continue }
            let targets = cells[1].split(separator: "`", omittingEmptySubsequences: false).enumerated().filter {
                $0.offset % 2 == 1
            }.map {
                String($0.element)
            }
            rows.append(Row(targets: targets, imports: cells[cells.count - 2]))
        }
        return rows
    }
}
