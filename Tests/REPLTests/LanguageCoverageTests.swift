import CourseLanguage
import Foundation
import LocalCluster
import SamsaTesting
import XCTest

@testable import REPL

/// No English-only message in a Spanish session: every command's help, every `explain` entry,
/// every kind of live event and the REPL's own errors exist in both languages; the language is
/// chosen with `language es|en` and remembered in the project folder.
final class LanguageCoverageTests: XCTestCase {
    func testEveryCommandAndOptionHasSpanishHelp() {
        let table = CommandTable()
        for spec in table.commands {
            XCTAssertNotEqual(spec.summary(.es), spec.summary(.en), "`\(spec.name)` summary")
            if !spec.details.isEmpty {
                XCTAssertNotEqual(spec.details(.es), spec.details(.en), "`\(spec.name)` details")
                XCTAssertFalse(spec.details(.es).isEmpty, "`\(spec.name)` details")
            }
            for option in spec.options {
                XCTAssertNotEqual(spec.help(for: option, .es), option.help, "`\(spec.name) \(option.name)`")
            }
            // Spanish help for an option the command does not have is a misspelt key.
            for option in spec.spanish.options.keys.sorted() {
                XCTAssertNotNil(
                    spec.option(named: option), "Spanish help for `\(spec.name) \(option)`, which is no option")
            }
        }
    }

    func testHelpInASpanishSessionShowsNoEnglishSentence() throws {
        let (session, console) = try self.makeSession()
        session.language = .es
        let english = Self.englishHelpSentences()
        XCTAssertEqual(try session.execute("help"), .proceed)
        for spec in session.table.commands {
            XCTAssertEqual(try session.execute("help \(spec.name)"), .proceed)
        }
        XCTAssertTrue(console.output.hasPrefix("Comandos (`help <comando>` explica uno"), console.output)
        XCTAssertTrue(console.output.contains("uso: broker kill ID"), console.output)
        for sentence in english where console.output.contains(sentence) {
            XCTFail("English in a Spanish session: \(sentence)")
        }
        XCTAssertFalse(console.output.contains("usage:"), console.output)
    }

    func testEveryExplanationInBothLanguages() throws {
        let (session, console) = try self.makeSession()
        session.language = .es
        XCTAssertEqual(try session.execute("explain"), .proceed)
        XCTAssertTrue(console.output.hasPrefix("Términos: "), console.output)
        for entry in Explanations.entries {
            let spanish = try Explanations.explain(entry.term, .es)
            XCTAssertEqual(spanish, entry.text.es)
            XCTAssertNotEqual(spanish, try Explanations.explain(entry.term, .en), entry.term)
            XCTAssertEqual(try session.execute("explain \(entry.name.es)"), .proceed)
            XCTAssertTrue(console.output.hasSuffix(entry.text.es + "\n"), "`explain \(entry.name.es)`")
        }
        XCTAssertThrowsError(try session.execute("explain ofset")) { error in
            XCTAssertEqual(
                (error as? REPLError)?.text(.es), "no hay explicación para 'ofset'; ¿querías decir `explain offset`?")
        }
    }

