import LeadbookText

/// What each rep has to do at a moment: SLA deadlines, follow-ups due by cadence or plan,
/// first stages over their limit, open to-dos in the toolkit's four quadrants, the feedback loop
/// and grades due for review.
public struct Agenda {
    public enum Kind: String, Sendable, CaseIterable {
        case sla, followUp = "follow-up", stage, todo, feedback, confirmation, regrade
        case scoreReview = "score-review"
        case rhythm, plan

        public var label: Phrase {
            switch self {
            case .sla: return Wording<Agenda>.slaLabel.phrase
            case .followUp: return Wording<Agenda>.followUpLabel.phrase
            case .stage: return Wording<Agenda>.stageLabel.phrase
            case .todo: return Wording<Agenda>.todoLabel.phrase
            case .feedback: return Wording<Agenda>.feedbackLabel.phrase
            case .confirmation: return Wording<Agenda>.confirmationLabel.phrase
            case .regrade: return Wording<Agenda>.regradeLabel.phrase
            case .scoreReview: return Wording<Agenda>.scoreReviewLabel.phrase
            case .rhythm: return Wording<Agenda>.rhythmLabel.phrase
            case .plan: return Wording<Agenda>.planLabel.phrase
            }
        }
    }

    /// What a `feedback` item asks for (`step` in JSON): a handling to decide (the entry has
    /// none yet), or the answer by the handling's deadline.
    public enum FeedbackStep: String, Sendable {
        case handling, answer
    }

    /// The toolkit's four quadrants of to-dos: urgent is due within a day or overdue, important
    /// is a grade S or A customer.
    public enum Quadrant: String, Sendable {
        case urgentImportant = "urgent-important"
        case important
        case urgent
        case neither

        public var label: Phrase {
            switch self {
            case .urgentImportant: return Wording<Agenda>.urgentImportant.phrase
            case .important: return Wording<Agenda>.importantOnly.phrase
            case .urgent: return Wording<Agenda>.urgentOnly.phrase
            case .neither: return Wording<Agenda>.neither.phrase
            }
        }
    }

    public struct Item: Sendable {
        public var owner: String?
        public var customerId: String
        public var customerName: String
        public var kind: Kind
        /// When it is due; a date-only due is the end of that day.
        public var due: LocalDateTime
        public var overdue: Bool
        /// What it is about, in both languages (a to-do's text as written).
        public var detailPhrase: Phrase
        public var quadrant: Quadrant
        public var grade: Grade?
        /// A to-do's `^requester`: who asked the owner for it.
        public var requester: String? = nil
        /// On the requester's own agenda: the owner they wait for.
        public var waitingFor: String? = nil
        /// A `feedback` item's step: a handling to decide, or an answer to give.
        public var step: FeedbackStep? = nil

        /// The detail in English.
        public var detail: String { detailPhrase.en }
    }

    public var asOf: LocalDateTime
    public var items: [Item]
    /// The overdue items of mentees (team members with a `mentor`), shown again at the end of
    /// their mentor's section (`menteeGroups`); most urgent first, as `items`.
    public var mentees: [Item] = []

    /// How far ahead an agenda may look (`agenda --days`): ten years, like the day counts of
    /// leadbook.yml (`Configuration.Limits.days`).
    public static let lookAheadDays = Configuration.Limits.days

    /// Everything due at or before the end of `asOf`'s day plus `days`.
    public init(_ customers: [Customer], configuration: Configuration, asOf: LocalDateTime, days: Int) {
        let scope = Scope(configuration: configuration, asOf: asOf, days: days)
        let items = customers.flatMap(scope.items)
        self.init(items: items, asOf: asOf, mentees: Self.menteeItems(items, team: configuration.team))
    }

    /// The overdue items among `items` of the mentees of `mentor` (the members whose `mentor`
    /// it is), or of every member with a mentor: what the mentors' sections show.
    public static func menteeItems(_ items: [Item], team: [TeamMember], of mentor: String? = nil) -> [Item] {
        let mentees = Set(team.compactMap { member in
            member.mentor.flatMap { mentor == nil || $0 == mentor ? member.name : nil }
        })
        guard !mentees.isEmpty else { return [] }
        return items.filter { item in item.overdue && item.owner.map(mentees.contains) == true }
    }

