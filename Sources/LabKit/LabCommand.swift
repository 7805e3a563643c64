import ArgumentParser
import CommandLineSupport
import CourseLanguage
import Foundation

/// `samsa grade …`, `samsa lab export …` and `samsa lab solution …`, for the `samsa` and
/// `samsa-lab` executables to run:
///
///     samsa grade [--lab N] [--submission DIR] [--format text|junit|gradescope]
///                 [--output FILE] [--bootstrap HOST:PORT | --replay] [--labs DIR] [--language es|en]
///                 [--student-id ID]
///     samsa grade --submissions DIR [--lab N] [--output FILE.csv] [--gradescope-dir OUT] [--replay]
///     samsa lab export --student DIR [--labs DIR]
///     samsa lab solution --lab N --student-id ID --output DIR [--labs DIR]
///
/// Parsed with ArgumentParser but run through `run(arguments:code:)`, not `main()`: `samsa-lab`
/// hands the subcommand the student's compiled exercises, which no command line can carry.
/// Exit status 0 when the command did its job, 2 on a usage error or when it could not
/// (no labs folder, no such lab, a file it cannot write).
public struct LabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "samsa",
        abstract: "Grade the labs, and write the student handout or a lab's reference solution.",
        subcommands: [Grade.self, Lab.self, ExportShortcut.self])

    public init() {}

    /// The status of a command line that is wrong: the one `samsa grade` has always used.
    static let usageStatus: Int32 = 2

    /// `code` is the student's Swift exercises (`ExerciseImplementations.student` from
    /// LabStudentExercises); without it the exercise tasks are not checked.
    public static func run(arguments: [String], code: ExerciseImplementations? = nil) async -> Int32 {
        switch Self.request(arguments, running: (any LabSubcommand).self, usageStatus: Self.usageStatus) {
        case .exit(let status):
            return status
        case .run(let command):
            do {
                return try await command.execute(code: code)
            } catch {
                var output = StandardError()
                print("samsa: \(error)", to: &output)
                return Self.usageStatus
            }
        }
    }

    /// The labs folder: `--labs DIR`, else `labs/` found from the current folder up.
    static func catalog(labs: String?) throws(LabError) -> LabCatalog {
        if let labs { return try LabCatalog(root: URL(fileURLWithPath: labs, isDirectory: true)) }
        guard let root = LabCatalog.locateRoot() else {
            throw .noLabs(FileManager.default.currentDirectoryPath)
        }
        return try LabCatalog(root: root)
    }

    /// `--lab N`: a lab number; whether that lab exists is the catalog's to say.
    static func labNumber(_ text: String) throws -> Int {
        guard let number = Int(text) else { throw ValidationError("give a lab number (1–6), e.g. --lab 3") }
        return number
    }

    static func language(_ text: String) throws -> Language {
        guard let language = Language(rawValue: text) else { throw ValidationError("use es or en, e.g. --language es") }
        return language
    }

    static func studentID(_ text: String) throws -> StudentID {
        do {
            return try StudentID(text)
        } catch {
            throw ValidationError(error.description)
        }
    }
}

/// A `LabCommand` subcommand that does something (not a group such as `lab`).
protocol LabSubcommand: ParsableCommand {
    func execute(code: ExerciseImplementations?) async throws(LabError) -> Int32
}

extension GradeReport.Format: ExpressibleByArgument {}

/// Standard error as a `TextOutputStream`, for `print(…, to:)`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
