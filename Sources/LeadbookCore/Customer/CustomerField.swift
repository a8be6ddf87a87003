import LeadbookText

/// The top-level fields of a customer file's front matter, in the order of the record format
/// (docs/format.md): the order `new` and `import` write them in, and the order that places a
/// key added to a file (after the nearest field before it that the file has).
///
/// Each field's entry (`definition`) holds everything leadbook does with it: how its value is
/// read into `Customer`, whether it is required, how `show` prints it, its `export` columns and
/// `import` headers, its `new` option, whether it is a key field of completeness and how
/// `merge` treats it. Adding a field is a case here, its entry, and its property on `Customer`.
public enum CustomerField: Int, CaseIterable, Sendable {
    case id, name, kind, industry, region, employees, revenue, source, sourceDetail, sources, contacts, needs, budget
    case decisionBy, intent, score, grade, tags, owner, created, assigned, status, next, plan, deal, lostReason, mergedInto

    private var entry: Definition {
        switch self {
        case .id:
            return Definition(
                key: "id", label: "线索编号", access: .text(get: { $0.id }, set: { $0.id = $1 }),
                required: .required(example: "id: LX2024001"), show: .title,
                columns: [Column(summary: "customer id", defaultRank: 10)],
                imports: .value(aliases: ["线索编号", "编号", "客户编号", "lead_id"]), merge: .ownStep)
        case .name:
            return Definition(
                key: "name", label: "名称", access: .text(get: { $0.name }, set: { $0.name = $1 }),
                required: .required(example: "name: 华东云科技有限公司"), show: .title,
                columns: [Column(header: "企业名称", summary: "company or person name", defaultRank: 20)],
                imports: .value(aliases: ["企业名称", "客户名称", "公司名称", "名称", "company", "customer"]),
                option: NewOption("name", value: "NAME", usage: "N", help: Phrase("the company (or person) name", "企业（或个人）名称"), rank: 10, required: true),
                keyField: KeyField())
        case .kind:
            return Definition(
                key: "kind", label: "客户类型", access: .choice(CustomerKind.self, get: { $0.kind }, set: { $0.kind = $1 ?? .company }),
                columns: [Column(summary: "company or person", content: .labelled)],
                imports: .value(aliases: ["客户类型"]),
                option: NewOption("kind", value: "KIND", usage: "company|person", help: Phrase("company (default) or person", "company（企业，默认）或 person（个人）"), rank: 120))
        case .industry:
            return Definition(
                key: "industry", label: "行业", access: .text(get: { $0.industry }, set: { $0.industry = $1 }),
                show: .row("industry", rank: 70), columns: [Column(header: "所属行业", defaultRank: 40)],
                imports: .value(aliases: ["所属行业", "行业"]),
                option: NewOption("industry", value: "TEXT", usage: "I", help: Phrase("industry", "所属行业"), rank: 40), keyField: KeyField())
        case .region:
            return Definition(
                key: "region", label: "区域", access: .text(get: { $0.region }, set: { $0.region = $1 }),
                show: .row("region", rank: 80), columns: [Column(defaultRank: 50)],
                imports: .value(aliases: ["地区", "所在区域"]),
                option: NewOption("region", value: "TEXT", usage: "R", help: Phrase("region", "所在地区"), rank: 50), keyField: KeyField())
        case .employees:
            return Definition(
                key: "employees", label: "员工数", access: .wholeNumber(get: { $0.employees }, set: { $0.employees = $1 }),
                show: .row("employees", rank: 90), columns: [Column()], imports: .value(aliases: ["员工人数", "企业规模"]),
                option: NewOption("employees", value: "N", usage: "N", help: Phrase("number of employees", "员工人数"), rank: 60))
        case .revenue:
            return Definition(
                key: "revenue", label: "年营收", access: .amount(get: { $0.revenue }, set: { $0.revenue = $1 }),
                columns: [Column()], imports: .value(aliases: ["营收"]))
        case .source:
            return Definition(
                key: "source", label: "来源渠道",
                access: .custom(.choice, read: { customer, node, _, decoder, configuration in
                    customer.source = CustomerReader.source(node, configuration, &decoder)
                }, value: { $0.source.map(FieldValue.text) }),
                required: .required(example: "source: website"), show: .row("source", rank: 60),
                columns: [Column(summary: "first channel", content: .custom(text: { customer, labels in
                    customer.source.map { labels ? Configuration.sourceLabels[$0] ?? $0 : $0 } ?? ""
                }), defaultRank: 30)],
                imports: .value(aliases: ["来源渠道", "来源", "线索来源", "channel"]),
                option: NewOption("source", value: "SOURCE", usage: "S",
                                  help: Phrase("where the lead came from: one of leadbook.yml `sources` (exhibition, website, referral, ... or 展会, 官网表单, ...)",
                                         "线索来源：leadbook.yml `sources` 中的一个（展会、官网表单、推荐……或 exhibition、website、referral……）"),
                                  rank: 20, required: true),
                merge: .ownStep)
        case .sourceDetail:
            // Its keys depend on the source, so it is read once `source` is.
            return Definition(
                key: "source_detail", label: "来源详情",
                access: .custom(.map, readsLast: true, read: { customer, node, _, decoder, _ in
                    customer.sourceDetail = CustomerReader.sourceDetail(node, source: customer.source, &decoder, lists: &customer.sourceDetailLists)
                }, json: CustomerView.sourceDetailJSON),
                columns: [Column(summary: "source_detail as `key: value; ...`", content: .custom(text: { customer, _ in
                    customer.sourceDetail.map { "\($0.0): \($0.1)" }.joined(separator: "; ")
                }, json: CustomerView.sourceDetailJSON))],
                option: NewOption("detail", value: "KEY=VALUE", help: Phrase("source detail: booth=A12, minutes=30, page=..., referrer=...", "来源详情：booth=A12、minutes=30、page=...、referrer=..."),
                                  rank: 100, repeatable: true),
                merge: .ownStep)
        case .sources:
            return Definition(
                key: "sources", label: "其他来源",
                access: .custom(.mapList, read: { customer, node, _, decoder, configuration in
                    customer.sources = CustomerReader.sources(node, configuration, &decoder)
                }, json: { .array($0.sources.map(CustomerView.sourceJSON)) }),
                columns: [Column(summary: "further channels as `source date detail; ...`",
                                 content: .custom(text: { CustomerTable.sourcesCell($0, labels: $1) }, json: { .array($0.sources.map(CustomerView.sourceJSON)) }))],
                merge: .ownStep)
        case .contacts:
            return Definition(
                key: "contacts", label: "联系人",
                access: .custom(.mapList, read: { customer, node, _, decoder, _ in
                    customer.contacts = CustomerReader.contacts(node, &decoder)
                }, json: { .array($0.contacts.map(CustomerView.contactJSON)) }),
                show: .row("contact", rank: 210, format: .lines({ CustomerView.contactLines($0, $1) })),
                columns: [
                    Column(name: "contact", header: "联系人", summary: "first contact's name", content: .custom(text: { c, _ in c.contacts.first?.name ?? "" }),
                           defaultRank: 60, imported: .contact),
                    Column(name: "title", header: "职位", summary: "first contact's title", content: .custom(text: { c, _ in c.contacts.first?.title ?? "" }),
                           defaultRank: 70, imported: .title),
                    Column(name: "phone", header: "电话", summary: "first contact's phone", content: .custom(text: { c, _ in c.contacts.first?.phone ?? "" }),
                           defaultRank: 80, imported: .phone),
                    Column(name: "email", header: "邮箱", summary: "first contact's email", content: .custom(text: { c, _ in c.contacts.first?.email ?? "" }),
                           defaultRank: 90, imported: .email),
                    Column(name: "wechat", header: "微信", summary: "first contact's wechat", content: .custom(text: { c, _ in c.contacts.first?.wechat ?? "" }),
                           imported: .wechat),
                    Column(name: "contacts", header: "全部联系人", summary: "every contact, one per line",
                           content: .custom(text: { CustomerTable.contactsCell($0, labels: $1) }, json: { CustomerTable.contactsJSON($0) })),
                ],
                imports: .parts([.contact, .title, .contactInfo, .phone, .email, .wechat]),
                option: NewOption("contact", value: "\"NAME,TITLE,PHONE,EMAIL\"", usage: "\"name,title,phone,email\"",
                                  help: Phrase("a contact; leave parts empty: \"张伟,,13800000001\"", "联系人；不知道的部分留空：\"张伟,,13800000001\""), rank: 90, repeatable: true),
                keyField: KeyField(name: "contact", english: "contact with phone or email", chinese: "联系人电话或邮箱", filled: { customer in
                    customer.contacts.contains { !($0.phone ?? "").isEmpty || !($0.email ?? "").isEmpty }
                }),
                merge: .ownStep)
        case .needs:
            return Definition(
                key: "needs", label: "需求", access: .text(get: { $0.needs }, set: { $0.needs = $1 }),
                show: .row("needs", rank: 110, format: .oneLine), columns: [Column(header: "需求关键词", defaultRank: 100)],
                imports: .value(aliases: ["需求关键词", "需求", "需求描述", "need"]),
                option: NewOption("needs", value: "TEXT", help: Phrase("need keywords or description", "需求关键词或描述"), rank: 80), keyField: KeyField())
        case .budget:
            return Definition(
                key: "budget", label: "预算", access: .amount(get: { $0.budget }, set: { $0.budget = $1 }),
                show: .row("budget", rank: 100), columns: [Column(defaultRank: 110)], imports: .value(aliases: []),
                option: NewOption("budget", value: "CNY", help: Phrase("budget in CNY, digits only", "预算（人民币元，只写数字）"), rank: 70), keyField: KeyField())
        case .decisionBy:
            return Definition(
                key: "decision_by", label: "决策时间", access: .date(get: { $0.decisionBy }, set: { $0.decisionBy = $1 }),
                show: .row("decision by", rank: 120), columns: [Column(summary: "expected decision date")], imports: .value(aliases: []),
                option: NewOption("decision-by", value: "DATE", help: Phrase("expected decision date", "预计决策日期"), rank: 110),
                keyField: KeyField(english: "decision date"))
        case .intent:
            return Definition(
                key: "intent", label: "初步意向等级", access: .choice(Intent.self, get: { $0.intent }, set: { $0.intent = $1 }),
                required: .required(example: "intent: B"), show: .row("intent", rank: 50),
                columns: [Column(summary: "initial intent A/B/C", defaultRank: 120)],
                imports: .value(aliases: ["初步意向等级", "意向等级", "意向"]),
                option: NewOption("intent", value: "A|B|C",
                                  help: Phrase("initial intent: A clear and urgent, B a need without details, C only collecting material",
                                         "初步意向等级：A 需求明确且紧急，B 有需求但细节不清，C 只是收集资料"),
                                  rank: 30, required: true))
        case .score:
            return Definition(
                key: "score", label: "评分",
                access: .custom(.map, read: { customer, node, _, decoder, configuration in
                    customer.score = CustomerReader.score(node, configuration.scoring, &decoder)
                }, json: { CustomerView.scoreJSON($0) }),
                show: .row("score", rank: 30, format: .lines({ CustomerView.scoreLines($0, $1) })),
                columns: [Column(summary: "score total (size+budget+urgency+decision)", content: .custom(text: { customer, _ in
                    customer.score?.total.map(String.init) ?? ""
                }, json: { .optional($0.score?.total) }))])
        case .grade:
            return Definition(
                key: "grade", label: "线索等级", access: .choice(Grade.self, get: { $0.grade }, set: { $0.grade = $1 }),
                derived: true, show: .row("grade", rank: 40),
                columns: [Column(summary: "grade S/A/B/C as written", defaultRank: 130)], merge: .ownStep)
        case .tags:
            return Definition(
                key: "tags", label: "标签", access: .textList(get: { $0.tags }, set: { $0.tags = $1 }),
                show: .row("tags", rank: 170), columns: [Column()], merge: .ownStep)
        case .owner:
            return Definition(
                key: "owner", label: "负责人", access: .text(get: { $0.owner }, set: { $0.owner = $1 }),
                show: .row("owner", rank: 20), columns: [Column(defaultRank: 150)], imports: .value(aliases: ["负责人"]),
                option: NewOption("owner", value: "NAME", help: Phrase("the rep who follows it (a team member); `assigned` is set to the capture time",
                                         "跟进的销售（团队成员）；`assigned` 写成获取时间"),
                                  rank: 130))
        case .created:
            return Definition(
                key: "created", label: "获取时间", access: .dateTime(get: { $0.created }, set: { $0.created = $1 }),
                required: .required(example: "created: 2024-03-01 09:10"), show: .row("created", rank: 130),
                columns: [Column(summary: "when the lead was captured", defaultRank: 160)],
                imports: .value(aliases: ["获取时间", "创建时间"]), merge: .ownStep)
        case .assigned:
            return Definition(
                key: "assigned", label: "分配时间", access: .dateTime(get: { $0.assigned }, set: { $0.assigned = $1 }),
                show: .row("assigned", rank: 140), columns: [Column(summary: "when an owner was set")], merge: .ownStep)
        case .status:
            return Definition(
                key: "status", label: "客户状态", access: .choice(Status.self, get: { $0.status }, set: { $0.status = $1 }),
                required: .required(example: "status: untouched"), derived: true,
                show: .row("status", rank: 10, format: .valueAndLabel),
                columns: [Column(summary: "status", content: .labelled, defaultRank: 140)], imports: .value(aliases: ["状态"]),
                merge: .ownStep)
        case .next:
            return Definition(
                key: "next", label: "下次跟进", access: .date(get: { $0.next }, set: { $0.next = $1 }),
                derived: true, show: .row("next", rank: 150),
                columns: [Column(summary: "next follow-up date (derived from the log when not written)", content: .custom(text: { customer, _ in
                    CustomerTable.next(customer)?.description ?? ""
                }), defaultRank: 170)],
                merge: .ownStep)
        case .plan:
            return Definition(
                key: "plan", label: "跟进计划",
                access: .custom(.mapList, read: { customer, node, _, decoder, _ in
                    customer.plan = CustomerReader.plan(node, &decoder)
                }, json: { .array($0.plan.map(CustomerView.planStepJSON)) }))
        case .deal:
            return Definition(
                key: "deal", label: "成交",
                access: .custom(.map, read: { customer, node, _, decoder, _ in
                    customer.deal = CustomerReader.deal(node, &decoder)
                }, json: { CustomerView.dealJSON($0) }),
                required: .whenStatus(.won), show: .row("deal", rank: 180, format: .lines({ CustomerView.dealLines($0, $1) })),
                columns: [
                    Column(name: "deal_amount", header: "成交金额", summary: "deal amount", content: .custom(text: { customer, _ in
                        customer.deal?.amount.map(Money.plain) ?? ""
                    }, json: { .optional($0.deal?.amount) })),
                    Column(name: "deal_closed", header: "成交日期", summary: "deal closed", content: .custom(text: { customer, _ in
                        customer.deal?.closed?.description ?? ""
                    })),
                ],
                merge: .ownStep)
        case .lostReason:
            return Definition(
                key: "lost_reason", label: "流失原因", access: .text(get: { $0.lostReason }, set: { $0.lostReason = $1 }),
                required: .whenStatus(.lost), show: .row("lost reason", rank: 190),
                columns: [Column(summary: "why the customer was lost")], merge: .ownStep)
        case .mergedInto:
            return Definition(
                key: "merged_into", label: "合并到", access: .text(get: { $0.mergedInto }, set: { $0.mergedInto = $1 }),
                show: .row("merged into", rank: 200), merge: .ownStep)
        }
    }
}