    /// The agenda of items already found (`Scope.items`, customer by customer in the order of
    /// the files), most urgent first.
    public init(items: [Item], asOf: LocalDateTime, mentees: [Item] = []) {
        self.asOf = asOf
        self.items = items
        self.items.sort(by: Self.moreUrgent)
        self.mentees = mentees.sorted(by: Self.moreUrgent)
    }

    static func moreUrgent(_ a: Item, _ b: Item) -> Bool {
        if a.overdue != b.overdue { return a.overdue }
        if a.due != b.due { return a.due < b.due }
        let ai = a.quadrant == .urgentImportant || a.quadrant == .important
        let bi = b.quadrant == .urgentImportant || b.quadrant == .important
        if ai != bi { return ai }
        if a.customerId != b.customerId { return a.customerId < b.customerId }
        return a.kind.rawValue < b.kind.rawValue
    }

    /// What an agenda looks at: the moment, how far ahead, and the time limits. The items of
    /// each customer depend on that customer alone, so they are found while its file is read
    /// (on every core) and the customer is not kept.
    public struct Scope {
        public let configuration: Configuration
        public let asOf: LocalDateTime
        /// The end of the last day the agenda covers.
        public let horizon: LocalDateTime
        let policy: TimePolicy

        public init(configuration: Configuration, asOf: LocalDateTime, days: Int) {
            self.configuration = configuration
            self.asOf = asOf
            horizon = TimePolicy.endOfDay(asOf.date.adding(days: days))
            policy = TimePolicy(configuration)
        }

        /// The items of one customer due by the horizon, in the order they are found, from what
        /// was known at `asOf` (`Customer.known(at:)`: later entries are left out).
        public func items(_ written: Customer) -> [Item] {
            guard let id = written.id, !written.isLater(than: asOf) else { return [] }
            let customer = written.known(at: asOf)
            let grade = DerivedValues.workingGrade(customer, configuration)
            let closed = !customer.isOpen
            var items: [Item] = []
            func add(_ kind: Kind, _ due: LocalDateTime, _ detail: Phrase, owner: String? = customer.owner) {
                if let item = item(customer, id: id, grade: grade, kind, due, detail, owner: owner) { items.append(item) }
            }
            // Feedback: the only thing closed customers still owe.
            items += feedbackItems(customer, id: id, grade: grade)
            if closed { return items }
            if let sla = policy.sla(customer), sla.assigned == nil || sla.firstContact == nil {
                let missing = sla.assigned == nil ? (sla.firstContact == nil ? Wording<Agenda>.assignAndContact : .assign) : .firstContact
                add(.sla, sla.deadline, Wording<Agenda>.sla(missing, sla.hours, customer.intent!, working: configuration.businessHours != nil).phrase)
            }
            if let cadence = policy.cadence(customer), let due = cadence.due, cadence.lastContact != nil || cadence.plannedNext != nil {
                var reasons: [Phrase] = []
                if let last = cadence.lastContact { reasons.append(Wording<Agenda>.lastContact(last, grade, every: cadence.days).phrase) }
                if let next = cadence.plannedNext, next == due { reasons.append(Wording<Agenda>.planned(next).phrase) }
                add(.followUp, TimePolicy.endOfDay(due), Phrase.joined(reasons, en: "; ", zh: "；"))
            }
            followThroughItems(customer, add)
            items += todoItems(customer, id: id, grade: grade)
            if let regrade = policy.regradeDue(customer) {
                add(.regrade, TimePolicy.endOfDay(regrade.due), Wording<Agenda>.regrade(grade, every: regrade.days, last: regrade.since).phrase)
            }
            scoreReviewItems(customer, add)
            return items
        }
    }

    /// Items grouped by owner: team order first (as in leadbook.yml), then others, unassigned last.
    public func byOwner(team: [TeamMember]) -> [(String?, [Item])] {
        ownerGroups(team: team).map { owner, positions in (owner, positions.map { items[$0] }) }
    }

