import LeadbookText

/// What each rep has to do at a moment: SLA deadlines, follow-ups due by cadence or plan,
/// first stages over their limit, open to-dos in the toolkit's four quadrants, the feedback loop
/// and grades due for review.
public struct Agenda {
    public enum Kind: String, Sendable, CaseIterable {
        case sla, followUp = "follow-up", stage, todo, feedbackFix = "feedback-fix", feedbackConfirm = "feedback-confirm", regrade

        public var label: String {
            switch self {
            case .sla: return Wording<Agenda>.slaLabel.text
            case .followUp: return Wording<Agenda>.followUpLabel.text
            case .stage: return Wording<Agenda>.stageLabel.text
            case .todo: return Wording<Agenda>.todoLabel.text
            case .feedbackFix: return Wording<Agenda>.feedbackFixLabel.text
            case .feedbackConfirm: return Wording<Agenda>.feedbackConfirmLabel.text
            case .regrade: return Wording<Agenda>.regradeLabel.text
            }
        }
    }

    /// The toolkit's four quadrants of to-dos: urgent is due within a day or overdue, important
    /// is a grade S or A customer.
    public enum Quadrant: String, Sendable {
        case urgentImportant = "urgent-important"
        case important
        case urgent
        case neither

        public var label: String { self == .urgentImportant ? Wording<Agenda>.urgentImportant.text : rawValue }
    }

    public struct Item: Sendable {
        public var owner: String?
        public var customerId: String
        public var customerName: String
        public var kind: Kind
        /// When it is due; a date-only due is the end of that day.
        public var due: LocalDateTime
        public var overdue: Bool
        public var detail: String
        public var quadrant: Quadrant
        public var grade: Grade?
    }

    public var asOf: LocalDateTime
    public var items: [Item]

    /// How far ahead an agenda may look (`agenda --days`): ten years, like the day counts of
    /// leadbook.yml (`Configuration.Limits.days`).
    public static let lookAheadDays = Configuration.Limits.days

    /// Everything due at or before the end of `asOf`'s day plus `days`.
    public init(_ customers: [Customer], configuration: Configuration, asOf: LocalDateTime, days: Int) {
        let scope = Scope(configuration: configuration, asOf: asOf, days: days)
        self.init(items: customers.flatMap(scope.items), asOf: asOf)
    }

