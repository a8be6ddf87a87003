import LeadbookText

/// The toolkit's weekly report (周报) for one ISO week, per rep and per team: new leads, status
/// changes, deals won and lost, the conversion risks and the help needed that reps wrote in
/// their entries (`risk` / `风险`, `help` / `需要支持`), what was still overdue when the week
/// ended and next week's plan (the agenda's items).
///
/// Each customer is reduced to a `Record` while its file is read (`record(_:)`), so the
/// workspace's parsed files are never held together. Private data is masked as in the summary:
/// a private person is named by id only, and free texts go through `PrivateText` with the
/// contacts' names, phones, emails and WeChat ids.
public struct WeeklyReport: Sendable {
    /// What the report tells of one customer in the week.
    public struct Record: Sendable {
        public var id: String
        /// "" for a private person (`kind: person`), shown by id only.
        public var name: String
        public var owner: String?
        public var source: String?
        public var grade: Grade?
        public var created: LocalDateTime
        /// The status when the week began (nil: captured during the week).
        public var before: Status?
        /// The status when the week ended (or at the as-of moment, for a week not over).
        public var after: Status
        /// The day of the week's last log entry that set the status.
        public var changedOn: LocalDate?
        /// The day a won or lost customer closed, `deal.amount` in fen, the masked lost reason.
        public var closed: LocalDate?
        public var dealCents: Int?
        public var lostReason: String?
        /// The `risk` and `help` lines of the week's entries, masked.
        public var notes: [Note] = []
        /// The agenda's items at the week's end (or the as-of moment): still open and due by the
        /// end of next week.
        public var items: [Agenda.Item] = []

        public var isNew: Bool { before == nil }
    }

    /// A `risk` or `help` line of a follow-up entry.
    public struct Note: Sendable, Equatable {
        public enum Kind: String, Sendable { case risk, help }
        public var kind: Kind
        public var date: LocalDate
        public var text: String
    }

    /// Where the status changes come from: the customers' logs, or git history (the files at
    /// the last commit before the week began, against the week's end).
    public enum Changes: Sendable, Equatable {
        case log
        /// `after` nil: the files as they are now (no commit after the week's end).
        case git(before: String, after: String?)
    }

    /// One rep's part of the report (`owner` nil: customers without an owner).
    public struct Section: Sendable {
        public var owner: String?
        public var team: String?
        public var newLeads: [Record] = []
        public var changes: [Record] = []
        public var won: [Record] = []
        public var lost: [Record] = []
        public var risks: [(record: Record, note: Note)] = []
        public var help: [(record: Record, note: Note)] = []
        public var overdue: [Agenda.Item] = []
        /// For a week under way: the items due after the moment it is seen at and by Sunday 23:59.
        public var dueThisWeek: [Agenda.Item] = []
        public var planned: [Agenda.Item] = []

        public var tally: Tally {
            Tally(newLeads: newLeads.count, changes: changes.count, won: won.count, wonCents: won.reduce(0) { $0 + ($1.dealCents ?? 0) },
                  lost: lost.count, risks: risks.count, help: help.count, overdue: overdue.count, dueThisWeek: dueThisWeek.count,
                  planned: planned.count)
        }
    }

    /// The counts of a rep, a team or everyone.
    public struct Tally: Sendable, Equatable {
        public var newLeads = 0, changes = 0, won = 0, wonCents = 0, lost = 0, risks = 0, help = 0, overdue = 0, dueThisWeek = 0, planned = 0

        public static func + (lhs: Tally, rhs: Tally) -> Tally {
            Tally(newLeads: lhs.newLeads + rhs.newLeads, changes: lhs.changes + rhs.changes, won: lhs.won + rhs.won,
                  wonCents: lhs.wonCents + rhs.wonCents, lost: lhs.lost + rhs.lost, risks: lhs.risks + rhs.risks,
                  help: lhs.help + rhs.help, overdue: lhs.overdue + rhs.overdue, dueThisWeek: lhs.dueThisWeek + rhs.dueThisWeek,
                  planned: lhs.planned + rhs.planned)
        }
    }

    /// Whose part is shown: everyone, one rep, or one team (a `group` of leadbook.yml's team).
    public enum Filter: Sendable, Equatable {
        case everyone
        case owner(String)
        case team(String)
    }