// MARK: - An entry of the table

extension CustomerField {
    /// Everything about one field.
    public struct Definition: Sendable {
        /// The key in the front matter (`decision_by`).
        public let key: String
        /// What the field is called in Chinese (决策时间).
        public let label: String
        public let access: FieldAccess
        public let required: Requirement
        /// Written by `sync` from other values (`check` reports it stale); a git merge takes it from neither side.
        public let derived: Bool
        public let show: Show
        /// Its `export` columns, in order (none: not exported).
        public let columns: [Column]
        /// How `import` fills it from a sheet (nil: it does not).
        public let imports: FieldImport?
        /// Its `leadbook new` option (nil: `new` does not set it).
        public let option: NewOption?
        /// Counts towards completeness (信息完整度).
        public let keyField: KeyField?
        public let merge: MergeRule

        public init(key: String, label: String, access: FieldAccess, required: Requirement = .optional, derived: Bool = false,
                    show: Show = .hidden, columns: [Column] = [], imports: FieldImport? = nil, option: NewOption? = nil,
                    keyField: KeyField? = nil, merge: MergeRule = .fill) {
            self.key = key
            self.label = label
            self.access = access
            self.required = required
            self.derived = derived
            self.show = show
            self.columns = columns
            self.imports = imports
            self.option = option
            self.keyField = keyField
            self.merge = merge
        }

