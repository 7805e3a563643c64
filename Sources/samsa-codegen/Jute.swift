import Foundation

/// A field type of ZooKeeper's jute IDL (`zookeeper-jute/src/main/resources/zookeeper.jute`).
indirect enum JuteType: Equatable {
    case int
    case long
    case boolean
    case ustring
    case buffer
    /// A type jute has that no ZooKeeper record Samsa generates uses (`byte`, `float`, `double`, `map<…>`).
    case unsupported(String)
    /// Another record, as written: `Id` (same module) or `org.apache.zookeeper.data.Stat`.
    case record(String)
    case vector(JuteType)
}

struct JuteField {
    var name: String
    var type: JuteType
}

/// One `class X { … }` of a jute `module`.
struct JuteClass {
    var name: String
    var module: String
    var fields: [JuteField]

    /// `module.name`, how other modules refer to it.
    var qualifiedName: String { "\(self.module).\(self.name)" }
}

/// Parses the jute IDL: `module a.b { class C { type name; … } … }`, with `//` and `/* */` comments.
/// Only what zookeeper.jute uses; anything else is an error naming the line.
struct JuteParser {
    private enum Token: Equatable {
        case word(String)
        case symbol(Character)
    }

    private var tokens: [(token: Token, line: Int)] = []
    private var position = 0
    private let fileName: String

    init(text: String, fileName: String) throws {
        self.fileName = fileName
        self.tokens = try Self.tokenize(text, fileName: fileName)
    }

    static func parse(contentsOf url: URL) throws -> [JuteClass] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw CodegenError("cannot read \(url.path): \(error.localizedDescription); pass --jute <file>")
        }
        var parser = try JuteParser(text: text, fileName: url.lastPathComponent)
        return try parser.parseFile()
    }

    mutating func parseFile() throws -> [JuteClass] {
        var classes: [JuteClass] = []
        while self.position < self.tokens.count {
            try self.expectWord("module")
            let module = try self.word("a module name")
            try self.expect("{")
            while try !self.skip("}") {
                try self.expectWord("class")
                let name = try self.word("a class name")
                try self.expect("{")
                var fields: [JuteField] = []
                while try !self.skip("}") {
                    let type = try self.type()
                    let fieldName = try self.word("a field name")
                    try self.expect(";")
                    fields.append(JuteField(name: fieldName, type: type))
                }
                classes.append(JuteClass(name: name, module: module, fields: fields))
            }
        }
        return classes
    }

    private mutating func type() throws -> JuteType {
        let name = try self.word("a field type")
        switch name {
        case "int": return .int
        case "long": return .long
        case "boolean": return .boolean
        case "ustring": return .ustring
        case "buffer": return .buffer
        case "byte", "float", "double": return .unsupported(name)
        case "vector":
            try self.expect("<")
            let element = try self.type()
            try self.expect(">")
            return .vector(element)
        case "map":
            try self.expect("<")
            _ = try self.type()
            try self.expect(",")
            _ = try self.type()
            try self.expect(">")
            return .unsupported("map")
        default:
            return .record(name)
        }
    }

    // MARK: Tokens

    private static func tokenize(_ text: String, fileName: String) throws -> [(token: Token, line: Int)] {
        var tokens: [(token: Token, line: Int)] = []
        let characters = Array(text)
        var index = 0
        var line = 1
        func isWordCharacter(_ character: Character) -> Bool {
            character.isLetter || character.isNumber || character == "_" || character == "."
        }
        while index < characters.count {
            let character = characters[index]
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "\n" {
                line += 1
                index += 1
            } else if character.isWhitespace {
                index += 1
            } else if character == "/" && next == "/" {
                while index < characters.count && characters[index] != "\n" { index += 1 }
            } else if character == "/" && next == "*" {
                let start = line
                index += 2
                while index < characters.count
                    && !(characters[index] == "*" && index + 1 < characters.count
                        && characters[index + 1] == "/")
                {
                    if characters[index] == "\n" { line += 1 }
                    index += 1
                }
                guard index < characters.count else {
                    throw CodegenError("\(fileName):\(start): the /* comment is never closed; add */")
                }
                index += 2
            } else if "{}<>;,".contains(character) {
                tokens.append((.symbol(character), line))
                index += 1
            } else if isWordCharacter(character) {
                var word = ""
                while index < characters.count && isWordCharacter(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                tokens.append((.word(word), line))
            } else {
                throw CodegenError(
                    "\(fileName):\(line): unexpected '\(character)' in jute; expected a name or { } < > ;")
            }
        }
        return tokens
    }

    private var line: Int {
        self.position < self.tokens.count ? self.tokens[self.position].line : (self.tokens.last?.line ?? 1)
    }

    private mutating func word(_ what: String) throws -> String {
        guard self.position < self.tokens.count, case .word(let word) = self.tokens[self.position].token else {
            throw CodegenError("\(self.fileName):\(self.line): expected \(what)")
        }
        self.position += 1
        return word
    }

    private mutating func expectWord(_ keyword: String) throws {
        let line = self.line
        let word = try self.word("'\(keyword)'")
        guard word == keyword else {
            throw CodegenError("\(self.fileName):\(line): expected '\(keyword)', found '\(word)'")
        }
    }

    private mutating func expect(_ symbol: Character) throws {
        guard try self.skip(symbol) else { throw CodegenError("\(self.fileName):\(self.line): expected '\(symbol)'") }
    }

    /// Consumes `symbol` if it comes next; at the end of the file that is an error (a `}` is missing).
    private mutating func skip(_ symbol: Character) throws -> Bool {
        guard self.position < self.tokens.count else {
            throw CodegenError("\(self.fileName): ends inside a module or class; a '}' is missing")
        }
        if self.tokens[self.position].token == .symbol(symbol) {
            self.position += 1
            return true
        }
        return false
    }
}
