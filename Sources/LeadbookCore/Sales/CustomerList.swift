import LeadbookText

/// `leadbook list`: the customers that pass a set of filters, one row each, with why each is
/// listed. Each customer is reduced to its row while its file is read (`Selection.row`, on
/// every core); a customer the filters drop keeps nothing. Deadlines are the agenda's
/// (`Agenda.Scope`), screening is `ScreeningResult.screen`, contact is a follow-up entry.
public struct CustomerList: Sendable {
    /// What a customer must have to be listed: any of the values within one filter, every
    /// filter given. An empty filter lets everyone through.
    public struct Filter: Sendable {
        public var owners: [String] = []
        /// Teams of leadbook.yml (a member's `group`): customers whose owner is in one of them.
        public var teams: [String] = []
        public var statuses: [Status] = []
        public var grades: [Grade] = []
        public var intents: [Intent] = []
        /// Canonical sources (`Configuration.source(named:)`).
        public var sources: [String] = []
        public var regions: [String] = []
        public var industries: [String] = []
        public var tags: [String] = []
        /// An item the agenda shows as overdue.
        public var overdue = false
        /// An item the agenda shows with `--days N`: overdue, or due by the end of the as-of day plus N.
        public var dueWithin: Int?
        /// No follow-up entry for at least this many days (since capture when there is none).
        public var stalledDays: Int?
        public var screening: [ScreeningResult.Outcome] = []
        /// `created`, by its day, inclusive.
        public var createdFrom: LocalDate?
        public var createdTo: LocalDate?
        /// Won and lost customers too (else only when `statuses` names them).
        public var all = false

        public init() {}

        /// Whether a filter says why a customer is listed beyond the columns every row shows
        /// (id, name, grade, status, owner, next): the table then has a reason column.
        public var hasReasons: Bool {
            !teams.isEmpty || !intents.isEmpty || !sources.isEmpty || !regions.isEmpty || !industries.isEmpty || !tags.isEmpty
                || usesAgenda || stalledDays != nil || !screening.isEmpty || createdFrom != nil || createdTo != nil
        }

        public var usesAgenda: Bool { overdue || dueWithin != nil }
    }

    /// One listed customer: the columns, and the values the filters looked at.
    public struct Row: Sendable {
        public var id: String
        public var path: String
        /// The company's name; "" for a private person (`kind: person`), shown by id only as in the summary.
        public var name: String
        /// The grade the score gives, else the grade written.
        public var grade: Grade?
        /// The status written, else the log's last.
        public var status: Status?
        public var owner: String?
        /// `next` as written, else the log's last.
        public var next: LocalDate?
        public var created: LocalDateTime?
        /// The day of the last follow-up entry up to the as-of day.
        public var lastContact: LocalDate?
        public var intent: Intent?
        public var source: String?
        public var region: String?
        public var industry: String?
        /// The customer's team (its owner's `group`).
        public var team: String?
        /// The tags `--tag` asked for that the customer has.
        public var matchedTags: [String] = []
        /// With `--overdue` or `--due-within`: the agenda's items of the customer (only the
        /// overdue ones for `--overdue` alone), most urgent first, free text masked.
        public var items: [Agenda.Item] = []
        /// With `--stalled`: days since the last contact (or since capture).
        public var daysWithoutContact: Int?
        public var screening: ScreeningResult?
    }

    /// The sort keys of `--sort`.
    public enum SortKey: String, Sendable, CaseIterable {
        case id, name, grade, status, owner, next, created
        case lastContact = "last-contact"
    }

    public var asOf: LocalDateTime
    public var filter: Filter
    public var rows: [Row]

