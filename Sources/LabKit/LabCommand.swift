import Foundation

/// `samsa grade …` and `samsa lab export …`, for the `samsa` executable to dispatch to:
///
///     samsa grade [--lab N] [--submission DIR] [--format text|junit|gradescope]
///                 [--output FILE] [--bootstrap HOST:PORT | --replay] [--labs DIR] [--language es|en]
///                 [--student-id ID]
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
               samsa lab export --student DIR [--labs DIR]
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
                "--student-id",
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
        let language = LabLanguage(rawValue: options["--language"] ?? "") ?? (format == .text ? .es : .en)
        let labs: [LabManifest]
        if let number = options["--lab"] {
            guard let value = Int(number) else { throw .usage("--lab takes a lab number (1–6), not \(number)") }
            labs = [try catalog.lab(value)]
        } else {
            labs = catalog.labs
        }
        // The id the instructor grades for; without it, the one each answers.properties names.
        let studentID = try options["--student-id"].map { text throws(LabError) in try StudentID(text) }
        let submissionRoot = options["--submission"].map { URL(fileURLWithPath: $0, isDirectory: true) } ?? catalog.root
        var results: [LabResult] = []
        for lab in labs {
            let nested = submissionRoot.appendingPathComponent(lab.folderName, isDirectory: true)
            let folder = FileManager.default.fileExists(atPath: nested.path) || labs.count > 1 ? nested : submissionRoot
            var bootstrap = options["--bootstrap"]
            var replayed: LabReplay.ReplayedCluster?
            if bootstrap == nil, options.flags.contains("--replay"), lab.tasks.contains(where: { $0.check.kind == .cluster }) {
                // The cluster tasks are graded on a fresh cluster the student's commands built.
                guard let samsa = LabReplay.locateSamsa() else {
                    throw .usage("--replay needs the samsa executable next to this one (or SAMSA_EXECUTABLE)")
                }
                let log = CommandLog.load(folder: folder)
                if !log.entries.isEmpty {
                    do {
                        replayed = try LabReplay(samsa: samsa).run(log, lab: lab)
                        bootstrap = replayed?.bootstrap
                    } catch {
                        // Graded from the log instead; the grader's log says why.
                        var errorOutput = StandardError()
                        print("samsa grade: lab \(lab.number): replay failed, cluster tasks use the command log: \(error)", to: &errorOutput)
                    }
                }
            }
            let checker = LabChecker(
                submission: folder, bootstrap: bootstrap, code: code, language: language, studentID: studentID)
            results.append(await checker.run(lab))
            replayed?.destroy()
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