    /// The same groups as positions in `items`, so no item is copied.
    public func ownerGroups(team: [TeamMember]) -> [(String?, [Int])] {
        var groups: [String?: [Int]] = [:]
        for (position, item) in items.enumerated() { groups[item.owner, default: []].append(position) }
        // A mentor whose mentees have overdue items has a section, if only for them.
        for mentor in menteeGroups(team: team).keys where groups[mentor] == nil { groups[mentor] = [] }
        var order: [String?] = team.map(\.name).filter { groups[$0] != nil }
        let others = groups.keys.compactMap { $0 }.filter { name in !team.contains { $0.name == name } }.sorted()
        order += others.map { Optional($0) }
        if groups[nil] != nil { order.append(nil) }
        return order.map { ($0, groups[$0] ?? []) }
    }

    /// The positions in `mentees` by the mentor of each item's owner (`team[].mentor`).
    public func menteeGroups(team: [TeamMember]) -> [String: [Int]] {
        guard !mentees.isEmpty else { return [:] }
        var groups: [String: [Int]] = [:]
        for (position, item) in mentees.enumerated() {
            guard let owner = item.owner, let mentor = team.first(where: { $0.name == owner })?.mentor else { continue }
            groups[mentor, default: []].append(position)
        }
        return groups
    }

    /// The mentees of `mentor`: the members of the team whose `mentor` it is, in team order.
    public static func mentees(of mentor: String, team: [TeamMember]) -> [String] {
        team.filter { $0.mentor == mentor }.map(\.name)
    }

    public static func dueText(_ item: Item) -> String { dueText(item.due) }

    /// A deadline at the end of its day is its date alone; else the date and time.
    public static func dueText(_ due: LocalDateTime) -> String {
        due.minutes == 1439 ? due.date.description : due.description
    }

    /// What is due; a to-do with its quadrant.
    public static func what(_ item: Item) -> Phrase {
        if item.kind == .todo { return Wording<Agenda>.todo(in: item.quadrant.label).phrase }
        if item.kind == .feedback, item.step == .handling { return Wording<Agenda>.decideHandlingLabel.phrase }
        return item.kind.label
    }

    /// Collects the pieces of a rendering into one string.
    static func whole(_ render: ((String) -> Void) -> Void) -> String {
        var output = ""
        render { output += $0 }
        return output
    }

    /// The text agenda in English, 100 cells wide, without colour (the English view, for tests).
    public func text(team: [TeamMember]) -> String { text(team: team, style: ViewStyle(language: .en)) }

    public func text(team: [TeamMember], style: ViewStyle) -> String { Self.whole { text(team: team, style: style, to: $0) } }

    /// How the text agenda fits the width: the customer's name gives cells first (down to 20,
    /// ten Chinese characters: most company names whole), then what is due (down to 24), then
    /// both a little more; the status word, the due time and the id are never cut.
    public static let cuts = [TextTable.Cut(3, downTo: 20), TextTable.Cut(4, downTo: 24), TextTable.Cut(3, downTo: 10),
                              TextTable.Cut(4, downTo: 16)]

    /// What is due and its detail in one column of the text agenda: `follow-up: last contact
    /// …`; an SLA's detail names the step itself (`first contact within 2 h (intent A)`).
    public static func line(_ item: Item) -> Phrase {
        item.kind == .sla ? item.detailPhrase : what(item) + Wording<Agenda>.separator.phrase + item.detailPhrase
    }