    /// One sample of every `LiveEvent.Kind`: each is worded in Spanish and differs from the English.
    func testEveryLiveEventKindInBothLanguages() {
        let samples: [LiveEvent] = [
            .brokerRegistered(2), .brokerSessionEnded(2),
            .internalTopicChanged(topic: "__consumer_offsets", leaderChanges: 17, shrinks: 1, grows: 2),
            .controllerGone(previous: 1), .controllerElected(3), .controllerEpoch(4),
            .leaderChanged(partition: "orders-0", previous: 1, leader: 2, leaderEpoch: 1, isr: [2, 3], unclean: false),
            .leaderChanged(partition: "orders-0", previous: 1, leader: -1, leaderEpoch: 2, isr: [1], unclean: false),
            .leaderChanged(partition: "orders-0", previous: 1, leader: 3, leaderEpoch: 2, isr: [3], unclean: true),
            .isrChanged(
                partition: "orders-0", before: [1, 2, 3], after: [1, 3], down: [2], lagging: [], caughtUp: []),
            .isrChanged(
                partition: "orders-0", before: [1, 3], after: [1, 2, 3], down: [], lagging: [], caughtUp: [2]),
            .isrChanged(partition: "orders-0", before: [1, 2], after: [1], down: [], lagging: [2], caughtUp: []),
            .consumerFailed(
                name: "c1", message: LocalizedText(es: "COORDINATOR_NOT_AVAILABLE", en: "COORDINATOR_NOT_AVAILABLE")),
            .groupAssigned(
                group: "billing", generation: 3,
                owners: [.init(member: "c1", partitions: ["orders-0"]), .init(member: "c2", partitions: [])],
                cause: .joined("c2")),
            .groupAssigned(group: "billing", generation: 4, owners: [], cause: .left("c2")),
            .groupAssigned(group: "billing", generation: 5, owners: [], cause: .killed("c3", sessionTimeoutMs: 10000)),
            .processExited(role: "broker 2", brokerID: 2, pid: 41, killed: true, status: 9, logFile: "/tmp/b2.log"),
            .processExited(
                role: "metadata server", brokerID: nil, pid: 40, killed: false, status: 1, logFile: "/tmp/meta.log"),
            .faultInjected(broker: 3, fault: .cutReplication, lagSeconds: 10),
            .faultInjected(broker: 3, fault: .slowReplication(delayMs: 500), lagSeconds: 10),
            .faultInjected(broker: 3, fault: .isolate, lagSeconds: 10),
            .faultHealed(broker: 3, names: ["cut-replication"]),
        ]
        XCTAssertEqual(Set(samples.map(\.kind)), Set(LiveEvent.Kind.allCases), "a sample of every kind")
        let englishOnly = [
            "registered", "session ended", "changed leader", "the controller", "offline", "UNCLEAN election",
            "fell behind", "caught up", "is down", "generation", "nothing", "joined", "left with", "was killed",
            "exited", "its log",
            "replication cut", "slowed", "isolated", "healed", "Followers",
        ]
        for event in samples {
            let spanish = event.text(.es)
            let english = event.text(.en)
            XCTAssertNotEqual(spanish, english)
            for word in englishOnly where spanish.contains(word) {
                XCTFail("English '\(word)' in a Spanish event: \(spanish)")
            }
        }
        XCTAssertEqual(
            samples[6].text(.es), "controller: orders-0 líder 1 → 2 (leader epoch 1) · ISR 2,3")
        XCTAssertEqual(
            samples[9].text(.es), "orders-0 ISR encoge 1,2,3 → 1,3: 2 está caído (lo ha sacado el controller)")
    }

    func testLanguageCommandIsRememberedInTheProjectFolder() throws {
        let (session, console) = try self.makeSession()
        session.language = .en
        XCTAssertEqual(try session.execute("language es"), .proceed)
        XCTAssertEqual(session.language, .es)
        XCTAssertTrue(
            console.output.hasSuffix("Idioma: español, guardado en .samsa/language para esta carpeta.\n"),
            console.output)
        XCTAssertEqual(LanguageSetting.load(projectFolder: session.configuration.baseDirectory), .es)
        XCTAssertThrowsError(try session.execute("language fr")) { error in
            XCTAssertEqual((error as? REPLError)?.text(.es), "los idiomas son es y en, no fr\nuso: language es|en")
        }
        XCTAssertThrowsError(try session.execute("clustr start")) { error in
            XCTAssertEqual(
                (error as? REPLError)?.text(session.language),
                "comando desconocido 'clustr'; ¿querías decir `cluster start`?")
        }

        // A new session in the same folder speaks Spanish without being told (unless SAMSA_LANGUAGE says otherwise).
        let previous = ProcessInfo.processInfo.environment["SAMSA_LANGUAGE"]
        unsetenv("SAMSA_LANGUAGE")
        defer { if let previous { setenv("SAMSA_LANGUAGE", previous, 1) } }
        let again = Session(
            configuration: .init(
                clusterName: "lab", baseDirectory: session.configuration.baseDirectory,
                executables: session.configuration.executables, usesWatchdog: false),
            console: Console.capturing(width: 80))
        XCTAssertEqual(again.language, .es)
        XCTAssertEqual(try again.execute("language en"), .proceed)
        XCTAssertEqual(LanguageSetting.load(projectFolder: session.configuration.baseDirectory), .en)
    }

