import ArgumentParser
import CourseLanguage
import Foundation

extension LabCommand {
    /// `grade`: one submission against the labs' checks, or with `--submissions DIR` a folder of
    /// them. `--submission DIR` is a folder holding the lab folders (`01-first-cluster/answers.properties`,
    /// …), or one lab's folder when `--lab` is given; by default the labs folder itself.
    struct Grade: LabSubcommand {
        static let configuration = CommandConfiguration(
            abstract: "Grade a submission (or with --submissions a folder of them) with the labs' checks.",
            discussion: """
                Cluster tasks are checked on --bootstrap HOST:PORT, or with --replay on a fresh cluster \
                rebuilt from the student's commands.log; otherwise from the command log alone.
                """)

        @Option(help: ArgumentHelp("Only lab N (default: every lab).", valueName: "N"), transform: LabCommand.labNumber)
        var lab: Int?

        @Option(
            help: ArgumentHelp(
                "The folder holding the lab folders, or one lab's folder with --lab (default: the labs folder).",
                valueName: "DIR"))
        var submission: String?

        @Option(
            help: ArgumentHelp(
                "The report: text for people, junit for CI, gradescope for Gradescope's results.json.",
                valueName: "text|junit|gradescope"))
        var format: GradeReport.Format = .text

        @Option(
            help: ArgumentHelp(
                "Write the report (the CSV with --submissions) to FILE, not standard output.", valueName: "FILE"))
        var output: String?

        @Option(help: ArgumentHelp("Check the cluster tasks on this running cluster.", valueName: "HOST:PORT"))
        var bootstrap: String?

        @Flag(help: "Check the cluster tasks on a fresh cluster rebuilt from the student's commands.log.")
        var replay = false

        @Option(
            help: ArgumentHelp("The labs folder (default: labs/, found from the current folder up).", valueName: "DIR"))
        var labs: String?

        @Option(
            help: ArgumentHelp(
                "The report's language (default: the one chosen in this folder for text, else English).",
                valueName: "es|en"),
            transform: LabCommand.language)
        var language: Language?

        @Option(
            name: .customLong("student-id"),
            help: ArgumentHelp(
                "Grade for this student's values (default: the id each answers.properties names).", valueName: "ID"),
            transform: LabCommand.studentID)
        var studentID: StudentID?

        @Option(
            help: ArgumentHelp(
                "Grade every folder in DIR as one student's submission, named by their id; one CSV row per student and lab.",
                valueName: "DIR"))
        var submissions: String?

        @Option(
            name: .customLong("gradescope-dir"),
            help: ArgumentHelp(
                "With --submissions: a Gradescope results.json per student in OUT/ID.json.", valueName: "OUT"))
        var gradescopeDir: String?

        func execute(code: ExerciseImplementations?) async throws(LabError) -> Int32 {
            let catalog = try LabCommand.catalog(labs: self.labs)
            // The student's language for the terminal (the one chosen in this folder, else the system's);
            // English for machine reports, read by instructors and CI.
            let language = self.language ?? (self.format == .text ? Language.preferred : .en)
            let labs = try self.lab.map { number throws(LabError) in [try catalog.lab(number)] } ?? catalog.labs
            if self.replay, self.bootstrap == nil, LabReplay.locateSamsa() == nil,
                labs.contains(where: { $0.tasks.contains { $0.check.kind == .cluster } })
            {
                throw .usage("--replay needs the samsa executable next to this one (or SAMSA_EXECUTABLE)")
            }
            if let submissions = self.submissions {
                return try await self.regrade(
                    URL(fileURLWithPath: submissions, isDirectory: true), labs: labs, language: language, code: code)
            }
            let submissionRoot = self.submission.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? catalog.root
            var results: [LabResult] = []
            for lab in labs {
                results.append(
                    await self.grade(
                        lab, submissionRoot: submissionRoot, labCount: labs.count, studentID: self.studentID,
                        language: language, code: code))
            }
            let report = GradeReport.render(results, format: self.format, language: language)
            if let path = self.output {
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
        func grade(
            _ lab: LabManifest, submissionRoot: URL, labCount: Int, studentID: StudentID?, language: Language,
            code: ExerciseImplementations?
        ) async -> LabResult {
            let nested = submissionRoot.appendingPathComponent(lab.folderName, isDirectory: true)
            let folder = FileManager.default.fileExists(atPath: nested.path) || labCount > 1 ? nested : submissionRoot
            var bootstrap = self.bootstrap
            var replayed: LabReplay.ReplayedCluster?
            if bootstrap == nil, self.replay, lab.tasks.contains(where: { $0.check.kind == .cluster }) {
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
                            print(
                                "samsa grade: lab \(lab.number): replay failed, cluster tasks use the command log: \(error)",
                                to: &errorOutput)
                        }
                    }
                } else {
                    print(
                        "samsa grade: --replay needs the samsa executable next to this one (or SAMSA_EXECUTABLE); cluster tasks use the command log",
                        to: &errorOutput)
                }
            }
            let checker = LabChecker(
                submission: folder, bootstrap: bootstrap, code: code, language: language, studentID: studentID)
            let result = await checker.run(lab)
            replayed?.destroy()
            return result
        }

        /// `--submissions DIR`: every folder in DIR is one student's submission, named by their id;
        /// one CSV row per student and lab (`--output`, else standard output), and with
        /// `--gradescope-dir OUT` a results.json per student in OUT/ID.json. Exercise tasks need the
        /// student's compiled code, so here they are "not attempted" unless `code` is given: their
        /// points come from the autograder, which builds each submission.
        func regrade(
            _ root: URL, labs: [LabManifest], language: Language, code: ExerciseImplementations?
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
            guard !folders.isEmpty else {
                throw .usage("\(root.path) holds no submission folders (one per student, named by id)")
            }
            var rows: [RegradeTable.Row] = []
            for folder in folders {
                let id = try? StudentID(folder.lastPathComponent)
                var results: [LabResult] = []
                for lab in labs {
                    results.append(
                        await self.grade(
                            lab, submissionRoot: folder, labCount: labs.count, studentID: id, language: language,
                            code: code))
                }
                var row = RegradeTable.Row(folder: folder.lastPathComponent, studentID: id, results: results)
                for lab in labs {
                    let nested = folder.appendingPathComponent(lab.folderName, isDirectory: true)
                    let labFolder =
                        FileManager.default.fileExists(atPath: nested.path) || labs.count > 1 ? nested : folder
                    let written = AnswersFile.load(folder: labFolder)[StudentID.answersKey]
                    if let written, let id, (try? StudentID(written)) != id { row.writtenFor[lab.number] = written }
                }
                rows.append(row)
                if let directory = self.gradescopeDir {
                    let file = URL(fileURLWithPath: directory, isDirectory: true).appendingPathComponent(
                        "\(folder.lastPathComponent).json")
                    do {
                        try FileManager.default.createDirectory(
                            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(GradeReport.gradescope(results).utf8).write(to: file)
                    } catch {
                        throw .io("cannot write \(file.path): \(error.localizedDescription)")
                    }
                }
            }
            let csv = RegradeTable.csv(rows, labs: labs)
            if let path = self.output {
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
    }
}