    /// The rows in the order of `key`: rows without the value last, ties by id then path.
    public init(rows: [Row], filter: Filter, asOf: LocalDateTime, sort key: SortKey = .id) {
        self.asOf = asOf
        self.filter = filter
        self.rows = rows
        self.rows.sort { a, b in
            if let order = Self.order(a, b, key) { return order }
            if a.id != b.id { return a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
            return a.path.utf8.lexicographicallyPrecedes(b.path.utf8)
        }
    }

    /// true when `a` comes first, false when `b` does, nil when the key does not tell them apart.
    static func order(_ a: Row, _ b: Row, _ key: SortKey) -> Bool? {
        func compare<Value: Comparable>(_ x: Value?, _ y: Value?) -> Bool? {
            switch (x, y) {
            case let (x?, y?): return x == y ? nil : x < y
            case (nil, nil): return nil
            case (nil, _): return false
            case (_, nil): return true
            }
        }
        switch key {
        case .id: return nil
        case .name: return compare(a.name.isEmpty ? nil : a.name, b.name.isEmpty ? nil : b.name)
        case .grade: return compare(a.grade, b.grade)
        case .status: return compare(a.status.map(Self.statusOrder), b.status.map(Self.statusOrder))
        case .owner: return compare(a.owner, b.owner)
        case .next: return compare(a.next, b.next)
        case .created: return compare(a.created, b.created)
        case .lastContact: return compare(a.lastContact, b.lastContact)
        }
    }

    /// Funnel order, won before lost.
    static func statusOrder(_ status: Status) -> Int { Status.allCases.firstIndex(of: status)! }

    /// What a list looks at: the filters, the moment, leadbook.yml. `row` decides for one
    /// customer alone, so it runs while the file is read.
    public struct Selection {
        public let filter: Filter
        public let configuration: Configuration
        public let asOf: LocalDateTime
        let agenda: Agenda.Scope?

        public init(filter: Filter, configuration: Configuration, asOf: LocalDateTime) {
            self.filter = filter
            self.configuration = configuration
            self.asOf = asOf
            agenda = filter.usesAgenda ? Agenda.Scope(configuration: configuration, asOf: asOf, days: filter.dueWithin ?? 0) : nil
        }

        /// The customer's row, or nil when a filter drops it (tombstones always).
        public func row(_ customer: Customer, path: String) -> Row? {
            guard !customer.isTombstone, let id = customer.id else { return nil }
            let status = customer.status ?? DerivedValues.status(customer)?.0
            if filter.statuses.isEmpty {
                if !filter.all, status?.isClosed == true { return nil }
            } else {
                guard let status, filter.statuses.contains(status) else { return nil }
            }
            let grade = DerivedValues.grade(customer, configuration) ?? customer.grade
            if !filter.grades.isEmpty { guard let grade, filter.grades.contains(grade) else { return nil } }
            if !filter.intents.isEmpty { guard let intent = customer.intent, filter.intents.contains(intent) else { return nil } }
            let owner = customer.owner.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
            if !filter.owners.isEmpty { guard let owner, filter.owners.contains(owner) else { return nil } }
            let team = owner.flatMap { configuration.member(named: $0)?.group }
            if !filter.teams.isEmpty { guard let team, filter.teams.contains(team) else { return nil } }
            if !filter.sources.isEmpty { guard let source = customer.source, filter.sources.contains(source) else { return nil } }
            let region = customer.region?.trimmingSpaces, industry = customer.industry?.trimmingSpaces
            if !filter.regions.isEmpty { guard let region, filter.regions.contains(region) else { return nil } }
            if !filter.industries.isEmpty { guard let industry, filter.industries.contains(industry) else { return nil } }
            var matchedTags: [String] = []
            if !filter.tags.isEmpty {
                matchedTags = filter.tags.filter { tag in customer.tags.contains { $0.trimmingSpaces == tag } }
                guard !matchedTags.isEmpty else { return nil }
            }
            if filter.createdFrom != nil || filter.createdTo != nil {
                guard let day = customer.created?.date else { return nil }
                if let from = filter.createdFrom, day < from { return nil }
                if let to = filter.createdTo, day > to { return nil }
            }
            // Contact is a follow-up entry, as for the summary's response time and the agenda's
            // cadence; entries after the as-of day do not count yet.
            var lastContact: LocalDate?
            for entry in customer.followUps {
                guard let date = entry.date, date <= asOf.date else { continue }
                if lastContact == nil || date > lastContact! { lastContact = date }
            }
            var daysWithoutContact: Int?
            if let days = filter.stalledDays {
                guard let since = lastContact ?? customer.created?.date else { return nil }
                let without = asOf.date.dayNumber - since.dayNumber
                guard without >= days else { return nil }
                daysWithoutContact = without
            }
            var screening: ScreeningResult?
            if !filter.screening.isEmpty {
                let result = ScreeningResult.screen(customer, configuration)
                guard filter.screening.contains(result.outcome) else { return nil }
                screening = result
            }
            var items: [Agenda.Item] = []
            if let agenda {
                items = agenda.items(customer)
                if filter.dueWithin == nil { items.removeAll { !$0.overdue } }
                if filter.overdue { guard items.contains(where: \.overdue) else { return nil } }
                guard !items.isEmpty else { return nil }
                items = Agenda(items: items, asOf: asOf).items
                // A to-do or a feedback summary may name a phone or an email: masked as the summary masks.
                let masker = PrivateText.Masker(contacts: customer.contacts, names: true)
                for index in items.indices { items[index].detailPhrase = items[index].detailPhrase.map(masker.masked) }
            }
            return Row(id: id, path: path, name: customer.kind == .person ? "" : customer.name ?? "", grade: grade, status: status,
                       owner: owner, next: customer.next ?? DerivedValues.next(customer)?.0, created: customer.created,
                       lastContact: lastContact, intent: customer.intent, source: customer.source, region: region,
                       industry: industry, team: team, matchedTags: matchedTags, items: items,
                       daysWithoutContact: daysWithoutContact, screening: screening)
        }
    }

    // MARK: What is shown

    /// Why the row is listed, for the filters that are not columns: the first agenda item, the
    /// days without contact, the screening verdict, the values matched.
    public func reason(_ row: Row) -> Phrase {
        var parts: [Phrase] = []
        if let first = row.items.first {
            var part = Wording<CustomerList>.item(first).phrase
            if row.items.count > 1 { part += Wording<CustomerList>.more(row.items.count - 1).phrase }
            parts.append(part)
        }
        if let days = row.daysWithoutContact {
            parts.append((row.lastContact.map { Wording<CustomerList>.noContact(days, since: $0) }
                          ?? Wording<CustomerList>.neverContacted(days, created: row.created?.date)).phrase)
        }
        if let screening = row.screening { parts.append(Wording<CustomerList>.screening(screening).phrase) }
        if !filter.teams.isEmpty, let team = row.team { parts.append(Wording<CustomerList>.team(team).phrase) }
        if !filter.intents.isEmpty, let intent = row.intent { parts.append(Wording<CustomerList>.intent(intent).phrase) }
        if !filter.sources.isEmpty, let source = row.source { parts.append(Wording<CustomerList>.source(source).phrase) }
        if !filter.regions.isEmpty, let region = row.region { parts.append(Wording<CustomerList>.region(region).phrase) }
        if !filter.industries.isEmpty, let industry = row.industry { parts.append(Wording<CustomerList>.industry(industry).phrase) }
        if !row.matchedTags.isEmpty { parts.append(Wording<CustomerList>.tags(row.matchedTags).phrase) }
        if filter.createdFrom != nil || filter.createdTo != nil, let created = row.created {
            parts.append(Wording<CustomerList>.created(created.date).phrase)
        }
        return Phrase.joined(parts, en: "; ", zh: "；")
    }

    /// The headers, with the reason column when a filter gives reasons.
    public func headers(_ language: Language) -> [String] {
        var columns = Wording<CustomerList>.columns
        if filter.hasReasons { columns.append(Wording<CustomerList>.reasonColumn) }
        return columns.map { $0.phrase.text(language) }
    }

    /// A row's cells as people read them: status by the language's word, `empty` for nothing.
    public func cells(_ row: Row, _ language: Language, empty: String = "-") -> [String] {
        var cells = [row.id, row.name.isEmpty ? empty : row.name, row.grade?.rawValue ?? empty,
                     row.status.map { $0.label(in: language) } ?? empty, row.owner ?? empty, row.next?.description ?? empty]
        if filter.hasReasons { cells.append(reason(row).text(language)) }
        return cells
    }

    /// How the text table fits the width: the name gives cells first (down to 14, seven Chinese
    /// characters: the id beside it names the customer), then the reason (down to 28), then
    /// both a little more; the id, grade, status, owner and date are never cut.
    public static let cuts = [TextTable.Cut(1, downTo: 14), TextTable.Cut(6, downTo: 28), TextTable.Cut(1, downTo: 10),
                              TextTable.Cut(6, downTo: 16)]

    /// The table fitted to `style`'s width, in its language, then the count; one line when
    /// nothing matches.
    public func text(style: ViewStyle) -> String {
        let language = style.language
        guard !rows.isEmpty else { return Wording<CustomerList>.nothing.phrase.text(language) + "\n" }
        let table = [headers(language)] + rows.map { cells($0, language).map { $0.replacingNewlines() } }
        return TextTable.render(table, width: style.width, cuts: Self.cuts)
            + "\n" + Wording<CustomerList>.count(rows.count).phrase.text(language) + "\n"
    }

    /// A Markdown table (never cut), then the count.
    public func markdown(language: Language) -> String {
        guard !rows.isEmpty else { return Wording<CustomerList>.markdownNothing.phrase.text(language) + "\n" }
        func line(_ cells: [String]) -> String {
            "| " + cells.map { SummaryMarkdown.escape($0.trimmingSpaces, inTable: true) }.joined(separator: " | ") + " |\n"
        }
        let headers = headers(language)
        var output = line(headers) + "|" + String(repeating: "---|", count: headers.count) + "\n"
        for row in rows { output += line(cells(row, language)) }
        return output + "\n" + Wording<CustomerList>.count(rows.count).phrase.text(language) + "\n"
    }

    /// CSV for a spreadsheet as `export` writes it: UTF-8 with a BOM, CRLF, every cell
    /// neutralized against formula injection; headers and values in `language`, an empty
    /// cell for nothing.
    public func csv(language: Language) -> String {
        var output = "\u{FEFF}" + CSVWriter.record(headers(language).map(CustomerTable.neutralized))
        for row in rows { output += CSVWriter.record(cells(row, language, empty: "").map(CustomerTable.neutralized)) }
        return output
    }

    /// JSON: keys and values (status, grade, kind of item, screening outcome) the same in
    /// both languages; the texts for people (an item's detail, screening reasons) in `language`.
    /// Each row carries id, name, grade, status, owner, next and the values the filters used.
    public func json(language: Language) -> JSON {
        .object([
            ("as_of", .string(asOf.description)),
            ("count", .int(rows.count)),
            ("customers", .array(rows.map { json($0, language) })),
        ])
    }

    func json(_ row: Row, _ language: Language) -> JSON {
        var fields: [(String, JSON)] = [
            ("id", .string(row.id)), ("name", row.name.isEmpty ? .null : .string(row.name)), ("grade", .optional(row.grade?.rawValue)),
            ("status", .optional(row.status?.rawValue)), ("owner", .optional(row.owner)), ("next", .optional(row.next?.description)),
        ]
        if !filter.teams.isEmpty { fields.append(("team", .optional(row.team))) }
        if !filter.intents.isEmpty { fields.append(("intent", .optional(row.intent?.rawValue))) }
        if !filter.sources.isEmpty { fields.append(("source", .optional(row.source))) }
        if !filter.regions.isEmpty { fields.append(("region", .optional(row.region))) }
        if !filter.industries.isEmpty { fields.append(("industry", .optional(row.industry))) }
        if !filter.tags.isEmpty { fields.append(("tags", .array(row.matchedTags.map(JSON.string)))) }
        if filter.createdFrom != nil || filter.createdTo != nil { fields.append(("created", .optional(row.created?.description))) }
        if filter.stalledDays != nil {
            fields.append(("last_contact", .optional(row.lastContact?.description)))
            fields.append(("days_without_contact", .optional(row.daysWithoutContact)))
        }
        if !filter.screening.isEmpty, let screening = row.screening {
            fields.append(("screening", .object([("outcome", .string(screening.outcome.rawValue)),
                                                 ("reasons", .array(screening.reasonPhrases.map { .string($0.text(language)) }))])))
        }
        if filter.usesAgenda {
            fields.append(("items", .array(row.items.map { item in
                .object([("kind", .string(item.kind.rawValue)), ("due", .string(Agenda.dueText(item))), ("overdue", .bool(item.overdue)),
                         ("detail", .string(item.detailPhrase.text(language)))])
            })))
        }
        return .object(fields)
    }

    /// A screening outcome by its English value or the word `explain` shows for it.
    public static func outcome(named text: String) -> ScreeningResult.Outcome? {
        let text = text.trimmingSpaces
        if let outcome = ScreeningResult.Outcome(rawValue: text) { return outcome }
        return ScreeningResult.Outcome.all.first { Wording<CustomerList>.outcomeWord($0).phrase.zh == text }
    }
}

extension ScreeningResult.Outcome {
    /// pass, fail, no-rule.
    public static let all: [Self] = [.pass, .fail, .noRule]
}

extension Wording where Of == CustomerList {
    public static let columns = [Self("id", "编号"), Self("name", "名称"), Self("grade", "等级"), Self("status", "状态"),
                                 Self("owner", "负责人"), Self("next", "下次跟进")]
    public static let reasonColumn = Self("reason", "列出原因")
    public static let nothing = Self("no customers match", "没有符合条件的客户")
    public static let markdownNothing = Self("No customers match.", "没有符合条件的客户。")
    public static func count(_ count: Int) -> Self {
        Self("\(count) customer\(count == 1 ? "" : "s")", "共 \(count) 位客户")
    }

