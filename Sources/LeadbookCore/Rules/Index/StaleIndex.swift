import LeadbookText

extension Rule {
    public static let staleIndex = Rule("stale-index", .error,
        "The tables of the index file (INDEX.md) are what the customer files give; `leadbook index` or `leadbook sync` rewrites them. A workspace without an index file is not stale.")
    public static let indexMarkers = Rule("index-markers", .error,
        "Each table of the index file sits between `<!-- leadbook:begin NAME -->` and `<!-- leadbook:end NAME -->`, once, with a known NAME.")
}

/// The index file compared with the customer files: the first table and row that differ, or
/// the marker that is wrong. One diagnostic per index file.
public enum StaleIndex {
    public static let rule = Rule.staleIndex

    /// Diagnostics for the index file at `path` (workspace-relative); none when it is current.
    public static func diagnostics(_ status: IndexFile.Status, path: String, assembly: IndexAssembly,
                            expectedText: (IndexAssembly.Reference) -> [UInt8]?) -> [Diagnostic] {
        if let problem = status.problems.first {
            let more = status.problems.count > 1 ? " (and \(status.problems.count - 1) more marker problem\(status.problems.count == 2 ? "" : "s"))" : ""
            return [Diagnostic(file: path, line: problem.line, column: 1, rule: Rule.indexMarkers,
                               message: problem.message + more, hint: problem.hint)]
        }
        guard let first = status.differences.first else { return [] }
        var message = describe(first, path: path, assembly: assembly, expectedText: expectedText)
        let others = status.differences.dropFirst()
        let stale = others.filter { $0.kind != .missingTable }.map(\.table.rawValue)
        let missing = others.filter { $0.kind == .missingTable }.map(\.table.rawValue)
        if !stale.isEmpty { message += "; also stale: " + stale.joined(separator: ", ") }
        if !missing.isEmpty { message += "; missing: " + missing.joined(separator: ", ") }
        return [Diagnostic(file: path, line: first.line, column: 1, rule: rule, message: message,
                           hint: "run `leadbook index` (or `leadbook sync`) to rewrite the tables; text outside the `<!-- leadbook:… -->` markers is kept")]
    }

    public static func describe(_ difference: IndexFile.Difference, path: String, assembly: IndexAssembly,
                         expectedText: (IndexAssembly.Reference) -> [UInt8]?) -> String {
        let language = assembly.configuration.language
        let table = "table \(difference.table.named(language))"
        func customer(_ reference: IndexAssembly.Reference?) -> String {
            guard let reference else { return "" }
            let rows = assembly.customers[Int(reference.customer)]
            return rows.id.isEmpty ? rows.path : "\(rows.id) in \(rows.path)"
        }
        switch difference.kind {
        case .missingTable:
            return "\(table) is missing from \(path) (no `\(IndexAssembly.beginMarker(difference.table))` marker)"
        case .extraRow(let row):
            return "\(table) has a row \(row) that the customer files do not give: `\(shorten(String(decoding: difference.existing, as: UTF8.self)))`"
        case .missingRow(let row):
            return "\(table) ends before row \(row): the customer files give more rows, the next for \(customer(difference.expected))"
        case .line(.header):
            return "the header of \(table) differs from what leadbook writes (columns of language \(language.rawValue)\(assembly.configuration.indexPII ? ", with contact details" : ""))"
        case .line(.delimiter):
            return "the line under the header of \(table) differs from what leadbook writes"
        case .line(.caption):
            let window = assembly.words.followUpWindow(days: assembly.configuration.indexDays, from: assembly.window?.from, to: assembly.window?.to)
            return "the line above \(table) differs; the customer files give: \(window)"
        case .line(.blank):
            return "\(table) is not as leadbook writes it: the file has `\(shorten(String(decoding: difference.existing, as: UTF8.self)))` where a blank line belongs"
        case .line(.row(let row)):
            let what = "\(table) is stale at row \(row) (\(customer(difference.expected)))"
            guard let reference = difference.expected, let text = expectedText(reference) else { return what }
            let expected = MarkdownRow.cells(text)
            let existing = MarkdownRow.cells(difference.existing)
            let columns = difference.table.columns(language, pii: assembly.configuration.indexPII)
            guard expected.count == existing.count, expected.count == columns.count,
                  let column = expected.indices.first(where: { expected[$0] != existing[$0] }) else {
                return what + ": the index has `\(shorten(String(decoding: difference.existing, as: UTF8.self)))`"
            }
            return what + ": \(columns[column]) is `\(shorten(existing[column]))` in the index but `\(shorten(expected[column]))` in the customer file"
        }
    }

    public static func shorten(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > 60 else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(57))) + "..."
    }
}