    /// The text agenda in `style` (language, width, colour) handed to `put` a rep at a time,
    /// never held whole. Each rep's items are a table fitted to the width; OVERDUE is in colour.
    public func text(team: [TeamMember], style: ViewStyle, to put: (String) -> Void) {
        let language = style.language
        if items.isEmpty && mentees.isEmpty { return put(Wording<Agenda>.nothingDue(asOf).phrase.text(language) + "\n") }
        put(Wording<Agenda>.heading(asOf).phrase.text(language) + "\n")
        let menteeGroups = menteeGroups(team: team)
        func table(_ list: [Item], _ positions: [Int], indent: String, mentee: Bool) -> String {
            let rows = positions.map { position -> [String] in
                let item = list[position]
                let line = mentee ? Wording<Agenda>.menteeMark(item.owner ?? "").phrase + Self.line(item) : Self.line(item)
                return [(item.overdue ? Wording<Agenda>.overdue : .due).phrase.text(language), Self.dueText(item), item.customerId,
                        item.customerName.replacingNewlines(), line.text(language).replacingNewlines()]
            }
            return TextTable.render(rows, indent: indent, width: style.width, cuts: Self.cuts) { row, column in
                column == 0 && style.color && list[positions[row]].overdue ? ViewStyle.lateColor : nil
            }
        }
        for (owner, positions) in ownerGroups(team: team) {
            let role = owner.flatMap { name in team.first { $0.name == name }?.role }
            var output = "\n" + Wording<Agenda>.owner(owner, role: role, items: positions.count).phrase.text(language) + "\n"
            output += table(items, positions, indent: "  ", mentee: false)
            if let owner, let mine = menteeGroups[owner] {
                output += "  " + Wording<Agenda>.menteesHeading(owner, items: mine.count).phrase.text(language) + "\n"
                output += table(mentees, mine, indent: "    ", mentee: true)
            }
            put(output)
        }
    }

    /// The JSON agenda: keys and values (kind, quadrant, grade) the same in both languages; the
    /// detail, a text for people, in `language`.
    public func json(team: [TeamMember], language: Language = .en) -> JSON {
        let menteeGroups = menteeGroups(team: team)
        return .object([
            ("as_of", .string(asOf.description)),
            ("owners", .array(ownerGroups(team: team).map { owner, positions in
                ownerJSON(owner, positions, language, mentees: owner.flatMap { menteeGroups[$0] })
            })),
        ])
    }

    func ownerJSON(_ owner: String?, _ positions: [Int], _ language: Language, mentees mine: [Int]? = nil) -> JSON {
        var fields: [(String, JSON)] = [
            ("owner", .optional(owner)),
            ("items", .array(positions.map { Self.itemJSON(items[$0], language) })),
        ]
        // A mentor's mentees' overdue items, each with the mentee who owns it.
        if let mine, !mine.isEmpty {
            fields.append(("mentees", .array(mine.map { Self.itemJSON(mentees[$0], language, mentee: true) })))
        }
        return .object(fields)
    }

    static func itemJSON(_ item: Item, _ language: Language, mentee: Bool = false) -> JSON {
        var fields: [(String, JSON)] = (mentee ? [("mentee", JSON.optional(item.owner))] : []) + [
            ("customer", .string(item.customerId)), ("name", .string(item.customerName)),
            ("kind", .string(item.kind.rawValue)), ("due", .string(Self.dueText(item))),
            ("overdue", .bool(item.overdue)), ("quadrant", .string(item.quadrant.rawValue)),
            ("grade", .optional(item.grade?.rawValue)), ("detail", .string(item.detailPhrase.text(language))),
        ]
        // A to-do someone asked for: who asked, and on their agenda whom they wait for.
        if let requester = item.requester { fields.append(("requester", .string(requester))) }
        if let waitingFor = item.waitingFor { fields.append(("waiting_for", .string(waitingFor))) }
        if let step = item.step { fields.append(("step", .string(step.rawValue))) }
        return .object(fields)
    }

    /// `json(team:).rendered()` and a line end handed to `put` a rep at a time: the same bytes.
    public func json(team: [TeamMember], language: Language, to put: (String) -> Void) {
        let groups = ownerGroups(team: team)
        let menteeGroups = menteeGroups(team: team)
        var head = "{\n  "
        JSON.escape("as_of", into: &head)
        head += ": "
        JSON.escape(asOf.description, into: &head)
        head += ",\n  "
        JSON.escape("owners", into: &head)
        head += ": "
        if groups.isEmpty { return put(head + "[]\n}\n") }
        put(head + "[")
        for (index, (owner, positions)) in groups.enumerated() {
            var piece = index == 0 ? "\n    " : ",\n    "
            ownerJSON(owner, positions, language, mentees: owner.flatMap { menteeGroups[$0] }).write(to: &piece, indent: 2, level: 2)
            put(piece)
        }
        put("\n  ]\n}\n")
    }

