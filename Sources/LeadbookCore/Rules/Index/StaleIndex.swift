import LeadbookText

/// The index file compared with the customer files: the first table and row that differ, or
/// the marker that is wrong (rule index-markers). One diagnostic per index file.
public enum StaleIndex: RuleDefinition {
    public static let rule = Rule("stale-index", .error,
        "The tables of the index file (INDEX.md) are what the customer files give; `leadbook index` or `leadbook sync` rewrites them. A workspace without an index file is not stale.")

    /// Diagnostics for the index file at `path` (workspace-relative); none when it is current.
    public static func diagnostics(_ status: IndexFile.Status, path: String, assembly: IndexAssembly,
                                   expectedText: (IndexAssembly.Reference) -> [UInt8]?) -> [Diagnostic] {
        if let problem = status.problems.first {
            return [IndexMarkers.diagnostic(problem, path: path, more: status.problems.count - 1)]
        }
        guard let first = status.differences.first else { return [] }
        let others = status.differences.dropFirst()
        let stale = others.filter { $0.kind != .missingTable }.map(\.table.rawValue)
        let missing = others.filter { $0.kind == .missingTable }.map(\.table.rawValue)
        let message = describe(first, path: path, assembly: assembly, expectedText: expectedText).also(stale: stale, missing: missing)
        return [Diagnostic(file: path, line: first.line, message)]
    }

    /// What one difference between the index file and the customer files is.
    public static func describe(_ difference: IndexFile.Difference, path: String, assembly: IndexAssembly,
                                expectedText: (IndexAssembly.Reference) -> [UInt8]?) -> Message {
        let language = assembly.configuration.language
        let table = difference.table.named(language)
        func customer(_ reference: IndexAssembly.Reference?) -> String {
            guard let reference else { return "" }
            let rows = assembly.customers[Int(reference.customer)]
            return rows.id.isEmpty ? rows.path : "\(rows.id) in \(rows.path)"
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

    /// A text cut to 60 characters for a message.
    public static func shorten(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 60 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(57))) + "..."
    }
}

extension RuleMessage where Of == StaleIndex {
    static var rewrite: String {
        "run `leadbook index` (or `leadbook sync`) to rewrite the tables; text outside the `<!-- leadbook:… -->` markers is kept"
    }

    public static func missingTable(_ table: String, from path: String, marker: String) -> Self {
        Self("table \(table) is missing from \(path) (no `\(marker)` marker)", hint: rewrite)
    }

    public static func extraRow(_ table: String, row: Int, indexHas text: String) -> Self {
        Self("table \(table) has a row \(row) that the customer files do not give: `\(StaleIndex.shorten(text))`", hint: rewrite)
    }

    public static func endsBeforeRow(_ table: String, row: Int, nextFor customer: String) -> Self {
        Self("table \(table) ends before row \(row): the customer files give more rows, the next for \(customer)", hint: rewrite)
    }

    public static func header(_ table: String, language: Configuration.Language, contactDetails: Bool) -> Self {
        Self("the header of table \(table) differs from what leadbook writes (columns of language \(language.rawValue)\(contactDetails ? ", with contact details" : ""))",
             hint: rewrite)
    }

    public static func delimiter(_ table: String) -> Self {
        Self("the line under the header of table \(table) differs from what leadbook writes", hint: rewrite)
    }

    public static func caption(_ table: String, customerFilesGive window: String) -> Self {
        Self("the line above table \(table) differs; the customer files give: \(window)", hint: rewrite)
    }

    public static func blankLine(_ table: String, indexHas text: String) -> Self {
        Self("table \(table) is not as leadbook writes it: the file has `\(StaleIndex.shorten(text))` where a blank line belongs", hint: rewrite)
    }

    public static func staleRow(_ table: String, row: Int, customer: String) -> Self {
        Self("table \(table) is stale at row \(row) (\(customer))", hint: rewrite)
    }

    public static func staleRow(_ table: String, row: Int, customer: String, indexHas text: String) -> Self {
        Self("table \(table) is stale at row \(row) (\(customer)): the index has `\(StaleIndex.shorten(text))`", hint: rewrite)
    }

    public static func staleCell(_ table: String, row: Int, customer: String, column: String, inIndex: String, inFile: String) -> Self {
        Self("table \(table) is stale at row \(row) (\(customer)): \(column) is `\(StaleIndex.shorten(inIndex))` in the index but `\(StaleIndex.shorten(inFile))` in the customer file",
             hint: rewrite)
    }

    /// The other tables that differ, after the first difference.
    public func also(stale: [String], missing: [String]) -> Self {
        var text = self.text
        if !stale.isEmpty { text += "; also stale: " + stale.joined(separator: ", ") }
        if !missing.isEmpty { text += "; missing: " + missing.joined(separator: ", ") }
        return Self(text, hint: hint)
    }
}
