import LeadbookText

/// Customers as a table, one row per customer: the cells of `export` in CSV and JSON.
public enum CustomerTable {
    /// One customer's row, made while its file is read (nothing else of the file is kept).
    public struct Row: Sendable {
        public var id: String
        public var path: String
        public var cells: [String]
        public var json: JSON
    }

    /// The rows of every customer except tombstones, in id order (`CustomerFiles`); the files
    /// that could not be read or have errors; and why the files that were not read were not.
    /// With `labels`, Chinese labels for sources, statuses and the like; `json` also fills each
    /// row's JSON object.
    public static func load(_ workspace: Workspace, columns: [CustomerColumn], labels: Bool, json: Bool)
        -> (rows: [Row], filesWithErrors: [String], unread: [Diagnostic]) {
        let made = customers(workspace) { entry in
            Row(id: entry.customer.id ?? "", path: entry.path,
                cells: json ? [] : columns.map { text($0, entry, labels: labels) },
                json: json ? .object(columns.map { ($0.rawValue, self.json($0, entry)) }) : .null)
        }
        return (made.values, made.filesWithErrors, made.unread)
    }

    /// The two forms of the table.
    public enum Format: Sendable {
        case csv
        case json
    }

    /// One customer's row as the table's text holds it (a CSV record with its CRLF, or the JSON
    /// object as it stands in the array), made while its file is read: nothing else of the
    /// customer is kept, and no cell or JSON value is kept beside the text.
    public struct Line: Sendable {
        public var id: String
        public var path: String
        public var text: String
    }

    /// The lines of every customer except tombstones, in id order, as `load` gives its rows.
    public static func lines(_ workspace: Workspace, columns: [CustomerColumn], labels: Bool, format: Format)
        -> (lines: [Line], filesWithErrors: [String], unread: [Diagnostic]) {
        let made = customers(workspace) { entry in
            var text = ""
            switch format {
            case .csv: text = CSVWriter.record(columns.map { neutralized(self.text($0, entry, labels: labels)) })
            case .json: JSON.object(columns.map { ($0.rawValue, self.json($0, entry)) }).write(to: &text, indent: jsonIndent, level: 1)
            }
            return Line(id: entry.customer.id ?? "", path: entry.path, text: text)
        }
        return (made.values, made.filesWithErrors, made.unread)
    }

