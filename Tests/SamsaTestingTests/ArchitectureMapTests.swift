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