        public var type: ValueType { access.type }
    }

    /// The type of a field's value (docs/format.md, "Front-matter fields"); it comes from the
    /// field, never from how the value looks.
    public enum ValueType: Sendable, Equatable {
        case text
        /// An integer >= 0.
        case wholeNumber
        /// A number >= 0 (CNY).
        case amount
        /// `YYYY-MM-DD`.
        case date
        /// `YYYY-MM-DD HH:MM`, or a date alone.
        case dateTime
        /// One of a closed set of values with Chinese labels, or of leadbook.yml `sources`.
        case choice
        case textList, map, mapList

        /// A single value that `new`, `import` and `merge` handle as its text (`200000`, `2024-04-01`).
        public var isScalar: Bool {
            switch self {
            case .text, .wholeNumber, .amount, .date, .dateTime, .choice: return true
            case .textList, .map, .mapList: return false
            }
        }
    }

    public enum Requirement: Sendable, Equatable {
        case optional
        /// Every customer file has it (a tombstone needs only `id`); `example` is the line a hint suggests.
        case required(example: String)
        /// Needed when the status is this one (each has its own rule: missing-deal, missing-lost-reason).
        case whenStatus(Status)
    }

    /// Where `show` prints a field on its page (JSON has every field, in table order).
    public enum Show: Sendable {
        case hidden
        /// On the page's first line: `LX2024001  华东云科技有限公司`.
        case title
        /// A `label  value` row; rows are in `rank` order (tens, so a new row fits between two).
        case row(String, rank: Int, format: ShowFormat = .value)
    }

