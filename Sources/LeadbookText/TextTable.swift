/// How a view for people is shown: in which language, how many terminal cells wide, and with
/// colour or not (only on a terminal, never with NO_COLOR).
public struct ViewStyle: Sendable, Equatable {
    public var language: Language
    /// The terminal's width in cells (100 when the output is not a terminal).
    public var width: Int
    public var color: Bool

    /// The width when the output is not a terminal and `COLUMNS` is not set.
    public static let defaultWidth = 100

    public init(language: Language, width: Int = ViewStyle.defaultWidth, color: Bool = false) {
        self.language = language
        self.width = width
        self.color = color
    }

    /// `text` in the colour of the SGR parameters `code` when the style has colour.
    public func paint(_ text: String, _ code: String) -> String { color ? TerminalText.paint(text, code) : text }

    /// The SGR parameters of what is late (overdue, missed): bold red.
    public static let lateColor = "1;31"
}

extension DisplayWidth {
    /// `text` in at most `cells` terminal cells: as it is when it fits, else cut at a character
    /// boundary (a wide character that would straddle the edge is left out) and ended with `…`.
    public static func cut(_ text: String, to cells: Int) -> String {
        if of(text) <= cells { return text }
        guard cells > 1 else { return cells == 1 ? "…" : "" }
        var scalars = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = of(scalar)
            if used + width > cells - 1 { break }
            scalars.append(scalar)
            used += width
        }
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(scalars) + "…"
    }

    /// `text` in lines of at most `cells` terminal cells (the first line at most `first`);
    /// one line when it fits. A line breaks
    /// at its last space or after its last wide character (Chinese), so a date or a word stays
    /// whole; only a word longer than a line is broken inside (never inside a character).
    /// Nothing is left out but the spaces where a line breaks.
    public static func wrap(_ text: String, to cells: Int, first: Int? = nil) -> [String] {
        guard cells > 1, of(text) > (first ?? cells) else { return [text] }
        var lines: [String] = []
        var line: [Unicode.Scalar] = []
        var used = 0
        /// Where the next line would start when this one breaks.
        var breakAt: Int?
        func take(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var scalars = scalars
            while scalars.last == " " { scalars.removeLast() }
            return String(String.UnicodeScalarView(scalars))
        }
        for scalar in text.unicodeScalars {
            let width = of(scalar)
            if used + width > (lines.isEmpty ? first ?? cells : cells), !line.isEmpty {
                let cut = breakAt ?? line.count
                lines.append(take(line[..<cut]))
                line = Array(line[cut...].drop { $0 == " " })
                used = line.reduce(0) { $0 + of($1) }
                breakAt = nil
            }
            if scalar == " ", line.isEmpty, !lines.isEmpty { continue }
            line.append(scalar)
            used += width
            if scalar == " " || width == 2 { breakAt = line.count }
        }
        if !line.isEmpty { lines.append(take(line[...])) }
        return lines
    }
}

/// Columns aligned in terminal cells (Chinese characters count two), fitted to a width: when
/// the rows are wider, the columns that may be cut lose cells, step by step in the order the
/// `cuts` give (each step down to its width), and their cells are cut with `…`; the other
/// columns (ids, dates, the status word) are never cut, and a line may stay wider when those
/// alone are.
public enum TextTable {
    /// One step of fitting: `column` may lose cells down to `width`.
    public struct Cut: Sendable, Equatable {
        public var column: Int
        public var width: Int

        public init(_ column: Int, downTo width: Int) {
            self.column = column
            self.width = width
        }
    }

    /// `rows` as lines of `indent` and cells separated by two spaces, at most `width` cells when
    /// the `cuts` can give enough (no limit when `width` is nil). `paint(row, column)` gives
    /// the SGR parameters of a cell's colour, or nil.
    public static func render(_ rows: [[String]], indent: String = "", width: Int? = nil, cuts: [Cut] = [],
                              paint: ((Int, Int) -> String?)? = nil) -> String {
        guard let columns = rows.map(\.count).max(), columns > 0 else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
        }
        let natural = widths
        if let width {
            var excess = DisplayWidth.of(indent) + widths.reduce(0, +) + 2 * (columns - 1) - width
            for cut in cuts where excess > 0 && cut.column < columns {
                let given = min(excess, max(0, widths[cut.column] - cut.width))
                widths[cut.column] -= given
                excess -= given
            }
        }
        var output = ""
        for (rowIndex, row) in rows.enumerated() {
            var line = indent
            for (index, cell) in row.enumerated() {
                let shown = widths[index] < natural[index] ? DisplayWidth.cut(cell, to: widths[index]) : cell
                let painted = paint?(rowIndex, index).map { TerminalText.paint(shown, $0) } ?? shown
                if index < columns - 1 {
                    let padding = max(0, widths[index] - DisplayWidth.of(shown))
                    line += painted + String(repeating: " ", count: padding + 2)
                } else {
                    line += painted
                }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            output += line + "\n"
        }
        return output
    }
}