    public var week: ReportWeek
    /// The moment the week is seen from: its last minute, or the as-of moment for a week not over.
    public var moment: LocalDateTime
    public var timezone: UTCOffset
    public var changes: Changes
    public var filter: Filter
    /// Each rep's part, team order first (as in leadbook.yml), then other owners, unassigned last.
    public var sections: [Section]
    /// The teams of the sections shown, in leadbook.yml's order, with their members' tallies summed.
    public var teams: [(team: String, tally: Tally)]
    public var total: Tally

    /// Whether the week was still under way at the moment it is seen at.
    public var isUnderWay: Bool { moment < week.end }

    /// The moment a week is seen from at `asOf`.
    public static func moment(_ week: ReportWeek, asOf: LocalDateTime) -> LocalDateTime { min(week.end, asOf) }

    // MARK: - One customer

    /// What one customer gives the report of `week` seen at `moment`; nil for a tombstone, a file
    /// without an id or `created`, and a customer captured after `moment`.
    public static func record(_ customer: Customer, configuration: Configuration, week: ReportWeek, moment: LocalDateTime) -> Record? {
        guard let id = customer.id, !id.isEmpty else { return nil }
        guard case .record(let now) = SummaryRecord.extract(customer, configuration: configuration, asOf: moment) else { return nil }
        var record = Record(id: id, name: now.name, owner: now.owner, source: now.source, grade: now.grade, created: now.created,
                            before: nil, after: now.status)
        if case .record(let then) = SummaryRecord.extract(customer, configuration: configuration, asOf: week.start.adding(minutes: -1)) {
            record.before = then.status
        }
        let masker = PrivateText.Masker(contacts: customer.contacts, names: true)
        for entry in customer.followUps {
            guard let date = entry.date, let at = entry.moment, at >= week.start, at <= moment else { continue }
            if entry.status != nil { record.changedOn = date }
            for (key, value) in entry.facts {
                let kind: Note.Kind
                switch key {
                case .risk: kind = .risk
                case .help: kind = .help
                default: continue
                }
                record.notes.append(Note(kind: kind, date: date, text: masker.masked(value.trimmingSpaces)))
            }
        }
        if now.status.isClosed {
            record.closed = now.closed
            record.dealCents = now.dealCents
            record.lostReason = now.lostReason
        }

        // The agenda as it stood at the week's end: the log up to then, the status then.
        let seen = seen(customer, at: moment, status: now.status)
        let scope = Agenda.Scope(configuration: configuration, asOf: moment, days: week.next.sunday.dayNumber - moment.date.dayNumber)
        let nextWeekEnd = week.next.end
        for var item in scope.items(seen) where item.due <= nextWeekEnd {
            item.customerName = record.name
            item.detailPhrase = Phrase(masker.masked(item.detailPhrase.en), masker.masked(item.detailPhrase.zh))
            record.items.append(item)
        }
        return record
    }

    /// `customer` as it stood at `moment`: the entries written by then, feedback resolved and
    /// confirmed by then, and the status it had.
    static func seen(_ customer: Customer, at moment: LocalDateTime, status: Status) -> Customer {
        var seen = customer
        let before = seen.followUps.count
        seen.followUps.removeAll { entry in entry.moment.map { $0 > moment } ?? false }
        if seen.followUps.count < before, let planned = seen.followUps.last(where: { $0.next != nil })?.next {
            seen.next = planned
        }
        seen.feedback = seen.feedback.compactMap { entry in
            guard let date = entry.date else { return entry }
            if LocalDateTime(date: date, minutes: entry.time ?? 0) > moment { return nil }
            var entry = entry
            if let resolved = entry.resolved, resolved > moment.date { entry.resolved = nil }
            if let confirmed = entry.confirmed, confirmed > moment.date { entry.confirmed = nil }
            return entry
        }
        seen.status = status
        return seen
    }

    // MARK: - The week

