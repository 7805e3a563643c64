import CourseLanguage
import Foundation
import LabKit

/// `lab id`: the student id the labs are graded under, kept in the progress file.
extension Session {
    /// `lab id` shows the id; `lab id [set] ID` keeps it in the progress file and writes it to the
    /// `student_id` line of every lab's answers.properties that has none yet.
    func labID(_ arguments: ParsedArguments, catalog: LabCatalog, progress: inout LabProgress) throws(REPLError) {
        var words = arguments.positionals
        if words.first?.lowercased() == "set" { words.removeFirst() }
        guard !words.isEmpty else {
            let es = self.language == .es
            self.console.print(
                progress.studentID.map { es ? "Tu identificador de estudiante es \($0)." : "Your student id is \($0)." }
                    ?? (es
                        ? "Aún no tienes identificador de estudiante: `lab id set TU-ID` lo fija."
                        : "No student id yet: `lab id set YOUR-ID` sets it."))
            return
        }
        guard words.count == 1 else {
            throw .usage(
                self.language.pick(
                    es: "un identificador de estudiante es una sola palabra", en: "a student id is one word"),
                usage: "lab id set ID")
        }
        let id: StudentID
        do {
            id = try StudentID(words[0])
        } catch {
            throw .usage("\(error)", usage: "lab id set ID")
        }
        if let current = progress.studentID, current != id {
            self.console.print(
                self.language.pick(
                    es:
                        "Tu identificador era \(current); ahora es \(id). Los laboratorios con variables te dan valores nuevos.",
                    en: "Your student id was \(current); it is now \(id). Labs with variables give you new values."))
        }
        progress.studentID = id
        try self.save(progress, to: catalog.progressFile)
        var kept: [String] = []
        for lab in catalog.labs {
            let file = catalog.folder(of: lab).appendingPathComponent(AnswersFile.fileName)
            switch AnswersFile.writeStudentID(id, to: file) {
            case .written, .noLine: break
            case .other(let existing): kept.append("\(lab.folderName) (\(existing))")
            }
        }
        self.console.print(
            self.language.pick(
                es: "Identificador de estudiante: \(id). `lab start N` muestra tus propios valores.",
                en: "Student id: \(id). `lab start N` shows your own values."))
        if !kept.isEmpty {
            self.console.print(
                self.language.pick(
                    es:
                        "Estos answers.properties ya nombran otro identificador y se quedan como están: \(kept.joined(separator: ", ")).",
                    en:
                        "These answers.properties already name another id, left as they are: \(kept.joined(separator: ", "))."
                ))
        }
    }

    func save(_ progress: LabProgress, to file: URL) throws(REPLError) {
        do {
            try progress.save(to: file)
        } catch {
            throw .file("\(error)")
        }
    }
}
