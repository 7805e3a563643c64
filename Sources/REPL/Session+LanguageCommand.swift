import CourseLanguage

/// `language [es|en]`: shows or changes the session's language and keeps the choice in the
/// project folder (`LanguageSetting`), so the next `samsa` and `samsa grade` there speak it too.
extension CommandTable {
    static let languageCommands: [CommandSpec] = [
        CommandSpec(
            ["language"], positionals: [.init("LANGUAGE", .choice(["es", "en"]), isRequired: false)],
            summary: "show or change samsa's language (es or en); remembered in this folder",
            details: """
                Chooses the language of everything samsa prints: help, steps, hints, events, errors, `explain`
                and `lab check`. It is kept in .samsa/language, so `samsa` and `samsa grade` use it next time in
                this folder. Also: `samsa --language es|en`; with no choice, the system's language (LANG).
                """,
            spanish: CommandHelp(
                summary: "muestra o cambia el idioma de samsa (es o en); se recuerda en esta carpeta",
                details: """
                    Elige el idioma de todo lo que escribe samsa: ayuda, pasos, pistas, eventos, errores, `explain` y
                    `lab check`. Se guarda en .samsa/language, así que `samsa` y `samsa grade` lo usan la próxima vez
                    en esta carpeta. También: `samsa --language es|en`; sin elección, el idioma del sistema (LANG).
                    """),
            run: { session, arguments throws(REPLError) in try session.runLanguageCommand(arguments) })
    ]
}

extension Session {
    func runLanguageCommand(_ arguments: ParsedArguments) throws(REPLError) {
        guard let name = arguments.positionals.first else {
            self.console.print(
                self.language.pick(
                    es: "Idioma: español. `language en` cambia a inglés.",
                    en: "Language: English. `language es` switches to Spanish."))
            return
        }
        guard let language = Language(rawValue: name.lowercased()) else {
            throw .usage(
                self.language.pick(
                    es: "los idiomas son es y en, no \(name)", en: "the languages are es and en, not \(name)"),
                usage: "language es|en")
        }
        try self.chooseLanguage(language)
        self.console.print(
            language.pick(
                es: "Idioma: español, guardado en .samsa/language para esta carpeta.",
                en: "Language: English, kept in .samsa/language for this folder."))
    }

    /// Speaks `language` from now on and remembers it for this project folder.
    public func chooseLanguage(_ language: Language) throws(REPLError) {
        self.language = language
        do {
            try LanguageSetting.save(language, projectFolder: self.configuration.baseDirectory)
        } catch {
            throw .file(
                language.pick(
                    es: "no se puede guardar el idioma en .samsa/language: \(error)",
                    en: "cannot keep the language in .samsa/language: \(error)"))
        }
    }
}
