import LeadbookText

/// The index file compared with the customer files: the first table and row that differ, or
/// the marker that is wrong (rule index-markers). One diagnostic per index file.
public enum StaleIndex: RuleDefinition {
    public static let rule = Rule("stale-index", .error,
        Phrase("The tables of the index file (INDEX.md) are what the customer files give; `leadbook index` or `leadbook sync` rewrites them. A workspace without an index file is not stale.",
               "索引文件（INDEX.md）的表格与客户文件一致；`leadbook index` 或 `leadbook sync` 会重写它们。没有索引文件的工作区不算过时。"))

    /// Diagnostics for the index file at `path` (workspace-relative); none when it is current.
    public static func diagnostics(_ status: IndexFile.Status, path: String, assembly: IndexAssembly,
                                   expectedText: (IndexAssembly.Reference) -> [UInt8]?) -> [Diagnostic] {
        if let problem = status.problems.first {
            return [IndexMarkers.diagnostic(problem, path: path, more: status.problems.count - 1)]
        }
        guard let first = status.differences.first else { return [] }
        let others = status.differences.dropFirst()
        let stale = others.filter { $0.kind != .missingTable }.map(\.table)
        let missing = others.filter { $0.kind == .missingTable }.map(\.table)
        let message = describe(first, path: path, assembly: assembly, expectedText: expectedText).also(stale: stale, missing: missing)
        return [Diagnostic(file: path, line: first.line, message)]
    }

    /// What one difference between the index file and the customer files is.
    public static func describe(_ difference: IndexFile.Difference, path: String, assembly: IndexAssembly,
                                expectedText: (IndexAssembly.Reference) -> [UInt8]?) -> Message {
        let language = assembly.configuration.language
        let table = name(difference.table, language)
        func customer(_ reference: IndexAssembly.Reference?) -> Phrase {
            guard let reference else { return .empty }
            let rows = assembly.customers[Int(reference.customer)]
            return rows.id.isEmpty ? Phrase(verbatim: rows.path) : Phrase("\(rows.id) in \(rows.path)", "\(rows.id) 在 \(rows.path)")
        }
        let existing = String(decoding: difference.existing, as: UTF8.self)
        switch difference.kind {
        case .missingTable:
            return .missingTable(table, from: path, marker: IndexAssembly.beginMarker(difference.table))
        case .extraRow(let row):
            return .extraRow(table, row: row, indexHas: existing)
        case .missingRow(let row):
            return .endsBeforeRow(table, row: row, nextFor: customer(difference.expected))
        case .line(.header):
            return .header(table, language: language, contactDetails: assembly.configuration.indexPII)
        case .line(.delimiter):
            return .delimiter(table)
        case .line(.caption):
            let window = assembly.words.followUpWindow(days: assembly.configuration.indexDays, from: assembly.window?.from, to: assembly.window?.to)
            return .caption(table, customerFilesGive: window)
        case .line(.blank):
            return .blankLine(table, indexHas: existing)
        case .line(.row(let row)):
            let who = customer(difference.expected)
            guard let reference = difference.expected, let text = expectedText(reference) else { return .staleRow(table, row: row, customer: who) }
            let expected = MarkdownRow.cells(text)
            let cells = MarkdownRow.cells(difference.existing)
            let columns = difference.table.columns(language, pii: assembly.configuration.indexPII)
            guard expected.count == cells.count, expected.count == columns.count,
                  let column = expected.indices.first(where: { expected[$0] != cells[$0] }) else {
                return .staleRow(table, row: row, customer: who, indexHas: existing)
            }
            return .staleCell(table, row: row, customer: who, column: columns[column], inIndex: cells[column], inFile: expected[column])
        }
    }

    /// A table as a message names it: `leads (线索获取与筛选表)`, with the heading of the
    /// workspace's index file, in English; by its Chinese title (`线索获取与筛选表`) in Chinese.
    public static func name(_ table: IndexTable, _ language: Configuration.Language) -> Phrase {
        Phrase(table.named(language), table.title(.zhCN))
    }

    /// A text cut to 60 characters for a message.
    public static func shorten(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 60 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(57))) + "..."
    }
}

extension RuleMessage where Of == StaleIndex {
    static var rewrite: Phrase {
        Phrase("run `leadbook index` (or `leadbook sync`) to rewrite the tables; text outside the `<!-- leadbook:… -->` markers is kept",
               "运行 `leadbook index`（或 `leadbook sync`）重写这些表格；`<!-- leadbook:… -->` 标记之外的文字会保留")
    }

