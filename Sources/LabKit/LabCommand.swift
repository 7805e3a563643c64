import CourseLanguage
import Foundation

/// `samsa grade …` and `samsa lab export …`, for the `samsa` executable to dispatch to:
///
///     samsa grade [--lab N] [--submission DIR] [--format text|junit|gradescope]
///                 [--output FILE] [--bootstrap HOST:PORT | --replay] [--labs DIR] [--language es|en]
///                 [--student-id ID]
///     samsa grade --submissions DIR [--lab N] [--output FILE.csv] [--gradescope-dir OUT] [--replay]
///     samsa lab export --student DIR [--labs DIR]
///
/// `--submission DIR` is a folder holding the lab folders (`01-first-cluster/answers.properties`,
/// …), or one lab's folder when `--lab` is given; by default the labs folder itself.
public enum LabCommand {
    /// `code` is the student's Swift exercises (`ExerciseImplementations.student` from
    /// LabStudentExercises); without it the exercise tasks are not checked.
    public static func run(arguments: [String], code: ExerciseImplementations? = nil) async -> Int32 {
        var output = StandardError()
        do {
            var arguments = arguments
            guard let verb = arguments.first else { throw LabError.usage(Self.usage) }
            arguments.removeFirst()
            switch verb {
            case "grade":
                return try await Self.grade(Options(arguments), code: code)
            case "lab" where arguments.first == "export":
                arguments.removeFirst()
                return try Self.export(Options(arguments))
            case "export":
                return try Self.export(Options(arguments))
            case "lab" where arguments.first == "solution":
                arguments.removeFirst()
                return try Self.solution(Options(arguments))
            default:
                throw LabError.usage(Self.usage)
            }
        } catch let error as LabError {
            print("samsa: \(error)", to: &output)
            return 2
        } catch {
            print("samsa: \(error)", to: &output)
            return 2
        }
    }

    public static let usage = """
        usage: samsa grade [--lab N] [--submission DIR] [--format text|junit|gradescope] [--output FILE]
                           [--bootstrap HOST:PORT | --replay] [--labs DIR] [--language es|en]
                           [--student-id ID]
               samsa grade --submissions DIR [--lab N] [--output FILE.csv] [--gradescope-dir OUT] [--replay]
               samsa lab export --student DIR [--labs DIR]
               samsa lab solution --lab N --student-id ID --output DIR [--labs DIR]
        """

    struct Options {
        var values: [String: String] = [:]
        var flags: Set<String> = []
        /// Options without a value.
        static let knownFlags: Set<String> = ["--replay"]

        init(_ arguments: [String]) throws(LabError) {
            var index = 0
            let known: Set<String> = [
                "--lab", "--submission", "--format", "--output", "--bootstrap", "--labs", "--language", "--student",
                "--student-id", "--submissions", "--gradescope-dir",
            ]
            while index < arguments.count {
                let argument = arguments[index]
                if Self.knownFlags.contains(argument) {
                    self.flags.insert(argument)
                    index += 1
                    continue
                }
                var name = argument, value: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    value = String(argument[argument.index(after: equals)...])
                }
                guard known.contains(name) else { throw .usage("unknown option \(argument)\n\(LabCommand.usage)") }
                if value == nil {
                    index += 1
                    guard index < arguments.count else { throw .usage("\(name) needs a value\n\(LabCommand.usage)") }
                    value = arguments[index]
                }
                self.values[name] = value
                index += 1
            }
        }