    /// An agenda item, what and when first (what a narrow table keeps):
    /// `to-do (urgent+important), overdue 2024-03-05: 提供竞品分析报告`.
    public static func item(_ item: Agenda.Item) -> Self {
        let due = Agenda.dueText(item)
        let when = item.overdue ? Phrase(", overdue \(due)", "，\(due) 已逾期") : Phrase(", due \(due)", "，\(due) 到期")
        // An SLA's detail names its step (`first contact within 2 h`): the item is named by the limit.
        let what = item.kind == .sla ? slaLimit.phrase : Agenda.what(item)
        return Self(what + when + Wording<Agenda>.separator.phrase + item.detailPhrase)
    }
    public static let slaLimit = Self("first-contact limit", "首次联系时限")
    public static func more(_ count: Int) -> Self { Self(" (+\(count) more)", "（另有 \(count) 项）") }

    public static func noContact(_ days: Int, since last: LocalDate) -> Self {
        Self("no contact for \(days) day\(days == 1 ? "" : "s") (last \(last))", "\(days) 天未联系（上次 \(last)）")
    }
    public static func neverContacted(_ days: Int, created: LocalDate?) -> Self {
        let since = created.map(\.description) ?? "?"
        return Self("never contacted, \(days) day\(days == 1 ? "" : "s") since capture (\(since))",
                    "获取 \(days) 天仍未联系（\(since) 获取）")
    }