    public enum ShowFormat: Sendable {
        /// Text as written, whole numbers, amounts as `198,000`, dates, the English value of a choice, lists joined by `, `.
        case value
        /// Text with its line breaks as spaces.
        case oneLine
        /// The English value and its label: `qualified (需求明确)`.
        case valueAndLabel
        /// The field's own rows (none, one, or one per item).
        case lines(@Sendable (Customer, Configuration) -> [String])
    }

    /// An `export` column (and a header `import` recognises).
    public struct Column: Sendable {
        /// The English name, for `--fields` and JSON keys; nil: the field's key.
        public let name: String?
        /// The Chinese header; nil: the field's label.
        public let header: String?
        /// What the column holds, for `export --help`.
        public let summary: String
        public let content: Content
        /// Its place among the columns `export` writes without `--fields` (nil: only with `--fields`).
        public let defaultRank: Int?
        /// What `import` fills from a column with this header, when not the field itself.
        public let imported: LeadField?

        public enum Content: Sendable {
            /// The value as written (and in JSON as a number, list or text).
            case value
            /// The value's Chinese label when the table is in Chinese.
            case labelled
            /// Its own cell text (with the table's `labels`) and JSON (nil: the text, or null when empty).
            case custom(text: @Sendable (Customer, Bool) -> String, json: (@Sendable (Customer) -> JSON)? = nil)
        }

