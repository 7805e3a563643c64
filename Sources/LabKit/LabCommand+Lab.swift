import ArgumentParser
import Foundation

extension LabCommand {
    /// `lab export` and `lab solution`: the instructor's side of the labs.
    struct Lab: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the student handout (export) or a lab's reference for one student (solution).",
            subcommands: [Export.self, Solution.self])
    }

    /// The options of `lab export`, shared with the `export` shortcut.
    struct ExportOptions: ParsableArguments {
        @Option(
            help: ArgumentHelp("Where the handout goes: the package without reference solutions.", valueName: "DIR"))
        var student: String

        @Option(
            help: ArgumentHelp("The labs folder (default: labs/, found from the current folder up).", valueName: "DIR"))
        var labs: String?

        func export() throws(LabError) -> Int32 {
            let catalog = try LabCommand.catalog(labs: self.labs)
            let destination = URL(fileURLWithPath: self.student, isDirectory: true)
            let files = try StudentExport.export(labsRoot: catalog.root, to: destination)
            print("Wrote the student handout to \(destination.path): \(files.count) files, no reference solutions.")
            return 0
        }
    }

    /// `lab export --student DIR`.
    struct Export: LabSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the package for students: sources and labs, without reference solutions.")

        @OptionGroup var options: ExportOptions

        func execute(code: ExerciseImplementations?) async throws(LabError) -> Int32 {
            try self.options.export()
        }
    }

    /// `export --student DIR`, the same as `lab export`; kept for command lines written before `lab`.
    struct ExportShortcut: LabSubcommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "The same as lab export.", shouldDisplay: false)

        @OptionGroup var options: ExportOptions

        func execute(code: ExerciseImplementations?) async throws(LabError) -> Int32 {
            try self.options.export()
        }
    }

    /// `lab solution`: the reference answers.properties and commands.log of lab N filled with
    /// student ID's values, for an instructor to compare with a submission (and for replays).
    struct Solution: LabSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Write lab N's reference answers.properties and commands.log with a student's values.")

        @Option(help: ArgumentHelp("The lab.", valueName: "N"), transform: LabCommand.labNumber)
        var lab: Int

        @Option(
            name: .customLong("student-id"),
            help: ArgumentHelp(
                "Whose values to fill in (needed for labs that give each student their own).", valueName: "ID"),
            transform: LabCommand.studentID)
        var studentID: StudentID?

        @Option(help: ArgumentHelp("The folder to write the two files to.", valueName: "DIR"))
        var output: String

        @Option(
            help: ArgumentHelp("The labs folder (default: labs/, found from the current folder up).", valueName: "DIR"))
        var labs: String?

        func execute(code: ExerciseImplementations?) async throws(LabError) -> Int32 {
            let (number, id) = (self.lab, self.studentID)
            let catalog = try LabCommand.catalog(labs: self.labs)
            let lab = try catalog.lab(number)
            if lab.hasVariants && id == nil {
                throw .usage("lab \(number) gives every student their own values: add --student-id ID")
            }
            let source = catalog.folder(of: lab).appendingPathComponent("solution", isDirectory: true)
            let destination = URL(fileURLWithPath: self.output, isDirectory: true)
            let variant = lab.variant(for: id)
            var written: [String] = []
            do {
                try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
                for name in [AnswersFile.fileName, CommandLog.fileName] {
                    let file = source.appendingPathComponent(name)
                    guard let text = try? String(contentsOf: file, encoding: .utf8) else { continue }
                    try Data(variant.fill(text).utf8).write(to: destination.appendingPathComponent(name))
                    written.append(name)
                }
            } catch {
                throw .io("cannot write the solution to \(destination.path): \(error.localizedDescription)")
            }
            guard !written.isEmpty else { throw .io("lab \(number) has no reference solution in \(source.path)") }
            print(
                "Wrote lab \(number)'s reference\(id.map { " for \($0)" } ?? "") to \(destination.path): \(written.joined(separator: ", "))."
            )
            return 0
        }
    }
}