    public static func outcomeWord(_ outcome: ScreeningResult.Outcome) -> Self {
        switch outcome {
        case .pass: return Self("pass", "通过")
        case .fail: return Self("fail", "未通过")
        case .noRule: return Self("no-rule", "无筛选规则")
        }
    }

    /// `screening fail: employees 30 < 100: not met`: a failed screening names the criteria
    /// not met, a missing rule says so (`no screening rule for industry 零售`).
    public static func screening(_ result: ScreeningResult) -> Self {
        let head = Phrase("screening ", "筛选") + outcomeWord(result.outcome).phrase
        switch result.outcome {
        case .pass: return Self(head)
        case .noRule: return Self(Phrase.joined(result.reasonPhrases, en: ", ", zh: "，"))
        case .fail:
            let shown = result.unmetPhrases
            return Self(shown.isEmpty ? head : head + Phrase(": ", "：") + Phrase.joined(shown, en: ", ", zh: "，"))
        }
    }

    public static func team(_ team: String) -> Self { Self("team \(team)", "团队 \(team)") }
    public static func intent(_ intent: Intent) -> Self { Self("intent \(intent.rawValue)", "意向 \(intent.rawValue)") }
    public static func source(_ source: String) -> Self {
        Self("source \(source)", "来源 \(Configuration.sourceLabels[source] ?? source)")
    }
    public static func region(_ region: String) -> Self { Self("region \(region)", "区域 \(region)") }
    public static func industry(_ industry: String) -> Self { Self("industry \(industry)", "行业 \(industry)") }
    public static func tags(_ tags: [String]) -> Self {
        Self("tag\(tags.count == 1 ? "" : "s") \(tags.joined(separator: ", "))", "标签 \(tags.joined(separator: "、"))")
    }
    public static func created(_ day: LocalDate) -> Self { Self("created \(day)", "\(day) 获取") }
}