    /// The report from every customer's record; `gitStatus`, when the repository has history
    /// before the week, gives each id's status at the week's start and end as git saw them.
    public init(records: [Record], configuration: Configuration, week: ReportWeek, moment: LocalDateTime, filter: Filter,
                git: (changes: Changes, before: [String: Status], after: [String: Status])? = nil) {
        self.week = week
        self.moment = moment
        timezone = configuration.timezone
        self.filter = filter
        changes = git?.changes ?? .log

        var sections: [String?: Section] = [:]
        func add(_ owner: String?, _ change: (inout Section) -> Void) {
            // Changed in place: a copy taken out would copy each list on every append.
            change(&sections[owner, default: Section(owner: owner, team: owner.flatMap { configuration.member(named: $0)?.group })])
        }
        for var record in records {
            if let git {
                // A file not yet committed when the week began keeps what its log says.
                if let before = git.before[record.id], record.created < week.start { record.before = before }
                if let after = git.after[record.id] { record.after = after }
            }
            let owner = record.owner
            if record.isNew, week.contains(record.created) { add(owner) { $0.newLeads.append(record) } }
            // A change of status, or a lead captured and closed in the same week.
            if record.before.map({ $0 != record.after }) ?? record.after.isClosed {
                if record.after == .won { add(owner) { $0.won.append(record) } }
                if record.after == .lost { add(owner) { $0.lost.append(record) } }
                if record.before != nil { add(owner) { $0.changes.append(record) } }
            }
            for note in record.notes {
                switch note.kind {
                case .risk: add(owner) { $0.risks.append((record, note)) }
                case .help: add(owner) { $0.help.append((record, note)) }
                }
            }
            for item in record.items {
                // Overdue: due before the moment the week is seen at; once the week is over, by
                // Sunday 23:59 (a date-only item due on Sunday is then overdue).
                if item.due < moment || (moment >= week.end && item.due <= week.end) {
                    add(item.owner) { $0.overdue.append(item) }
                } else if item.due <= week.end {
                    add(item.owner) { $0.dueThisWeek.append(item) }
                } else if item.due >= week.next.start {
                    add(item.owner) { $0.planned.append(item) }
                }
            }
        }

        // Team order first, then other owners by name, unassigned last; only those the filter keeps.
        var order: [String?] = configuration.team.map(\.name)
        order += sections.keys.compactMap { $0 }.filter { name in configuration.member(named: name) == nil }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { Optional($0) }
        order.append(nil)
        var shown: [Section] = []
        for owner in order {
            let section = sections[owner] ?? Section(owner: owner, team: owner.flatMap { configuration.member(named: $0)?.group })
            switch filter {
            case .everyone:
                // Every rep of the team has a row, even an empty one; others only with something to show.
                if sections[owner] == nil, owner == nil || configuration.member(named: owner!) == nil { continue }
            case .owner(let name):
                guard owner == name else { continue }
            case .team(let team):
                guard section.team == team else { continue }
            }
            shown.append(Self.sorted(section))
        }
        self.sections = shown
        var teams: [(String, Tally)] = []
        for team in configuration.team.compactMap(\.group) where !teams.contains(where: { $0.0 == team }) {
            let members = shown.filter { $0.team == team }
            guard !members.isEmpty else { continue }
            teams.append((team, members.reduce(Tally()) { $0 + $1.tally }))
        }
        self.teams = teams
        total = shown.reduce(Tally()) { $0 + $1.tally }
    }

    /// A section's lists in a stable order: customers by id, notes by date, items by due time.
    static func sorted(_ section: Section) -> Section {
        var section = section
        func byId(_ a: Record, _ b: Record) -> Bool { a.id.utf8.lexicographicallyPrecedes(b.id.utf8) }
        section.newLeads.sort(by: byId)
        section.changes.sort(by: byId)
        section.won.sort(by: byId)
        section.lost.sort(by: byId)
        func byDate(_ a: (record: Record, note: Note), _ b: (record: Record, note: Note)) -> Bool {
            a.note.date != b.note.date ? a.note.date < b.note.date : byId(a.record, b.record)
        }
        section.risks.sort(by: byDate)
        section.help.sort(by: byDate)
        func byDue(_ a: Agenda.Item, _ b: Agenda.Item) -> Bool {
            if a.due != b.due { return a.due < b.due }
            if a.customerId != b.customerId { return a.customerId.utf8.lexicographicallyPrecedes(b.customerId.utf8) }
            return a.kind.rawValue < b.kind.rawValue
        }
        section.overdue.sort(by: byDue)
        section.dueThisWeek.sort(by: byDue)
        section.planned.sort(by: byDue)
        return section
    }
}

extension LocalDateTime {
    /// This moment moved by `minutes`.
    public func adding(minutes: Int) -> LocalDateTime { LocalDateTime(minuteNumber: minuteNumber + minutes) }
}