    /// The agenda of items already found (`Scope.items`, customer by customer in the order of
    /// the files), most urgent first.
    public init(items: [Item], asOf: LocalDateTime) {
        self.asOf = asOf
        self.items = items
        self.items.sort { a, b in
            if a.overdue != b.overdue { return a.overdue }
            if a.due != b.due { return a.due < b.due }
            let ai = a.quadrant == .urgentImportant || a.quadrant == .important
            let bi = b.quadrant == .urgentImportant || b.quadrant == .important
            if ai != bi { return ai }
            if a.customerId != b.customerId { return a.customerId < b.customerId }
            return a.kind.rawValue < b.kind.rawValue
        }
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

        /// The items of one customer due by the horizon, in the order they are found.
        public func items(_ customer: Customer) -> [Item] {
            guard let id = customer.id else { return [] }
            let grade = DerivedValues.workingGrade(customer, configuration)
            let important = grade == .S || grade == .A
            let closed = !customer.isOpen
            var items: [Item] = []
            func add(_ kind: Kind, _ due: LocalDateTime, _ detail: String, owner: String? = customer.owner) {
                guard due <= horizon else { return }
                let overdue = due < asOf
                let urgent = overdue || due.minuteNumber - asOf.minuteNumber <= 1440
                let quadrant: Quadrant = urgent ? (important ? .urgentImportant : .urgent) : (important ? .important : .neither)
                items.append(Item(owner: owner, customerId: id, customerName: customer.name ?? "", kind: kind, due: due,
                                  overdue: overdue, detail: detail, quadrant: quadrant, grade: grade))
            }
            // Feedback: the only thing closed customers still owe.
            for entry in customer.feedback {
                if entry.resolved == nil, let deadline = policy.fixDeadline(entry) {
                    add(.feedbackFix, deadline, Wording<Agenda>.answerWithin(entry.summary, configuration.feedbackFixHours, of: entry.date!,
                                                                             with: entry.owner).text)
                }
                if entry.confirmed == nil, let resolved = entry.resolved, let deadline = policy.confirmDeadline(entry) {
                    add(.feedbackConfirm, TimePolicy.endOfDay(deadline), Wording<Agenda>.confirmWithin(entry.summary, resolved, configuration.feedbackConfirmDays).text)
                }
            }
            if closed { return items }
            if let sla = policy.sla(customer), sla.assigned == nil || sla.firstContact == nil {
                let missing = sla.assigned == nil ? (sla.firstContact == nil ? Wording<Agenda>.assignAndContact : .assign) : .firstContact
                add(.sla, sla.deadline, Wording<Agenda>.sla(missing, sla.hours, of: customer.created!, customer.intent!).text)
            }
            if let cadence = policy.cadence(customer), let due = cadence.due, cadence.lastContact != nil || cadence.plannedNext != nil {
                var reasons: [String] = []
                if let last = cadence.lastContact { reasons.append(Wording<Agenda>.lastContact(last, grade, every: cadence.days).text) }
                if let next = cadence.plannedNext, next == due { reasons.append(Wording<Agenda>.planned(next).text) }
                add(.followUp, TimePolicy.endOfDay(due), reasons.joined(separator: "; "))
            }
            if let stage = policy.firstStage(customer), stage.left == nil, policy.stage(customer) == .initialContact {
                add(.stage, TimePolicy.endOfDay(stage.deadline), Wording<Agenda>.initialContact(since: stage.start, stage.limitDays, grade).text)
            }
            for entry in customer.followUps {
                for todo in entry.todos where !todo.done {
                    guard let date = todo.date else { continue }
                    let owner = todo.owner.flatMap { configuration.member(named: $0) != nil ? $0 : nil } ?? customer.owner
                    add(.todo, TimePolicy.endOfDay(date), todo.text, owner: owner)
                }
            }
            if let regrade = policy.regradeDue(customer) {
                add(.regrade, TimePolicy.endOfDay(regrade.due), Wording<Agenda>.regrade(grade, every: regrade.days, last: regrade.since).text)
            }
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
        var order: [String?] = team.map(\.name).filter { groups[$0] != nil }
        let others = groups.keys.compactMap { $0 }.filter { name in !team.contains { $0.name == name } }.sorted()
        order += others.map { Optional($0) }
        if groups[nil] != nil { order.append(nil) }
        return order.map { ($0, groups[$0] ?? []) }
    }

    public static func dueText(_ item: Item) -> String {
        item.due.minutes == 1439 ? item.due.date.description : item.due.description
    }

    /// What is due; a to-do with its quadrant.
    public static func what(_ item: Item) -> String {
        item.kind == .todo ? "\(item.kind.label) (\(item.quadrant.label))" : item.kind.label
    }

    /// Collects the pieces of a rendering into one string.
    static func whole(_ render: ((String) -> Void) -> Void) -> String {
        var output = ""
        render { output += $0 }
        return output
    }

    public func text(team: [TeamMember]) -> String { Self.whole { text(team: team, to: $0) } }

    /// The text agenda handed to `put` a rep at a time, never held whole.
    public func text(team: [TeamMember], to put: (String) -> Void) {
        if items.isEmpty { return put(Wording<Agenda>.nothingDue(asOf).text + "\n") }
        put(Wording<Agenda>.heading(asOf).text + "\n")
        for (owner, positions) in ownerGroups(team: team) {
            let role = owner.flatMap { name in team.first { $0.name == name }?.role?.rawValue }
            var output = "\n" + Wording<Agenda>.owner(owner, role: role, items: positions.count).text + "\n"
            let rows = positions.map { position -> [String] in
                let item = items[position]
                return [(item.overdue ? Wording<Agenda>.overdue : .due).text, Self.dueText(item), item.customerId, item.customerName,
                        Self.what(item), item.detail]
            }
            output += TextTable.render(rows, indent: "  ")
            put(output)
        }
    }

    public func json(team: [TeamMember]) -> JSON {
        .object([
            ("as_of", .string(asOf.description)),
            ("owners", .array(ownerGroups(team: team).map { owner, positions in ownerJSON(owner, positions) })),
        ])
    }

    func ownerJSON(_ owner: String?, _ positions: [Int]) -> JSON {
        .object([
            ("owner", .optional(owner)),
            ("items", .array(positions.map { position in
                let item = items[position]
                return .object([
                    ("customer", .string(item.customerId)), ("name", .string(item.customerName)),
                    ("kind", .string(item.kind.rawValue)), ("due", .string(Self.dueText(item))),
                    ("overdue", .bool(item.overdue)), ("quadrant", .string(item.quadrant.rawValue)),
                    ("grade", .optional(item.grade?.rawValue)), ("detail", .string(item.detail)),
                ])
            })),
        ])
    }

    /// `json(team:).rendered()` and a line end handed to `put` a rep at a time: the same bytes.
    public func json(team: [TeamMember], to put: (String) -> Void) {
        let groups = ownerGroups(team: team)
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
            ownerJSON(owner, positions).write(to: &piece, indent: 2, level: 2)
            put(piece)
        }
        put("\n  ]\n}\n")
    }

    public func markdown(team: [TeamMember]) -> String { Self.whole { markdown(team: team, to: $0) } }