        public init(name: String? = nil, header: String? = nil, summary: String = "the field of the same name", content: Content = .value,
                    defaultRank: Int? = nil, imported: LeadField? = nil) {
            self.name = name
            self.header = header
            self.summary = summary
            self.content = content
            self.defaultRank = defaultRank
            self.imported = imported
        }
    }

    public enum FieldImport: Sendable {
        /// A column holds the value. Its headers: the key, the export column's name and header, and `aliases`
        /// (the toolkit's capture-table header and common synonyms, written as `LeadField.normalizedHeader` makes them).
        case value(aliases: [String])
        /// Columns hold parts of it (the first contact's name, phone, ...).
        case parts([LeadField])
    }

    /// A `leadbook new` option.
    public struct NewOption: Sendable {
        public let flag: String
        /// The value's placeholder in `--help`.
        public let value: String
        /// The value's placeholder in the usage line.
        public let usage: String
        public let help: Phrase
        /// Its place among the options (tens).
        public let rank: Int
        public let required: Bool
        public let repeatable: Bool

        public init(_ flag: String, value: String, usage: String? = nil, help: Phrase, rank: Int, required: Bool = false, repeatable: Bool = false) {
            self.flag = flag
            self.value = value
            self.usage = usage ?? value
            self.help = help
            self.rank = rank
            self.required = required
            self.repeatable = repeatable
        }
    }

