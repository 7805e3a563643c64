import CourseLanguage
import Foundation

/// A fenced block of a lab sheet, with what tells the student where to type it: the fence's info
/// string (```samsa or ```sh) and the label line just above the fence.
struct SheetCodeBlock {
    /// Where a block's lines run.
    enum Place: CaseIterable {
        case repl
        case terminal

        /// The fence's info string: `samsa` (like the slides' REPL blocks) or `sh` (shell colours on GitHub).
        var fence: String {
            switch self {
            case .repl: "samsa"
            case .terminal: "sh"
            }
        }

        /// The line the student sees above the block.
        func label(_ language: Language) -> String {
            switch (self, language) {
            case (.repl, .en): "*In the REPL:*"
            case (.repl, .es): "*En el REPL:*"
            case (.terminal, .en): "*In a terminal:*"
            case (.terminal, .es): "*En una terminal:*"
            }
        }
    }

    /// 1-based line of the opening fence.
    let line: Int
    /// What follows the opening ``` (empty when unlabelled).
    let info: String
    /// The nearest non-blank line above the fence, trimmed.
    let lineAbove: String
    /// The block's lines, trimmed, blank ones left out.
    let lines: [String]
    /// The file ended before a closing ```.
    let isUnclosed: Bool

    var place: Place? { Place.allCases.first { $0.fence == self.info } }

    /// Every fenced block of a Markdown text, in order.
    static func blocks(in text: String) -> [SheetCodeBlock] {
        let lines = text.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var blocks: [SheetCodeBlock] = []
        var index = 0
        while index < lines.count {
            guard lines[index].hasPrefix("```") else {
                index += 1
                continue
            }
            let opening = index
            let above = lines[..<opening].last { !$0.isEmpty } ?? ""
            index += 1
            var body: [String] = []
            while index < lines.count, lines[index] != "```" {
                body.append(lines[index])
                index += 1
            }
            blocks.append(
                SheetCodeBlock(
                    line: opening + 1, info: String(lines[opening].dropFirst(3)), lineAbove: above,
                    lines: body.filter { !$0.isEmpty }, isUnclosed: index == lines.count))
            index += 1
        }
        return blocks
    }
}