    func testArgumentErrorsInSpanish() throws {
        let (session, _) = try self.makeSession()
        session.language = .es
        let cases: [(String, String)] = [
            ("produce", "`produce` necesita TOPIC"),
            (
                "topic create orders --partitons 3",
                "`topic create` no tiene la opción --partitons; ¿querías decir --partitions?"
            ),
            ("produce orders x --acks 2", "--acks debe ser 0, 1, all; no '2'"),
            ("broker kill two", "ID debe ser un número entero desde 0; no 'two'"),
            (
                "produce orders x --round-robin --key k",
                "--round-robin elige la partición de cada mensaje; no va con --partition ni con --key"
            ),
            (
                "watch produce orders",
                "`watch` solo repite vistas: `cluster status`, `group describe`, `group list`, `topic describe`, `topic list`, `topic offsets`, `topic segments`"
            ),
        ]
        for (line, message) in cases {
            XCTAssertThrowsError(try session.execute(line), line) { error in
                let text = (error as? REPLError)?.text(.es) ?? ""
                XCTAssertTrue(text.hasPrefix(message + "\nuso: "), "\(line): \(text)")
            }
        }
    }

    /// `cluster start`'s note about a taken port, the only note LocalCluster writes, in Spanish.
    func testClusterStartPortNotesInSpanish() {
        XCTAssertEqual(
            Session.note("port 2181 is in use, so metadata server listens on 34643", .es),
            "el puerto 2181 está ocupado, así que el servidor de metadatos escucha en el 34643")
        XCTAssertEqual(
            Session.note("port 9093 is in use, so broker 2 listens on 44431", .es),
            "el puerto 9093 está ocupado, así que el broker 2 escucha en el 44431")
        XCTAssertEqual(
            Session.note("port 9093 is in use, so broker 2 listens on 44431", .en),
            "port 9093 is in use, so broker 2 listens on 44431")
    }

    func testThePromptInSpanish() {
        XCTAssertEqual(ClusterDiagram.prompt(for: nil, language: .es), "samsa (sin clúster)> ")
        XCTAssertEqual(ClusterDiagram.prompt(for: nil, language: .en), "samsa (no cluster)> ")
    }

    func testLabCommandsOutsideAProjectAnswerInSpanish() throws {
        let (session, _) = try self.makeSession()
        session.language = .es
        XCTAssertThrowsError(try session.execute("lab list")) { error in
            XCTAssertEqual(
                (error as? REPLError)?.text(.es),
                "aquí no hay carpeta labs/: ejecuta samsa desde la carpeta del proyecto (la que contiene labs/)")
        }
    }

    /// `samsa --language es --script EMPTY` only chooses the language: an empty file is an empty script.
    func testAnEmptyScriptFileReadsAsNoCommands() throws {
        let directory = try self.makeTemporaryDirectory()
        let file = directory.url.appendingPathComponent("empty.samsa")
        try Data().write(to: file)
        XCTAssertEqual(TextFile.read(file.path), "")
        XCTAssertNil(TextFile.read(directory.url.appendingPathComponent("missing.samsa").path))
    }

    /// Every English summary, details paragraph and option help, to look for in Spanish output.
    static func englishHelpSentences() -> [String] {
        CommandTable().commands.flatMap { spec in
            [spec.summary] + (spec.details.isEmpty ? [] : [String(spec.details.prefix(40))]) + spec.options.map(\.help)
        }
    }

    private func makeSession() throws -> (Session, Console) {
        Session.withoutServers(in: try self.makeTemporaryDirectory())
    }
}