    /// A key field of completeness: its name in `show --format json` and the summary, and its words there.
    public struct KeyField: Sendable {
        /// nil: the field's key.
        public let name: String?
        public let english: String?
        public let chinese: String?
        /// nil: the field has a value (text that is not empty).
        public let filled: (@Sendable (Customer) -> Bool)?

        public init(name: String? = nil, english: String? = nil, chinese: String? = nil, filled: (@Sendable (Customer) -> Bool)? = nil) {
            self.name = name
            self.english = english
            self.chinese = chinese
            self.filled = filled
        }
    }

    public enum MergeRule: Sendable, Equatable {
        /// KEEP takes OTHER's value when it has none; a different value is noted in the merge record.
        case fill
        /// Merged by a step of its own (contacts, sources, tags), following the merged log and score
        /// (status, next, grade, deal, lost reason, assigned), or staying with the tombstone (id,
        /// merged_into, created, source, source_detail).
        case ownStep
    }
}

// MARK: - Reading and values

/// How a field's value gets from the YAML tree into `Customer` and back out as a value.
public struct FieldAccess: Sendable {
    /// Decodes `node`, the value of the key `key`, into the customer.
    public typealias Reader = @Sendable (_ customer: inout Customer, _ node: YAMLNode, _ key: String, _ decoder: inout FieldDecoder,
                                         _ configuration: Configuration) -> Void

    public let type: CustomerField.ValueType
    public let read: Reader
    /// Read after every other key: it depends on another field's value.
    public let readsLast: Bool
    /// The customer's value; nil when it has none (and for maps and lists of maps).
    public let value: @Sendable (Customer) -> FieldValue?
    /// The value in `show --format json`; nil: from `value`.
    public let json: (@Sendable (Customer) -> JSON)?

    public static func text(get: @escaping @Sendable (Customer) -> String?, set: @escaping @Sendable (inout Customer, String?) -> Void) -> FieldAccess {
        FieldAccess(type: .text, read: { customer, node, key, decoder, _ in set(&customer, decoder.text(node, key)) }, readsLast: false,
                    value: { get($0).map(FieldValue.text) }, json: nil)
    }

