/// Customers as a table, one row per customer: the cells of `export` in CSV and JSON.
public enum CustomerTable {
    /// The customers that are exported, in id order: every customer except tombstones.
    public static func entries(_ set: CustomerSet) -> [CustomerSet.Entry] {
        set.entries.filter { !$0.customer.isTombstone }.sorted {
            let a = $0.customer.id ?? "", b = $1.customer.id ?? ""
            return a != b ? a.utf8.lexicographicallyPrecedes(b.utf8) : $0.path.utf8.lexicographicallyPrecedes($1.path.utf8)
        }
    }

    /// Header and rows as text. With `labels`, Chinese headers and Chinese labels for sources,
    /// statuses and the like (leadbook reads both back).
    public static func rows(_ entries: [CustomerSet.Entry], columns: [CustomerColumn], labels: Bool) -> [[String]] {
        var rows = [columns.map { labels ? $0.label : $0.rawValue }]
        for entry in entries { rows.append(columns.map { text($0, entry, labels: labels) }) }
        return rows
    }

    /// The table as CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese correctly),
    /// CRLF line ends, every cell neutralized against formula injection.
    public static func csv(_ entries: [CustomerSet.Entry], columns: [CustomerColumn], labels: Bool) -> String {
        CSVWriter.table(rows(entries, columns: columns, labels: labels).map { $0.map(neutralized) }, bom: true)
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

    /// The table as JSON: an array of objects keyed by the columns' English names, with numbers
    /// as numbers, lists as arrays, and English values (`website`, `qualified`).
    public static func json(_ entries: [CustomerSet.Entry], columns: [CustomerColumn]) -> JSON {
        .array(entries.map { entry in .object(columns.map { ($0.rawValue, json($0, entry)) }) })
    }

    static func text(_ column: CustomerColumn, _ entry: CustomerSet.Entry, labels: Bool) -> String {
        let customer = entry.customer
        let contact = customer.contacts.first
        switch column {
        case .id: return customer.id ?? ""
        case .name: return customer.name ?? ""
        case .kind: return labels ? customer.kind.label : customer.kind.rawValue
        case .industry: return customer.industry ?? ""
        case .region: return customer.region ?? ""
        case .employees: return customer.employees.map(String.init) ?? ""
        case .revenue: return customer.revenue.map(Money.plain) ?? ""
        case .source: return customer.source.map { labels ? Configuration.sourceLabels[$0] ?? $0 : $0 } ?? ""
        case .sourceDetail: return customer.sourceDetail.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
        case .sources:
            return customer.sources.map { record in
                [record.source.map { labels ? Configuration.sourceLabels[$0] ?? $0 : $0 }, record.date?.description, record.detail]
                    .compactMap { $0 }.joined(separator: " ")
            }.joined(separator: "\n")
        case .contact: return contact?.name ?? ""
        case .title: return contact?.title ?? ""
        case .phone: return contact?.phone ?? ""
        case .email: return contact?.email ?? ""
        case .wechat: return contact?.wechat ?? ""
        case .contacts:
            return customer.contacts.map { contact in
                var text = contact.name ?? ""
                if let title = contact.title { text += "(\(title))" }
                for detail in [contact.phone, contact.email, contact.wechat.map { "微信 " + $0 }].compactMap({ $0 }) { text += " " + detail }
                return text
            }.joined(separator: "\n")
        case .needs: return customer.needs ?? ""
        case .budget: return customer.budget.map(Money.plain) ?? ""
        case .decisionBy: return customer.decisionBy?.description ?? ""
        case .intent: return customer.intent?.rawValue ?? ""
        case .score: return customer.score?.total.map(String.init) ?? ""
        case .grade: return customer.grade?.rawValue ?? ""
        case .tags: return customer.tags.joined(separator: ", ")
        case .owner: return customer.owner ?? ""
        case .created: return customer.created?.description ?? ""
        case .assigned: return customer.assigned?.description ?? ""
        case .status: return customer.status.map { labels ? $0.label : $0.rawValue } ?? ""
        case .next: return next(customer)?.description ?? ""
        case .lastContact: return lastContact(customer)?.description ?? ""
        case .followUps: return String(customer.followUps.count)
        case .dealAmount: return customer.deal?.amount.map(Money.plain) ?? ""
        case .dealClosed: return customer.deal?.closed?.description ?? ""
        case .lostReason: return customer.lostReason ?? ""
        case .completeness: let value = Completeness.of(customer); return labels ? value.label : value.rawValue
        case .file: return entry.path
        }
    }

    static func json(_ column: CustomerColumn, _ entry: CustomerSet.Entry) -> JSON {
        let customer = entry.customer
        switch column {
        case .employees: return .optional(customer.employees)
        case .revenue: return .optional(customer.revenue)
        case .budget: return .optional(customer.budget)
        case .score: return .optional(customer.score?.total)
        case .followUps: return .int(customer.followUps.count)
        case .dealAmount: return .optional(customer.deal?.amount)
        case .tags: return .array(customer.tags.map(JSON.string))
        case .sourceDetail: return .object(customer.sourceDetail.map { ($0.0, .string($0.1)) })
        case .sources:
            return .array(customer.sources.map { record in
                .object([("source", .optional(record.source)), ("date", .optional(record.date)), ("detail", .optional(record.detail))])
            })
        case .contacts:
            return .array(customer.contacts.map { contact in
                .object([("name", .optional(contact.name)), ("title", .optional(contact.title)), ("phone", .optional(contact.phone)),
                         ("email", .optional(contact.email)), ("wechat", .optional(contact.wechat))])
            })
        default:
            let value = text(column, entry, labels: false)
            return value.isEmpty ? .null : .string(value)
        }
    }

    /// `next` as written, else the last `next` of the log.
    static func next(_ customer: Customer) -> LocalDate? {
        customer.next ?? DerivedValues.next(customer)?.0
    }

    static func lastContact(_ customer: Customer) -> LocalDate? {
        customer.followUps.compactMap(\.date).max()
    }
}
