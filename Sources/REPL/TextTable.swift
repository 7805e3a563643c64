/// A table of columns that fits the terminal: columns are as wide as their widest cell, and when
/// the whole is wider than `width`, the widest shrinkable columns give up space first, their
/// cells cut with "…". Cells may carry colour; widths count only visible characters.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public struct Column: Sendable {
        public let header: String
        public let alignment: Alignment
        /// False for columns that must stay whole (ids, offsets).
        public let canShrink: Bool

        public init(_ header: String, alignment: Alignment = .left, canShrink: Bool = false) {
            self.header = header
            self.alignment = alignment
            self.canShrink = canShrink
        }
    }

    public var columns: [Column]
    public var rows: [[String]]
    /// Spaces between columns.
    public var gap = 2
    /// Spaces before the first column.
    public var indent = 0
    /// False for a list whose first row is data (or carries its own, unbolded, header).
    public var showsHeader = true

    public init(columns: [Column], rows: [[String]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The lines of the table, each at most `width` columns (unless unshrinkable columns alone
    /// are wider), without trailing spaces.
    public func render(width: Int, style: Style = .plain) -> [String] {
        let all = (self.showsHeader ? [self.columns.map(\.header)] : []) + self.rows
        var widths = self.columns.indices.map { index in
            all.map { index < $0.count ? Style.visibleWidth($0[index]) : 0 }.max() ?? 0
        }
        let fixed = self.indent + self.gap * max(0, self.columns.count - 1)
        var excess = fixed + widths.reduce(0, +) - width
        // Take one column at a time from the widest shrinkable column, down to its header width.
        while excess > 0 {
            let candidates = self.columns.indices.filter {
                self.columns[$0].canShrink && widths[$0] > max(3, Style.visibleWidth(self.columns[$0].header))
            }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
            excess -= 1
        }
        var lines: [String] = []
        for (rowIndex, row) in all.enumerated() {
            var line = String(repeating: " ", count: self.indent)
            for (index, column) in self.columns.enumerated() {
                let cell = index < row.count ? row[index] : ""
                var text = Self.fit(cell, width: widths[index])
                if rowIndex == 0 && self.showsHeader { text = style.bold(text) }
                let padding = String(repeating: " ", count: max(0, widths[index] - Style.visibleWidth(text)))
                line += column.alignment == .left ? text + padding : padding + text
                if index < self.columns.count - 1 { line += String(repeating: " ", count: self.gap) }
            }
            lines.append(Self.trimmingTrailingSpaces(line))
        }
        return lines
    }

    /// Rows as left-aligned columns two spaces apart, never cut: a list of facts or records.
    public static func aligned(_ rows: [[String]]) -> [String] {
        let count = rows.map(\.count).max() ?? 0
        var table = TextTable(columns: Array(repeating: Column(""), count: count), rows: rows)
        table.showsHeader = false
        return table.render(width: .max)
    }

    /// `text` cut to `width` visible columns with "…"; text with colour codes is cut without them.
    static func fit(_ text: String, width: Int) -> String {
        guard Style.visibleWidth(text) > width else { return text }
        let plain = Self.strippingEscapes(text)
        var result = ""
        for character in plain {
            if Style.visibleWidth(result + String(character)) > width - 1 { break }
            result.append(character)
        }
        return result + "…"
    }

    static func strippingEscapes(_ text: String) -> String {
        var result = ""
        var inEscape = false
        for character in text {
            if inEscape {
                if character == "m" { inEscape = false }
                continue
            }
            if character == "\u{1B}" {
                inEscape = true
                continue
            }
            result.append(character)
        }
        return result
    }

    static func trimmingTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