    public static func wholeNumber(get: @escaping @Sendable (Customer) -> Int?, set: @escaping @Sendable (inout Customer, Int?) -> Void) -> FieldAccess {
        FieldAccess(type: .wholeNumber, read: { customer, node, key, decoder, _ in set(&customer, decoder.integer(node, key)) }, readsLast: false,
                    value: { get($0).map(FieldValue.wholeNumber) }, json: nil)
    }

    public static func amount(get: @escaping @Sendable (Customer) -> Double?, set: @escaping @Sendable (inout Customer, Double?) -> Void) -> FieldAccess {
        FieldAccess(type: .amount, read: { customer, node, key, decoder, _ in set(&customer, decoder.number(node, key)) }, readsLast: false,
                    value: { get($0).map(FieldValue.amount) }, json: nil)
    }

    public static func date(get: @escaping @Sendable (Customer) -> LocalDate?, set: @escaping @Sendable (inout Customer, LocalDate?) -> Void) -> FieldAccess {
        FieldAccess(type: .date, read: { customer, node, key, decoder, _ in set(&customer, decoder.date(node, key)) }, readsLast: false,
                    value: { get($0).map(FieldValue.date) }, json: nil)
    }

    public static func dateTime(get: @escaping @Sendable (Customer) -> LocalDateTime?,
                                set: @escaping @Sendable (inout Customer, LocalDateTime?) -> Void) -> FieldAccess {
        FieldAccess(type: .dateTime, read: { customer, node, key, decoder, _ in set(&customer, decoder.dateTime(node, key)) }, readsLast: false,
                    value: { get($0).map(FieldValue.dateTime) }, json: nil)
    }

    public static func choice<V: Vocabulary>(_ vocabulary: V.Type, get: @escaping @Sendable (Customer) -> V?,
                                             set: @escaping @Sendable (inout Customer, V?) -> Void) -> FieldAccess {
        FieldAccess(type: .choice, read: { customer, node, key, decoder, _ in set(&customer, decoder.vocabulary(node, key, V.self)) },
                    readsLast: false, value: { get($0).map { FieldValue.choice($0.rawValue, label: $0.label) } }, json: nil)
    }

    public static func textList(get: @escaping @Sendable (Customer) -> [String], set: @escaping @Sendable (inout Customer, [String]) -> Void) -> FieldAccess {
        FieldAccess(type: .textList, read: { customer, node, key, decoder, _ in set(&customer, decoder.textList(node, key)) }, readsLast: false,
                    value: { .texts(get($0)) }, json: nil)
    }

    /// A field with a decoder of its own.
    public static func custom(_ type: CustomerField.ValueType, readsLast: Bool = false, read: @escaping Reader,
                              value: @escaping @Sendable (Customer) -> FieldValue? = { _ in nil },
                              json: (@Sendable (Customer) -> JSON)? = nil) -> FieldAccess {
        FieldAccess(type: type, read: read, readsLast: readsLast, value: value, json: json)
    }
}

/// A customer's value of one field.
public enum FieldValue: Sendable, Equatable {
    case text(String)
    case wholeNumber(Int)
    case amount(Double)
    case date(LocalDate)
    case dateTime(LocalDateTime)
    case choice(String, label: String)
    case texts([String])

    /// As the front matter writes it: `200000`, `150000.5`, `2024-04-01`, `won`, the text.
    public var written: String {
        switch self {
        case .text(let text): return text
        case .wholeNumber(let number): return String(number)
        case .amount(let amount): return Money.plain(amount)
        case .date(let date): return date.description
        case .dateTime(let moment): return moment.description
        case .choice(let value, _): return value
        case .texts(let texts): return texts.joined(separator: ", ")
        }
    }

    public var json: JSON {
        switch self {
        case .wholeNumber(let number): return .int(number)
        case .amount(let amount): return .number(amount)
        case .texts(let texts): return .array(texts.map(JSON.string))
        default: return .string(written)
        }
    }
}