    public static func missingTable(_ table: Phrase, from path: String, marker: String) -> Self {
        Self("table \(table.en) is missing from \(path) (no `\(marker)` marker)", "\(path) 里缺少\(table.zh)（没有 `\(marker)` 标记）", hint: rewrite)
    }

    public static func extraRow(_ table: Phrase, row: Int, indexHas text: String) -> Self {
        Self("table \(table.en) has a row \(row) that the customer files do not give: `\(StaleIndex.shorten(text))`",
             "\(table.zh) 的第 \(row) 行在客户文件里没有对应：`\(StaleIndex.shorten(text))`", hint: rewrite)
    }

    public static func endsBeforeRow(_ table: Phrase, row: Int, nextFor customer: Phrase) -> Self {
        Self("table \(table.en) ends before row \(row): the customer files give more rows, the next for \(customer.en)",
             "\(table.zh) 在第 \(row) 行之前就结束了：客户文件还有更多行，下一行是 \(customer.zh) 的", hint: rewrite)
    }

    public static func header(_ table: Phrase, language: Configuration.Language, contactDetails: Bool) -> Self {
        Self("the header of table \(table.en) differs from what leadbook writes (columns of language \(language.rawValue)\(contactDetails ? ", with contact details" : ""))",
             "\(table.zh) 的表头和 leadbook 写的不一样（应为语言 \(language.rawValue) 的列\(contactDetails ? "，含联系方式" : "")）",
             hint: rewrite)
    }

    public static func delimiter(_ table: Phrase) -> Self {
        Self("the line under the header of table \(table.en) differs from what leadbook writes", "\(table.zh) 表头下面那一行和 leadbook 写的不一样", hint: rewrite)
    }

    public static func caption(_ table: Phrase, customerFilesGive window: String) -> Self {
        Self("the line above table \(table.en) differs; the customer files give: \(window)", "\(table.zh) 上面那一行不一样；按客户文件应为：\(window)", hint: rewrite)
    }

    public static func blankLine(_ table: Phrase, indexHas text: String) -> Self {
        Self("table \(table.en) is not as leadbook writes it: the file has `\(StaleIndex.shorten(text))` where a blank line belongs",
             "\(table.zh) 和 leadbook 写的不一样：应是空行的地方写着 `\(StaleIndex.shorten(text))`", hint: rewrite)
    }

    public static func staleRow(_ table: Phrase, row: Int, customer: Phrase) -> Self {
        Self("table \(table.en) is stale at row \(row) (\(customer.en))", "\(table.zh) 第 \(row) 行（\(customer.zh)）已过时", hint: rewrite)
    }

    public static func staleRow(_ table: Phrase, row: Int, customer: Phrase, indexHas text: String) -> Self {
        Self("table \(table.en) is stale at row \(row) (\(customer.en)): the index has `\(StaleIndex.shorten(text))`",
             "\(table.zh) 第 \(row) 行（\(customer.zh)）已过时：索引里是 `\(StaleIndex.shorten(text))`", hint: rewrite)
    }

    public static func staleCell(_ table: Phrase, row: Int, customer: Phrase, column: String, inIndex: String, inFile: String) -> Self {
        Self("table \(table.en) is stale at row \(row) (\(customer.en)): \(column) is `\(StaleIndex.shorten(inIndex))` in the index but `\(StaleIndex.shorten(inFile))` in the customer file",
             "\(table.zh) 第 \(row) 行（\(customer.zh)）已过时：\(column) 在索引里是 `\(StaleIndex.shorten(inIndex))`，在客户文件里是 `\(StaleIndex.shorten(inFile))`",
             hint: rewrite)
    }

    /// The other tables that differ, after the first difference.
    /// English names them by marker (`grading, follow-ups`), Chinese by title.
    public func also(stale: [IndexTable], missing: [IndexTable]) -> Self {
        var text = phrase
        func names(_ tables: [IndexTable]) -> Phrase {
            Phrase(tables.map(\.rawValue).joined(separator: ", "), tables.map { $0.title(.zhCN) }.joined(separator: "、"))
        }
        if !stale.isEmpty { text += Phrase("; also stale: ", "；另外已过时：") + names(stale) }
        if !missing.isEmpty { text += Phrase("; missing: ", "；缺少：") + names(missing) }
        return Self(text, hint: hintPhrase)
    }
}
