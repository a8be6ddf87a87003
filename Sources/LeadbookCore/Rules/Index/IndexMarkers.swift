import LeadbookText

/// The index file's tables sit between leadbook's markers, each table once: a marker that
/// cannot be right stops every write of the file until it is fixed by hand. `IndexMarkerScanner`
/// finds the problems; `check` and `index` report the first of them.
public enum IndexMarkers: RuleDefinition {
    public static let rule = Rule("index-markers", .error,
        "Each table of the index file sits between `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->`, once, with a known NAME.")

    /// A marker problem of the index file at `path`; `more` other problems are counted in the message.
    public static func diagnostic(_ problem: IndexMarkerProblem, path: String, more: Int = 0) -> Diagnostic {
        Diagnostic(file: path, line: problem.line, more > 0 ? problem.words.and(more) : problem.words)
    }
}

extension RuleMessage where Of == IndexMarkers {
    public static func end(_ name: String, insideTable table: IndexTable, begunOn line: Int) -> Self {
        Self("`<!-- leadbook:end \(name) -->` inside table \(table.rawValue) (begun on line \(line))",
             hint: "end table \(table.rawValue) with `<!-- leadbook:end \(table.rawValue) -->` before this line")
    }

    public static func begin(_ name: String, insideTable table: IndexTable, begunOn line: Int) -> Self {
        Self("`<!-- leadbook:begin \(name) -->` inside table \(table.rawValue) (begun on line \(line))",
             hint: "add `<!-- leadbook:end \(table.rawValue) -->` above this line")
    }

    public static func notAMarker(_ text: String, insideTable table: IndexTable) -> Self {
        Self("`\(text)` is not a leadbook marker", hint: "write `<!-- leadbook:end \(table.rawValue) -->`")
    }

    public static func notAMarker(_ text: String) -> Self {
        Self("`\(text)` is not a leadbook marker",
             hint: "markers are `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->` with NAME one of \(IndexMarkerScanner.names)")
    }

    public static func unknownTable(_ name: String) -> Self {
        let near = Suggestion.closest(to: name, among: IndexTable.allCases.map(\.rawValue))
        return Self("unknown table `\(name)` in `<!-- leadbook:begin \(name) -->`",
                    hint: (near.map { "did you mean `\($0)`? " } ?? "") + "the tables are: \(IndexMarkerScanner.names)")
    }

    public static func twice(_ table: IndexTable, lines first: Int, _ second: Int) -> Self {
        Self("table \(table.rawValue) appears twice (lines \(first) and \(second))",
             hint: "delete one of the two, from its begin marker to its end marker")
    }

    public static func endWithoutBegin(_ name: String) -> Self {
        Self("`<!-- leadbook:end \(name) -->` without a `<!-- leadbook:begin \(name) -->` above it",
             hint: "add the begin marker above the table, or delete this line")
    }

    public static func neverClosed(_ table: IndexTable) -> Self {
        Self("table \(table.rawValue) is never closed", hint: "add `<!-- leadbook:end \(table.rawValue) -->` after its last row")
    }

    /// The first problem, counting the `more` after it.
    public func and(_ more: Int) -> Self {
        Self(text + " (and \(more) more marker problem\(more == 1 ? "" : "s"))", hint: hint)
    }
}