        subscript(name: String) -> String? { self.values[name] }
    }

    static func catalog(_ options: Options) throws(LabError) -> LabCatalog {
        if let labs = options["--labs"] { return try LabCatalog(root: URL(fileURLWithPath: labs, isDirectory: true)) }
        guard let root = LabCatalog.locateRoot() else {
            throw .noLabs(FileManager.default.currentDirectoryPath)
        }
        return try LabCatalog(root: root)
    }

    static func grade(_ options: Options, code: ExerciseImplementations?) async throws(LabError) -> Int32 {
        let catalog = try Self.catalog(options)
        let format = try options["--format"].map { name throws(LabError) in
            guard let format = GradeReport.Format(rawValue: name) else {
                throw .usage("--format must be text, junit or gradescope, not \(name)")
            }
            return format
        } ?? .text
        // The student's language for the terminal (the one chosen in this folder, else the system's);
        // English for machine reports, read by instructors and CI.
        let language = try options["--language"].map { name throws(LabError) in
            guard let language = Language(rawValue: name) else { throw .usage("--language takes es or en, not \(name)") }
            return language
        } ?? (format == .text ? Language.preferred : .en)
        let labs: [LabManifest]
        if let number = options["--lab"] {
            guard let value = Int(number) else { throw .usage("--lab takes a lab number (1–6), not \(number)") }
            labs = [try catalog.lab(value)]
        } else {
            labs = catalog.labs
        }
        if options.flags.contains("--replay"), options["--bootstrap"] == nil, LabReplay.locateSamsa() == nil,
            labs.contains(where: { $0.tasks.contains { $0.check.kind == .cluster } })
        {
            throw .usage("--replay needs the samsa executable next to this one (or SAMSA_EXECUTABLE)")
        }
        // The id the instructor grades for; without it, the one each answers.properties names.
        let studentID = try options["--student-id"].map { text throws(LabError) in try StudentID(text) }
        if let submissions = options["--submissions"] {
            return try await Self.regrade(
                URL(fileURLWithPath: submissions, isDirectory: true), labs: labs, options: options, language: language,
                code: code)
        }
        let submissionRoot = options["--submission"].map { URL(fileURLWithPath: $0, isDirectory: true) } ?? catalog.root
        var results: [LabResult] = []
        for lab in labs {
            results.append(
                await Self.grade(
                    lab, submissionRoot: submissionRoot, labCount: labs.count, studentID: studentID, options: options,
                    language: language, code: code))
        }
        let report = GradeReport.render(results, format: format, language: language)
        if let path = options["--output"] {
            do {
                try Data(report.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw .io("cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            print(report, terminator: "")
        }
        return 0
    }

    /// One lab of one submission: the lab's folder inside `submissionRoot` (or the root itself when
    /// only one lab is graded and it holds the files), cluster tasks on `--bootstrap`, or on a cluster
    /// rebuilt from the student's log with `--replay`.
    static func grade(
        _ lab: LabManifest, submissionRoot: URL, labCount: Int, studentID: StudentID?, options: Options,
        language: Language, code: ExerciseImplementations?
    ) async -> LabResult {
        let nested = submissionRoot.appendingPathComponent(lab.folderName, isDirectory: true)
        let folder = FileManager.default.fileExists(atPath: nested.path) || labCount > 1 ? nested : submissionRoot
        var bootstrap = options["--bootstrap"]
        var replayed: LabReplay.ReplayedCluster?
        if bootstrap == nil, options.flags.contains("--replay"), lab.tasks.contains(where: { $0.check.kind == .cluster }) {
            // The cluster tasks are graded on a fresh cluster the student's commands built.
            var errorOutput = StandardError()
            if let samsa = LabReplay.locateSamsa() {
                let log = CommandLog.load(folder: folder)
                if !log.entries.isEmpty {
                    do {
                        replayed = try LabReplay(samsa: samsa).run(log, lab: lab)
                        bootstrap = replayed?.bootstrap
                    } catch {
                        // Graded from the log instead; the grader's log says why.
                        print("samsa grade: lab \(lab.number): replay failed, cluster tasks use the command log: \(error)", to: &errorOutput)
                    }
                }
            } else {
                print("samsa grade: --replay needs the samsa executable next to this one (or SAMSA_EXECUTABLE); cluster tasks use the command log", to: &errorOutput)
            }
        }
        let checker = LabChecker(submission: folder, bootstrap: bootstrap, code: code, language: language, studentID: studentID)
        let result = await checker.run(lab)
        replayed?.destroy()
        return result
    }

    /// `--submissions DIR`: every folder in DIR is one student's submission, named by their id;
    /// one CSV row per student and lab (`--output`, else standard output), and with
    /// `--gradescope-dir OUT` a results.json per student in OUT/ID.json. Exercise tasks need the
    /// student's compiled code, so here they are "not attempted" unless `code` is given: their
    /// points come from the autograder, which builds each submission.
    static func regrade(
        _ root: URL, labs: [LabManifest], options: Options, language: Language, code: ExerciseImplementations?
    ) async throws(LabError) -> Int32 {
        let folders: [URL]
        do {
            folders = try FileManager.default.contentsOfDirectory(
                at: root, includingPropertiesForKeys: [.isDirectoryKey], options: [.skipsHiddenFiles]
            ).filter { (try? $0.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw .io("cannot list \(root.path): \(error.localizedDescription)")
        }
        guard !folders.isEmpty else { throw .usage("\(root.path) holds no submission folders (one per student, named by id)") }
        var rows: [RegradeTable.Row] = []
        for folder in folders {
            let id = try? StudentID(folder.lastPathComponent)
            var results: [LabResult] = []
            for lab in labs {
                results.append(
                    await Self.grade(
                        lab, submissionRoot: folder, labCount: labs.count, studentID: id, options: options,
                        language: language, code: code))
            }
            var row = RegradeTable.Row(folder: folder.lastPathComponent, studentID: id, results: results)
            for lab in labs {
                let nested = folder.appendingPathComponent(lab.folderName, isDirectory: true)
                let labFolder = FileManager.default.fileExists(atPath: nested.path) || labs.count > 1 ? nested : folder
                let written = AnswersFile.load(folder: labFolder)[StudentID.answersKey]
                if let written, let id, (try? StudentID(written)) != id { row.writtenFor[lab.number] = written }
            }
            rows.append(row)
            if let directory = options["--gradescope-dir"] {
                let file = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent("\(folder.lastPathComponent).json")
                do {
                    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(GradeReport.gradescope(results).utf8).write(to: file)
                } catch {
                    throw .io("cannot write \(file.path): \(error.localizedDescription)")
                }
            }
        }
        let csv = RegradeTable.csv(rows, labs: labs)
        if let path = options["--output"] {
            do {
                try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
            } catch {
                throw .io("cannot write \(path): \(error.localizedDescription)")
            }
        } else {
            print(csv, terminator: "")
        }
        return 0
    }

    /// `lab solution`: the reference answers.properties and commands.log of lab N filled with
    /// student ID's values, for an instructor to compare with a submission (and for replays).
    static func solution(_ options: Options) throws(LabError) -> Int32 {
        guard let number = options["--lab"].flatMap(Int.init), let output = options["--output"] else {
            throw .usage("lab solution needs --lab N and --output DIR\n\(Self.usage)")
        }
        let id = try options["--student-id"].map { text throws(LabError) in try StudentID(text) }
        let catalog = try Self.catalog(options)
        let lab = try catalog.lab(number)
        if lab.hasVariants && id == nil { throw .usage("lab \(number) gives every student their own values: add --student-id ID") }
        let source = catalog.folder(of: lab).appendingPathComponent("solution", isDirectory: true)
        let destination = URL(fileURLWithPath: output, isDirectory: true)
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
        print("Wrote lab \(number)'s reference\(id.map { " for \($0)" } ?? "") to \(destination.path): \(written.joined(separator: ", ")).")
        return 0
    }

    static func export(_ options: Options) throws(LabError) -> Int32 {
        guard let student = options["--student"] else { throw .usage("lab export needs --student DIR\n\(Self.usage)") }
        let catalog = try Self.catalog(options)
        let destination = URL(fileURLWithPath: student, isDirectory: true)
        let files = try StudentExport.export(labsRoot: catalog.root, to: destination)
        print("Wrote the student handout to \(destination.path): \(files.count) files, no reference solutions.")
        return 0
    }
}

/// Standard error as a `TextOutputStream`, for `print(…, to:)`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
