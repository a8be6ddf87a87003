import LeadbookText

/// The index file's tables sit between leadbook's markers, each table once: a marker that
/// cannot be right stops every write of the file until it is fixed by hand. `IndexMarkerScanner`
/// finds the problems; `check` and `index` report the first of them.
public enum IndexMarkers: RuleDefinition {
    public static let rule = Rule("index-markers", .error,
        Phrase("Each table of the index file sits between `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->`, once, with a known NAME.",
               "索引文件的每张表格都位于 `<!-- leadbook:begin 名称 -->` 和 `<!-- leadbook:end 名称 -->` 之间，只出现一次，名称是已知的。"))

    /// A marker problem of the index file at `path`; `more` other problems are counted in the message.
    public static func diagnostic(_ problem: IndexMarkerProblem, path: String, more: Int = 0) -> Diagnostic {
        Diagnostic(file: path, line: problem.line, more > 0 ? problem.words.and(more) : problem.words)
    }
}

extension RuleMessage where Of == IndexMarkers {
    public static func end(_ name: String, insideTable table: IndexTable, begunOn line: Int) -> Self {
        Self("`<!-- leadbook:end \(name) -->` inside table \(table.rawValue) (begun on line \(line))",
             "`<!-- leadbook:end \(name) -->` 出现在表格 \(table.rawValue) 里面（表格从第 \(line) 行开始）",
             hint: Phrase("end table \(table.rawValue) with `<!-- leadbook:end \(table.rawValue) -->` before this line",
                          "在这一行之前用 `<!-- leadbook:end \(table.rawValue) -->` 结束表格 \(table.rawValue)"))
    }

    public static func begin(_ name: String, insideTable table: IndexTable, begunOn line: Int) -> Self {
        Self("`<!-- leadbook:begin \(name) -->` inside table \(table.rawValue) (begun on line \(line))",
             "`<!-- leadbook:begin \(name) -->` 出现在表格 \(table.rawValue) 里面（表格从第 \(line) 行开始）",
             hint: Phrase("add `<!-- leadbook:end \(table.rawValue) -->` above this line", "在这一行上面加 `<!-- leadbook:end \(table.rawValue) -->`"))
    }

    public static func notAMarker(_ text: String, insideTable table: IndexTable) -> Self {
        Self("`\(text)` is not a leadbook marker", "`\(text)` 不是 leadbook 的标记",
             hint: Phrase("write `<!-- leadbook:end \(table.rawValue) -->`", "写成 `<!-- leadbook:end \(table.rawValue) -->`"))
    }

    public static func notAMarker(_ text: String) -> Self {
        Self("`\(text)` is not a leadbook marker", "`\(text)` 不是 leadbook 的标记",
             hint: Phrase("markers are `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->` with NAME one of \(IndexMarkerScanner.names)",
                          "标记是 `<!-- leadbook:begin 名称 -->` 和 `<!-- leadbook:end 名称 -->`，名称是 \(IndexMarkerScanner.names) 之一"))
    }

    public static func unknownTable(_ name: String) -> Self {
        let near = Suggestion.closest(to: name, among: IndexTable.allCases.map(\.rawValue))
        return Self("unknown table `\(name)` in `<!-- leadbook:begin \(name) -->`", "`<!-- leadbook:begin \(name) -->` 里的表格 `\(name)` 不存在",
                    hint: (near.map { Phrase("did you mean `\($0)`? ", "是不是想写 `\($0)`？") } ?? .empty)
                        + Phrase("the tables are: \(IndexMarkerScanner.names)", "可用的表格：" + IndexTable.allCases.map { "`\($0.rawValue)`（\($0.title(.zhCN))）" }.joined(separator: "、")))
    }

    public static func twice(_ table: IndexTable, lines first: Int, _ second: Int) -> Self {
        Self("table \(table.rawValue) appears twice (lines \(first) and \(second))", "表格 \(table.rawValue) 出现了两次（第 \(first) 行和第 \(second) 行）",
             hint: Phrase("delete one of the two, from its begin marker to its end marker", "删掉其中一个，从它的开始标记删到结束标记"))
    }

    public static func endWithoutBegin(_ name: String) -> Self {
        Self("`<!-- leadbook:end \(name) -->` without a `<!-- leadbook:begin \(name) -->` above it",
             "`<!-- leadbook:end \(name) -->` 上面没有对应的 `<!-- leadbook:begin \(name) -->`",
             hint: Phrase("add the begin marker above the table, or delete this line", "在表格上面加上开始标记，或删掉这一行"))
    }

    public static func neverClosed(_ table: IndexTable) -> Self {
        Self("table \(table.rawValue) is never closed", "表格 \(table.rawValue) 没有结束标记",
             hint: Phrase("add `<!-- leadbook:end \(table.rawValue) -->` after its last row", "在它的最后一行后面加 `<!-- leadbook:end \(table.rawValue) -->`"))
    }

    /// The first problem, counting the `more` after it.
    public func and(_ more: Int) -> Self {
        Self(phrase + Phrase(" (and \(more) more marker problem\(more == 1 ? "" : "s"))", "（另有 \(more) 处标记问题）"), hint: hintPhrase)
    }
}