    /// The Markdown agenda in English (the English view, for tests).
    public func markdown(team: [TeamMember]) -> String { markdown(team: team, language: .en) }

    public func markdown(team: [TeamMember], language: Language) -> String { Self.whole { markdown(team: team, language: language, to: $0) } }

    /// The Markdown agenda in `language` handed to `put` a rep at a time (a file or a chat
    /// message: never cut to a width).
    public func markdown(team: [TeamMember], language: Language, to put: (String) -> Void) {
        let heading = "# " + Wording<Agenda>.markdownHeading(asOf).phrase.text(language) + "\n"
        if items.isEmpty && mentees.isEmpty { return put(heading + "\n" + Wording<Agenda>.markdownNothingDue.phrase.text(language) + "\n") }
        put(heading)
        func cell(_ text: String) -> String { SummaryMarkdown.escape(text.trimmingSpaces, inTable: true) }
        let header = "|  | " + Wording<Agenda>.columns.map { $0.phrase.text(language) }.joined(separator: " | ") + " |\n|---|---|---|---|---|\n"
        func rows(_ list: [Item], _ positions: [Int], mentee: Bool) -> String {
            var output = ""
            for position in positions {
                let item = list[position]
                let what = mentee ? Wording<Agenda>.menteeMark(item.owner ?? "").phrase + Self.what(item) : Self.what(item)
                let cells = [Self.dueText(item), "\(item.customerId) \(item.customerName)", what.text(language),
                             item.detailPhrase.text(language)].map(cell)
                let status = item.overdue ? "**\(Wording<Agenda>.markdownOverdue.phrase.text(language))**" : Wording<Agenda>.due.phrase.text(language)
                output += "| " + ([status] + cells).joined(separator: " | ") + " |\n"
            }
            return output
        }
        let menteeGroups = menteeGroups(team: team)
        for (owner, positions) in ownerGroups(team: team) {
            var output = "\n## \(cell(owner ?? Wording<Agenda>.unassigned.phrase.text(language)))\n\n"
            if !positions.isEmpty { output += header + rows(items, positions, mentee: false) }
            if let owner, let mine = menteeGroups[owner] {
                output += (positions.isEmpty ? "" : "\n") + "### " + cell(Wording<Agenda>.menteesHeading(owner, items: mine.count).phrase.text(language)) + "\n\n"
                output += header + rows(mentees, mine, mentee: true)
            }
            put(output)
        }
    }
}

extension Wording where Of == Agenda {
    // What is due, by kind.
    public static let slaLabel = Self("first contact", "首次联系")
    public static let followUpLabel = Self("follow-up", "跟进")
    public static let stageLabel = Self("stage limit", "阶段时限")
    public static let todoLabel = Self("to-do", "待办")
    public static let feedbackLabel = Self("answer feedback", "答复反馈")
    /// A `feedback` item whose entry has no handling yet.
    public static let decideHandlingLabel = Self("decide handling", "定处理方式")
    public static let confirmationLabel = Self("confirm with customer", "回访确认")
    public static let regradeLabel = Self("review grade", "复评等级")

    // The toolkit's four quadrants.
    public static let urgentImportant = Self("urgent+important", "重要紧急")
    /// Between what is due and its detail.
    public static let separator = Self(": ", "：")
    public static let importantOnly = Self("important", "重要不紧急")
    public static let urgentOnly = Self("urgent", "紧急不重要")
    public static let neither = Self("neither", "不紧急不重要")

    public static func todo(in quadrant: Phrase) -> Self {
        Self(Phrase("to-do (", "待办（") + quadrant + Phrase(")", "）"))
    }

