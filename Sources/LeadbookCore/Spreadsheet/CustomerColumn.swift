import LeadbookText

/// The columns of a customer table, as `export` writes them and `import` reads them back: the
/// English field name (for `--fields` and JSON keys) and the Chinese header, the toolkit's
/// capture-table name where it has one.
///
/// The columns of the fields are those of `CustomerField`'s entries, in table order; the
/// columns leadbook computes from the log and the file are added here.
public struct CustomerColumn: Hashable, Sendable {
    public let rawValue: String
    public let label: String
    /// What the column holds, for `export --help` and the docs.
    public let summary: String
    /// The field the column comes from (nil for the computed columns).
    public let field: CustomerField?
    /// The field `import` fills from this column; nil for the columns leadbook computes or
    /// keeps itself (an exported table can be imported again: those columns are ignored).
    public let leadField: LeadField?
    /// Its place among the default columns.
    let defaultRank: Int?
    let cell: @Sendable (CustomerSet.Entry, Bool) -> String
    let json: @Sendable (CustomerSet.Entry) -> JSON

    /// What the column holds, in both languages (`export --help`).
    public var summaryPhrase: Phrase { Phrase(summary, Self.chineseSummaries[rawValue] ?? "该字段的值") }

    public static func == (lhs: CustomerColumn, rhs: CustomerColumn) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }

    /// The column of a field's entry.
    init(_ field: CustomerField, _ column: CustomerField.Column) {
        let definition = field.definition
        rawValue = column.name ?? definition.key
        label = column.header ?? definition.label
        summary = column.summary
        self.field = field
        if let imported = column.imported {
            leadField = imported
        } else if case .value? = definition.imports, rawValue == definition.key {
            leadField = .field(field)
        } else {
            leadField = nil
        }
        defaultRank = column.defaultRank
        let access = definition.access
        switch column.content {
        case .value:
            cell = { entry, _ in access.value(entry.customer)?.written ?? "" }
            json = { entry in access.value(entry.customer).map(Self.json) ?? .null }
        case .labelled:
            cell = { entry, labels in
                guard let value = access.value(entry.customer) else { return "" }
                if labels, case .choice(_, let label) = value { return label }
                return value.written
            }
            json = { entry in access.value(entry.customer).map(Self.json) ?? .null }
        case .custom(let text, let customJSON):
            cell = { entry, labels in text(entry.customer, labels) }
            if let customJSON {
                json = { entry in customJSON(entry.customer) }
            } else {
                json = { entry in
                    let value = text(entry.customer, false)
                    return value.isEmpty ? .null : .string(value)
                }
            }
        }
    }

    /// A column leadbook computes.
    init(_ name: String, _ label: String, _ summary: String, cell: @escaping @Sendable (CustomerSet.Entry, Bool) -> String,
         json: (@Sendable (CustomerSet.Entry) -> JSON)? = nil) {
        rawValue = name
        self.label = label
        self.summary = summary
        field = nil
        leadField = nil
        defaultRank = nil
        self.cell = cell
        self.json = json ?? { entry in
            let value = cell(entry, false)
            return value.isEmpty ? .null : .string(value)
        }
    }

    /// Numbers and lists as JSON numbers and arrays, the rest as text.
    static func json(_ value: FieldValue) -> JSON {
        switch value {
        case .wholeNumber, .amount, .texts: return value.json
        default: return .string(value.written)
        }
    }

    /// The columns computed from the follow-up log, after `next`.
    public static let followUpColumns = [
        CustomerColumn("last_contact", "最近跟进", "date of the last follow-up entry", cell: { entry, _ in
            CustomerTable.lastContact(entry.customer)?.description ?? ""
        }),
        CustomerColumn("follow_ups", "跟进次数", "number of follow-up entries", cell: { entry, _ in
            String(entry.customer.followUps.count)
        }, json: { .int($0.customer.followUps.count) }),
        CustomerColumn("first_contact", "首次跟进", "date and time of the first follow-up entry (response time: from assigned to it)",
                       cell: { entry, _ in CustomerTable.firstContact(entry.customer)?.description ?? "" }),
    ]

    /// The columns after every field's.
    public static let lastColumns = [
        CustomerColumn("completeness", "信息完整度", "complete / mostly / incomplete", cell: { entry, labels in
            let value = Completeness.of(entry.customer)
            return labels ? value.label : value.rawValue
        }),
        CustomerColumn("file", "文件", "the customer's file, relative to the workspace", cell: { entry, _ in entry.path }),
    ]

    public static let allCases: [CustomerColumn] = {
        var columns: [CustomerColumn] = []
        for field in CustomerField.allCases {
            columns += field.definition.columns.map { CustomerColumn(field, $0) }
            if field == .next { columns += followUpColumns }
        }
        return columns + lastColumns
    }()

    /// What each column holds, in Chinese; a column missing here holds "the field of the same
    /// name" (该字段的值), and a test fails when a column with a summary of its own has none.
    static let chineseSummaries: [String: String] = [
        "id": "客户编号",
        "name": "企业或个人名称",
        "kind": "企业或个人",
        "source": "首次来源渠道",
        "source_detail": "来源详情，写成 `键: 值; ...`",
        "sources": "之后的来源渠道，写成 `来源 日期 详情; ...`",
        "contact": "第一位联系人的姓名",
        "title": "第一位联系人的职位",
        "phone": "第一位联系人的电话",
        "email": "第一位联系人的邮箱",
        "wechat": "第一位联系人的微信",
        "contacts": "全部联系人，每行一位",
        "decision_by": "预计决策日期",
        "intent": "初步意向等级 A/B/C",
        "score": "评分合计（规模+预算+紧急度+决策链）",
        "grade": "文件里写的线索等级 S/A/B/C",
        "created": "获取线索的时间",
        "assigned": "分配负责人的时间",
        "status": "客户状态",
        "next": "下次跟进日期（没写时按跟进记录推算）",
        "deal_amount": "成交金额",
        "deal_closed": "成交日期",
        "lost_reason": "流失原因",
        "last_contact": "最近一条跟进记录的日期",
        "follow_ups": "跟进记录条数",
        "first_contact": "最早一条跟进记录的日期和时间（响应时长：从分配时间到它）",
        "completeness": "信息完整度：完整 / 基本完整 / 不完整",
        "file": "客户文件，相对于工作区的路径",
    ]

    /// The columns `export` writes when `--fields` is not given.
    public static let defaults: [CustomerColumn] = allCases.filter { $0.defaultRank != nil }.sorted { $0.defaultRank! < $1.defaultRank! }

    /// A column by its English name or its Chinese header.
    public init?(header: String) {
        guard let column = CustomerColumn.allCases.first(where: { $0.rawValue == header }) ?? CustomerColumn.allCases.first(where: { $0.label == header })
        else { return nil }
        self = column
    }
}