    /// The Markdown agenda handed to `put` a rep at a time.
    public func markdown(team: [TeamMember], to put: (String) -> Void) {
        let heading = "# " + Wording<Agenda>.markdownHeading(asOf).text + "\n"
        if items.isEmpty { return put(heading + "\n" + Wording<Agenda>.markdownNothingDue.text + "\n") }
        put(heading)
        func cell(_ text: String) -> String { SummaryMarkdown.escape(text.trimmingSpaces, inTable: true) }
        for (owner, positions) in ownerGroups(team: team) {
            var output = "\n## \(cell(owner ?? Wording<Agenda>.unassigned.text))\n\n"
            output += "|  | " + Wording<Agenda>.columns.map(\.text).joined(separator: " | ") + " |\n|---|---|---|---|---|\n"
            for position in positions {
                let item = items[position]
                let cells = [Self.dueText(item), "\(item.customerId) \(item.customerName)", Self.what(item), item.detail].map(cell)
                output += "| " + ([item.overdue ? "**\(Wording<Agenda>.markdownOverdue.text)**" : Wording<Agenda>.due.text] + cells).joined(separator: " | ") + " |\n"
            }
            put(output)
        }
    }
}

extension Wording where Of == Agenda {
    // What is due, by kind.
    public static let slaLabel = Self("first contact")
    public static let followUpLabel = Self("follow-up")
    public static let stageLabel = Self("stage limit")
    public static let todoLabel = Self("to-do")
    public static let feedbackFixLabel = Self("answer feedback")
    public static let feedbackConfirmLabel = Self("confirm with customer")
    public static let regradeLabel = Self("review grade")
    public static let urgentImportant = Self("urgent+important")

    // Details.
    public static func answerWithin(_ summary: String, _ hours: Int, of date: LocalDate, with owner: String?) -> Self {
        Self("\(summary): answer within \(hours) h of \(date)" + (owner.map { ", with \($0)" } ?? ""))
    }

    public static func confirmWithin(_ summary: String, _ resolved: LocalDate, _ days: Int) -> Self {
        Self("\(summary): resolved \(resolved), confirm within \(days) days")
    }

    /// What an SLA still misses.
    public static let assign = Self("assign")
    public static let firstContact = Self("first contact")
    public static let assignAndContact = Self("assign and first contact")

    public static func sla(_ missing: Self, _ hours: Int, of created: LocalDateTime, _ intent: Intent) -> Self {
        Self("\(missing.text) within \(hours) h of \(created) (intent \(intent.rawValue))")
    }

    public static func lastContact(_ last: LocalDate, _ grade: Grade?, every days: Int) -> Self {
        Self("last contact \(last), \(grade?.rawValue ?? "?") every \(days) day\(days == 1 ? "" : "s")")
    }

    public static func planned(_ next: LocalDate) -> Self { Self("planned \(next)") }

    public static func initialContact(since start: LocalDate, _ days: Int, _ grade: Grade?) -> Self {
        Self("initial contact since \(start), at most \(days) days for \(grade?.rawValue ?? "?")")
    }

    public static func regrade(_ grade: Grade?, every days: Int, last: LocalDate) -> Self {
        Self("grade \(grade?.rawValue ?? "?") reviewed every \(days) days, last \(last)")
    }

    // The text and Markdown agendas.
    public static func nothingDue(_ asOf: LocalDateTime) -> Self { Self("nothing due at \(asOf)") }
    public static func heading(_ asOf: LocalDateTime) -> Self { Self("agenda at \(asOf)") }
    public static let unassigned = Self("(unassigned)")

    public static func owner(_ owner: String?, role: String?, items: Int) -> Self {
        Self("\(owner ?? unassigned.text)\(role.map { " (\($0))" } ?? "") - \(items) item\(items == 1 ? "" : "s")")
    }

    public static let overdue = Self("OVERDUE")
    public static let due = Self("due")
    public static func markdownHeading(_ asOf: LocalDateTime) -> Self { Self("Agenda at \(asOf)") }
    public static let markdownNothingDue = Self("Nothing due.")
    public static let markdownOverdue = Self("overdue")
    public static let columns = [due, Self("customer"), Self("what"), Self("detail")]
}

/// Columns aligned in terminal cells (Chinese characters count two).
public enum TextTable {
    public static func render(_ rows: [[String]], indent: String = "") -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        var output = ""
        for row in rows {
            var line = indent
            for (index, cell) in row.enumerated() {
                line += index < columns - 1 ? cell.padded(to: widths[index]) + "  " : cell
            }
            output += line.trimmingTrailingSpaces() + "\n"
        }
        return output
    }
}

extension String {
    public func trimmingTrailingSpaces() -> String {
        var scalars = Array(unicodeScalars)
        while let last = scalars.last, last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