    // Details.
    /// `date`: when the feedback came, with its time when written.
    public static func answerWithin(_ summary: String, _ hours: Int, of date: LocalDateTime, with owner: String?, working: Bool = false) -> Self {
        let within = TimePolicy.hours(hours, working: working)
        return Self("\(summary): answer within \(within.en) of \(date)" + (owner.map { ", with \($0)" } ?? ""),
                    "\(summary)（\(date) 起 \(within.zh)内" + (owner.map { "，协同 \($0)" } ?? "") + "）")
    }

    public static func confirmWithin(_ summary: String, _ resolved: LocalDate, _ days: Int) -> Self {
        Self("\(summary): resolved \(resolved), confirm within \(days) days", "\(summary)（\(resolved) 已解决，\(days) 天内）")
    }

    /// What an SLA still misses.
    public static let assign = Self("assign", "分配")
    public static let firstContact = Self("first contact", "首次联系")
    public static let assignAndContact = Self("assign and first contact", "分配并首次联系")

    /// The deadline itself is the item's due time.
    public static func sla(_ missing: Self, _ hours: Int, _ intent: Intent, working: Bool = false) -> Self {
        let within = TimePolicy.hours(hours, working: working)
        return Self("\(missing.phrase.en) within \(within.en) (intent \(intent.rawValue))",
                    "意向 \(intent.rawValue)：\(within.zh)内\(missing.phrase.zh)")
    }

    public static func lastContact(_ last: LocalDate, _ grade: Grade?, every days: Int) -> Self {
        Self("last contact \(last), \(grade?.rawValue ?? "?") every \(days) day\(days == 1 ? "" : "s")",
             "上次联系 \(last)，\(grade?.rawValue ?? "?") 级每 \(days) 天一次")
    }

    public static func planned(_ next: LocalDate) -> Self { Self("planned \(next)", "计划 \(next)") }

    public static func regrade(_ grade: Grade?, every days: Int, last: LocalDate) -> Self {
        Self("\(grade?.rawValue ?? "?") every \(days) days, last \(last)", "\(grade?.rawValue ?? "?") 级每 \(days) 天一次，上次 \(last)")
    }

    // The text and Markdown agendas.
    public static func nothingDue(_ asOf: LocalDateTime) -> Self { Self("nothing due at \(asOf)", "截至 \(asOf) 没有到期的事项") }
    public static func heading(_ asOf: LocalDateTime) -> Self { Self("agenda at \(asOf)", "待办日程（截至 \(asOf)）") }
    public static let unassigned = Self("(unassigned)", "（未分配）")

    public static func owner(_ owner: String?, role: TeamRole?, items: Int) -> Self {
        let en = "\(owner ?? unassigned.phrase.en)\(role.map { " (\($0.rawValue))" } ?? "") - \(items) item\(items == 1 ? "" : "s")"
        let zh = (owner ?? unassigned.phrase.zh) + (role.map { "（\($0.label)）" } ?? "") + "：\(items) 项"
        return Self(en, zh)
    }

    /// The heading of a mentor's mentees' overdue items (`agenda`, `agenda --owner MENTOR`).
    public static func menteesHeading(_ mentor: String, items: Int) -> Self {
        Self("overdue items of \(mentor)'s mentees - \(items) item\(items == 1 ? "" : "s")", "\(mentor)带教的新人已逾期的事项：\(items) 项")
    }

    /// The mentee who owns an item, before what is due.
    public static func menteeMark(_ mentee: String) -> Self { Self("(\(mentee)) ", "（\(mentee)）") }

    public static let overdue = Self("OVERDUE", "已逾期")
    public static let due = Self("due", "到期")
    public static func markdownHeading(_ asOf: LocalDateTime) -> Self { Self("Agenda at \(asOf)", "待办日程（截至 \(asOf)）") }
    public static let markdownNothingDue = Self("Nothing due.", "没有到期的事项。")
    public static let markdownOverdue = Self("overdue", "已逾期")
    public static let columns = [due, Self("customer", "客户"), Self("what", "事项"), Self("detail", "说明")]
}
