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
        let paths = workspace.customerPaths
        let reading = CustomerFiles(workspace).reduce { index, bytes -> (Row?, Bool) in
            let result = CustomerReader.read(path: paths[index], bytes: bytes, configuration: workspace.configuration)
            let hasErrors = result.findings.errorCount > 0
            guard let customer = result.customer, !customer.isTombstone else { return (nil, hasErrors) }
            let entry = CustomerSet.Entry(path: paths[index], customer: customer, hasErrors: hasErrors)
            let row = Row(id: customer.id ?? "", path: paths[index],
                          cells: json ? [] : columns.map { text($0, entry, labels: labels) },
                          json: json ? .object(columns.map { ($0.rawValue, self.json($0, entry)) }) : .null)
            return (row, hasErrors)
        } unread: { _, _ in (nil, true) }
        let read = reading.values
        var rows = read.compactMap(\.0)
        rows.sort { $0.id != $1.id ? $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) : $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        let broken = zip(paths, read).filter { $0.1.1 }.map(\.0)
        return (rows, broken, reading.unread)
    }

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
}