// MARK: - Derived from the table

extension CustomerField {
    /// Every entry, in table order.
    public static let table: [Definition] = allCases.map(\.entry)

    public var definition: Definition { Self.table[rawValue] }
    public var key: String { Self.keys[rawValue] }
    public var label: String { definition.label }
    public var type: ValueType { definition.type }

    /// The keys in table order (the known keys of "unknown key, did you mean").
    public static let keys: [String] = table.map(\.key)

    /// The field of a front-matter key, matched by its bytes.
    public init?(key: String) {
        var key = key
        guard let field = key.withUTF8({ KeyNames.match($0, in: Self.byLength) }) else { return nil }
        self = field
    }

    static let byLength = KeyNames<CustomerField>.table(allCases.map { ($0.key, $0) })

    /// The readers by field (`rawValue`), for `CustomerReader`: a field read last has a reader
    /// that does nothing here and is in `lastReaders`.
    public static let readers: [FieldAccess.Reader] = table.map { definition -> FieldAccess.Reader in
        definition.access.readsLast ? skipped : definition.access.read
    }
    static let skipped: FieldAccess.Reader = { _, _, _, _, _ in }
    public static let lastReaders: [(key: String, read: FieldAccess.Reader)] = table.filter(\.access.readsLast).map { ($0.key, $0.access.read) }

    /// The customer's value, as the front matter writes it (nil: none, or not a single value).
    public func written(_ customer: Customer) -> String? { definition.access.value(customer)?.written }

    /// The keys a new key goes after, nearest first: the fields before it in the table. A key
    /// outside the table (an `extra_fields` key) has none: it goes at the end.
    public var anchors: [String] { Self.anchorLists[rawValue] }
    static let anchorLists: [[String]] = allCases.map { Array(keys[..<$0.rawValue].reversed()) }

    public static func anchors(for key: String) -> [String] {
        CustomerField(key: key)?.anchors ?? []
    }

    /// The required fields and the line a hint suggests for each.
    public static let required: [(field: CustomerField, example: String)] = allCases.compactMap { field in
        if case .required(let example) = field.definition.required { return (field, example) }
        return nil
    }

    /// Fields `sync` writes from other values.
    public static let derived: [CustomerField] = allCases.filter { $0.definition.derived }

    /// Keys `merge` does not simply copy from OTHER.
    public static let mergedByOwnStep: Set<String> = Set(allCases.filter { $0.definition.merge == .ownStep }.map(\.key))

    /// A key field of completeness with its names worked out.
    public struct CompletenessField: Sendable {
        public let name: String
        public let english: String
        public let chinese: String
        public let filled: @Sendable (Customer) -> Bool
    }

    /// The key fields of completeness, in table order.
    public static let keyFields: [CompletenessField] = allCases.compactMap { field -> CompletenessField? in
        guard let keyField = field.definition.keyField else { return nil }
        let value = field.definition.access.value
        let filled: @Sendable (Customer) -> Bool = keyField.filled ?? { customer in
            guard let written = value(customer) else { return false }
            if case .text(let text) = written { return !text.isEmpty }
            return true
        }
        return CompletenessField(name: keyField.name ?? field.key, english: keyField.english ?? field.key,
                                 chinese: keyField.chinese ?? field.label, filled: filled)
    }

    /// The `new` options in their order.
    public static let newOptions: [(field: CustomerField, option: NewOption)] =
        allCases.compactMap { field in field.definition.option.map { (field, $0) } }.sorted { $0.option.rank < $1.option.rank }

    /// The rows of `show`'s page, in their order.
    public static let shownRows: [(field: CustomerField, label: String, rank: Int, format: ShowFormat)] =
        allCases.compactMap { field -> (CustomerField, String, Int, ShowFormat)? in
            if case .row(let label, let rank, let format) = field.definition.show { return (field, label, rank, format) }
            return nil
        }.sorted { $0.rank < $1.rank }
}