    /// Every customer except tombstones made into `make`'s value while its file is read (nothing
    /// else of the customer is kept), in id order, then path; the files with errors; and why the
    /// files that were not read were not. The one read of the CSV, JSON and workbook exports.
    public static func customers<Value>(_ workspace: Workspace, _ make: (CustomerSet.Entry) -> Value)
        -> (values: [Value], filesWithErrors: [String], unread: [Diagnostic]) {
        let paths = workspace.customerPaths
        let reading = CustomerFiles(workspace).reduce { index, bytes -> ((id: String, path: String, value: Value)?, Bool) in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration, tree: false)
            let hasErrors = result.findings.errorCount > 0
            guard let customer = result.customer, !customer.isTombstone else { return (nil, hasErrors) }
            let entry = CustomerSet.Entry(path: paths[index], customer: customer, hasErrors: hasErrors)
            return ((customer.id ?? "", paths[index], make(entry)), hasErrors)
        } unread: { _, _ in (nil, true) }
        let read = reading.values
        var made = read.compactMap(\.0)
        made.sort { $0.id != $1.id ? $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) : $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let broken = zip(paths, read).filter { $0.1.1 }.map(\.0)
        return (made.map(\.value), broken, reading.unread)
    }

    /// The JSON table is pretty-printed with this many spaces per level.
    public static let jsonIndent = 2

    /// The whole table's text, handed to `put` in pieces of about 64 KB: the same bytes as
    /// `csv(header:rows:)` (CSV) or the rendered JSON array of the rows and a line end (JSON),
    /// without ever holding them whole.
    public static func write(_ lines: [Line], header: [String], format: Format, to put: (String) throws -> Void) rethrows {
        var piece = ""
        piece.reserveCapacity(pieceSize + 4096)
        func add(_ text: String) throws {
            piece += text
            if piece.utf8.count >= pieceSize {
                try put(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        switch format {
        case .csv:
            try add("\u{FEFF}" + CSVWriter.record(header.map(neutralized)))
            for line in lines { try add(line.text) }
        case .json:
            if lines.isEmpty {
                try add("[]")
            } else {
                let indent = String(repeating: " ", count: jsonIndent)
                let first = "[\n" + indent, next = ",\n" + indent
                for (index, line) in lines.enumerated() {
                    try add(index == 0 ? first : next)
                    try add(line.text)
                }
                try add("\n]")
            }
            try add("\n")
        }
        if !piece.isEmpty { try put(piece) }
    }

    static let pieceSize = 1 << 16

    /// The header row.
    public static func header(_ columns: [CustomerColumn], labels: Bool) -> [String] {
        columns.map { labels ? $0.label : $0.rawValue }
    }

    /// The table as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese correctly),
    /// CRLF line ends, every cell neutralized against formula injection.
    public static func csv(header: [String], rows: [Row]) -> String {
        CSVWriter.table([header.map(neutralized)] + rows.map { $0.cells.map(neutralized) }, bom: true)
    }

    /// A cell a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
    /// a carriage return) gets a leading `'`, so it shows as the text it is. OWASP's advice for
    /// CSV injection; a phone number written `+86 ...` is shown as `'+86 ...`.
    public static func neutralized(_ cell: String) -> String {
        guard let first = cell.utf8.first else { return cell }
        switch first {
        case UInt8(ascii: "="), ASCII.plus, ASCII.dash, ASCII.at, ASCII.tab, ASCII.cr: return "'" + cell
        default: return cell
        }
    }

    public static func text(_ column: CustomerColumn, _ entry: CustomerSet.Entry, labels: Bool) -> String {
        column.cell(entry, labels)
    }

    public static func json(_ column: CustomerColumn, _ entry: CustomerSet.Entry) -> JSON {
        column.json(entry)
    }

    /// `sources` as `source date detail` lines.
    public static func sourcesCell(_ customer: Customer, labels: Bool) -> String {
        customer.sources.map { record in
            [record.source.map { labels ? Configuration.sourceLabels[$0] ?? $0 : $0 }, record.date?.description, record.detail]
                .compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "\n")
    }

    /// Every contact, one per line: `张伟(技术总监) 13800000001 zhang.wei@example.com 微信 zw`.
    public static func contactsCell(_ customer: Customer, labels: Bool) -> String {
        customer.contacts.map { contact in
            var text = contact.name ?? ""
            if let title = contact.title { text += "(\(title))" }
            for detail in [contact.phone, contact.email, contact.wechat.map { "微信 " + $0 }].compactMap({ $0 }) { text += " " + detail }
            return text
        }.joined(separator: "\n")
    }

    public static func contactsJSON(_ customer: Customer) -> JSON {
        .array(customer.contacts.map { contact in
            .object([("name", .optional(contact.name)), ("title", .optional(contact.title)), ("phone", .optional(contact.phone)),
                     ("email", .optional(contact.email)), ("wechat", .optional(contact.wechat))])
        })
    }

    /// `next` as written, else the last `next` of the log.
    public static func next(_ customer: Customer) -> LocalDate? {
        customer.next ?? DerivedValues.next(customer)?.0
    }

    public static func lastContact(_ customer: Customer) -> LocalDate? {
        customer.followUps.compactMap(\.date).max()
    }

    /// The earliest follow-up entry's moment (a date alone when it has no time): where the
    /// summary's response time ends.
    public static func firstContact(_ customer: Customer) -> LocalDateTime? {
        customer.followUps.compactMap(\.moment).min()
    }
}
