import CourseLanguage
import Foundation
import XCTest

/// How a session's language is chosen: a choice kept in the project folder, `SAMSA_LANGUAGE`, then
/// the system's locale variables in POSIX order.
final class LanguageTests: XCTestCase {
    func testLocaleNamesMapToLanguages() {
        XCTAssertEqual(Language(code: "es"), .es)
        XCTAssertEqual(Language(code: "es_ES.UTF-8"), .es)
        XCTAssertEqual(Language(code: "es_MX"), .es)
        XCTAssertEqual(Language(code: "en_GB.UTF-8"), .en)
        XCTAssertEqual(Language(code: "EN"), .en)
        XCTAssertNil(Language(code: "fr_FR.UTF-8"))
        XCTAssertNil(Language(code: "C.UTF-8"))
        XCTAssertNil(Language(code: "espanol"))
    }

    func testSystemLanguageFollowsPosixOrder() {
        XCTAssertEqual(Language.system(environment: ["LANG": "es_ES.UTF-8"]), .es)
        XCTAssertEqual(Language.system(environment: ["LANG": "es_AR.UTF-8", "LC_ALL": "en_US.UTF-8"]), .en)
        XCTAssertEqual(Language.system(environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "es_CL.UTF-8"]), .es)
        XCTAssertEqual(
            Language.system(environment: ["LANG": "es_ES.UTF-8", "LC_ALL": ""]), .es, "an empty variable is unset")
        XCTAssertEqual(Language.system(environment: ["LANG": "C.UTF-8"]), .en)
        XCTAssertEqual(Language.system(environment: [:]), .en)
    }

    func testChoiceKeptInTheProjectFolderBeatsTheSystem() throws {
        let folder = try self.temporaryFolder()
        let spanishSystem = ["LANG": "es_ES.UTF-8"]
        XCTAssertEqual(Language.resolve(projectFolder: folder, environment: spanishSystem), .es)
        XCTAssertNil(LanguageSetting.load(projectFolder: folder))

        try LanguageSetting.save(.en, projectFolder: folder)
        XCTAssertEqual(
            try String(contentsOf: folder.appendingPathComponent(".samsa/language"), encoding: .utf8), "en\n")
        XCTAssertEqual(Language.resolve(projectFolder: folder, environment: spanishSystem), .en)
        XCTAssertEqual(
            Language.resolve(projectFolder: folder, environment: ["SAMSA_LANGUAGE": "es"]), .es, "the override wins")

        try LanguageSetting.save(.es, projectFolder: folder)
        XCTAssertEqual(Language.resolve(projectFolder: folder, environment: ["LANG": "en_US.UTF-8"]), .es)
        XCTAssertEqual(
            Language.resolve(projectFolder: try self.temporaryFolder(), environment: ["LANG": "en_US.UTF-8"]), .en,
            "another folder keeps its own choice")
    }

    /// Kafka's tools run in a lab's folder (`labs/01-first-cluster`): the choice made in the
    /// project folder above it counts there too.
    func testToolsInALabFolderFollowTheProjectFoldersChoice() throws {
        let project = try self.temporaryFolder()
        let lab = project.appendingPathComponent("labs/01-first-cluster", isDirectory: true)
        try FileManager.default.createDirectory(at: lab, withIntermediateDirectories: true)
        let english = ["LANG": "en_US.UTF-8"]
        XCTAssertEqual(Language.resolve(workingDirectory: lab, environment: english), .en)
        try LanguageSetting.save(.es, projectFolder: project)
        XCTAssertEqual(Language.resolve(workingDirectory: lab, environment: english), .es)
        XCTAssertEqual(
            Language.resolve(workingDirectory: lab, environment: ["SAMSA_LANGUAGE": "en"]), .en, "the override wins")
        try LanguageSetting.save(.en, projectFolder: lab)
        XCTAssertEqual(
            Language.resolve(workingDirectory: lab, environment: ["LANG": "es_ES.UTF-8"]), .en,
            "the nearest choice wins")
    }

    func testLocalizedTextPicksTheLanguage() {
        let text = LocalizedText(es: "hola", en: "hello")
        XCTAssertEqual(text.text(.es), "hola")
        XCTAssertEqual(text.text(.en), "hello")
        XCTAssertEqual(Language.es.pick(es: "sí", en: "yes"), "sí")
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "samsa-language-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }
}
