import LeadbookText

/// The conversion review of the toolkit's section 6, computed from compact customer records: the
/// pipeline now, process and result metrics with their cuts, the toolkit's checks and the weekly
/// trend. Every figure is defined in docs/metrics.md; counts and amounts are exact integers
/// (amounts in fen), shares are kept as their two counts.
public struct PipelineSummary: Sendable {
    /// What result metrics can be cut by (`--by`).
    public enum Cut: String, CaseIterable, Sendable {
        case source, grade, owner, group, region, industry
        public static let defaults: [Cut] = [.source, .grade, .owner, .group]
    }

    /// A row of a cut: a value, no value (ungraded, no region, no group), or no owner.
    public enum Key: Hashable, Sendable {
        case value(String)
        case none
        case unassigned

        public var text: String? {
            if case .value(let text) = self { return text }
            return nil
        }
    }

    public struct FunnelStep: Sendable {
        public var status: Status
        /// Customers in this status at the as-of moment.
        public var now: Int
        /// Customers that reached this step or a later one (lost reaches nothing by itself).
        public var reached: Int?
    }

    public struct StatusCounts: Sendable {
        public var key: Key
        /// The owner's group (owner rows).
        public var group: String?
        public var customers = 0
        public var open = 0
        public var won = 0
        public var lost = 0
        public var openValueCents = MoneyTotal()
        public var openWithoutBudget = 0
    }

    public struct ResultRow: Sendable {
        public var key: Key
        public var leads = 0
        public var won = 0
        public var lost = 0
        public var wonCents = MoneyTotal()
        /// Won customers with an amount (the average deal's denominator).
        public var wonWithAmount = 0
        public var cycle = Distribution([])
        /// The process metrics of the row's leads, as the workspace's (`SummaryRecord`):
        /// response minutes, first contact within the SLA, follow-up plan completion, and the
        /// satisfactions recorded with confirmed feedback.
        public var response = Distribution([])
        public var sla = Ratio(0, 0)
        public var planCompletion = Ratio(0, 0)
        public var satisfaction = Distribution([])

        public var open: Int { leads - won - lost }
        public var conversion: Ratio { Ratio(won, leads) }
        public var winRate: Ratio { Ratio(won, won + lost) }
        /// Won amount (fen) per won customer with an amount, rounded to the fen; nil for none.
        public var averageDeal: MoneyTotal? { wonCents.dividedRounded(by: wonWithAmount) }
    }

    public struct Completeness: Sendable {
        public var complete = 0
        public var mostly = 0
        public var incomplete = 0
        /// Per key field (in `Completeness.keyFields` order): customers with it filled.
        public var fields: [(name: String, filled: Int)] = []
        /// Key fields filled over key fields asked (7 per customer).
        public var filled = Ratio(0, 0)
    }

    public struct GradePair: Sendable {
        public var higher: Grade
        public var lower: Grade
        /// The higher grade converts strictly better; nil when either has no leads.
        public var holds: Bool?
    }

    public struct TeamRow: Sendable {
        public var group: String
        public var months: [Ratio]
        /// Per month: more than 20% below the average of the teams; nil when it cannot be told.
        public var below: [Bool?]
        /// Below in each of the months.
        public var flagged: Bool { !below.isEmpty && below.allSatisfy { $0 == true } }
    }

    public struct TeamCheck: Sendable {
        /// How far below the average flags a month (percent).
        public var percent = 20
        public var months: [YearMonth]
        public var rows: [TeamRow]
        /// Per month, the mean of the conversion rates of the teams with leads that month.
        public var averages: [MeanOfRatios]
    }

    public struct FeedbackRow: Sendable {
        /// nil: entries without a type.
        public var type: FeedbackType?
        public var entries: Int
        public var customers: Int
    }

    public struct FeedbackSummary: Sendable {
        public var rows: [FeedbackRow]
        /// Customers with at least one feedback entry (the share's denominator).
        public var customers: Int
        public var entries: Int
        /// Answers and confirmations given late, latest first (the toolkit, section 5).
        public var late: [LateFeedback] = []
    }

    /// A feedback step done late, with its customer.
    public struct LateFeedback: Sendable {
        public var customer: String
        /// "" for a private person (shown by id only).
        public var name: String
        public var late: SummaryRecord.LateFeedback
    }

    public struct LostReason: Sendable {
        /// "" when no reason was written.
        public var reason: String
        public var customers: Int
    }

    public struct Week: Sendable {
        /// The Monday the week starts on.
        public var start: LocalDate
        public var captured: Int
        public var won: Int
    }

    public var asOf: LocalDateTime
    public var timezone: UTCOffset
    public var period: SummaryPeriod
    public var leads: Int

    public var funnel: [FunnelStep] = []
    public var byGrade: [StatusCounts] = []
    public var byOwner: [StatusCounts] = []
    public var open = StatusCounts(key: .none)

    public var response = Distribution([])
    public var sla = Ratio(0, 0)
    public var planCompletion = Ratio(0, 0)
    public var completeness = Completeness()
    /// The satisfactions (1-5) of the confirmed feedback of the leads.
    public var satisfaction = Distribution([])

    public var total = ResultRow(key: .none)
    public var cuts: [(cut: Cut, rows: [ResultRow])] = []

    public var gradeAccuracy: [GradePair] = []
    /// The grade rows the accuracy check compares (S, A, B, C, then ungraded when any).
    public var gradeRows: [ResultRow] = []
    public var channelRanking: [ResultRow] = []
    public var teams = TeamCheck(months: [], rows: [], averages: [])
    public var feedback = FeedbackSummary(rows: [], customers: 0, entries: 0)
    public var lostReasons: [LostReason] = []
    public var weeks: [Week] = []
    /// Reached, moved on, lost from and days spent per status, per source and owner; screening per industry.
    public var funnelEfficiency = FunnelEfficiency()

    /// Pipeline movement since a git revision (`--compare`).
    public var movement: PipelineMovement?

    /// What was read and what was left out, for the reader of the summary.
    public struct Notes: Sendable {
        /// Files with errors, counted as far as they could be read.
        public var filesWithErrors: [String] = []
        /// Files not read as customers at all, and files without a readable `created` (not counted).
        public var notCounted: [String] = []
        public var tombstones = 0
        /// Customers captured after the as-of moment.
        public var capturedLater = 0
        public init() {}
    }

    public var notes = Notes()

    /// `records`: every customer captured by the as-of moment (tombstones left out); the
    /// period selects among them, except for the team check, which looks at whole months.
    public init(records: [SummaryRecord], configuration: Configuration, period: SummaryPeriod, asOf: LocalDateTime,
                cuts: [Cut] = Cut.defaults) {
        self.asOf = asOf
        self.timezone = configuration.timezone
        self.period = period
        // Without a period every record is selected: share the array instead of copying it.
        let selected = period.isAll ? records : records.filter { period.contains($0.created.date) }
        leads = selected.count

        computePipeline(selected, configuration)
        computeProcess(selected)
        total = Self.resultRow(.none, selected)
        for cut in cuts {
            self.cuts.append((cut, Self.rows(cut, selected, configuration)))
        }
        // The checks below reuse the grade and source rows when those cuts were asked for.
        let grades = self.cuts.first { $0.cut == .grade }?.rows ?? Self.rows(.grade, selected, configuration)
        gradeRows = grades
        let byGrade = Dictionary(grades.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        gradeAccuracy = [(Grade.S, Grade.A), (.A, .B), (.B, .C)].map { higher, lower in
            let a = byGrade[.value(higher.rawValue)]?.conversion ?? Ratio(0, 0)
            let b = byGrade[.value(lower.rawValue)]?.conversion ?? Ratio(0, 0)
            return GradePair(higher: higher, lower: lower, holds: a.isGreater(than: b))
        }
        channelRanking = Self.ranked(self.cuts.first { $0.cut == .source }?.rows ?? Self.rows(.source, selected, configuration))
        teams = Self.teamCheck(records, configuration,
                               months: Self.teamMonths(period: period, asOf: asOf, count: configuration.teamCheckMonths))
        computeFeedback(selected)
        computeLostReasons(selected)
        weeks = Self.weeks(selected, period: period, asOf: asOf)
        funnelEfficiency = FunnelEfficiency(selected, configuration)
    }

    // MARK: Pipeline now

    public mutating func computePipeline(_ selected: [SummaryRecord], _ configuration: Configuration) {
        var now: [Status: Int] = [:]
        var reached = [Int](repeating: 0, count: Status.won.rank + 1)
        for record in selected {
            now[record.status, default: 0] += 1
            if record.reached >= 0 { reached[min(record.reached, reached.count - 1)] += 1 }
        }
        // Reached a step: reached it or any later one.
        var atLeast = [Int](repeating: 0, count: reached.count)
        var running = 0
        for rank in stride(from: reached.count - 1, through: 0, by: -1) {
            running += reached[rank]
            atLeast[rank] = running
        }
        funnel = Status.allCases.map { status in
            FunnelStep(status: status, now: now[status] ?? 0, reached: status == .lost ? nil : atLeast[status.rank])
        }

        var open = StatusCounts(key: .none)
        var grades: [Key: StatusCounts] = [:]
        var owners: [Key: StatusCounts] = [:]
        for record in selected {
            Self.count(record, into: &open)
            let grade: Key = record.grade.map { .value($0.rawValue) } ?? .none
            Self.count(record, into: &grades[grade, default: StatusCounts(key: grade)])
            let owner: Key = record.owner.map(Key.value) ?? .unassigned
            Self.count(record, into: &owners[owner, default: StatusCounts(key: owner)])
        }
        self.open = open
        byGrade = Self.order(.grade, Array(grades.keys), configuration).map { grades[$0] ?? StatusCounts(key: $0) }
        byOwner = Self.order(.owner, Array(owners.keys), configuration).map { key in
            var row = owners[key] ?? StatusCounts(key: key)
            row.group = key.text.flatMap { configuration.member(named: $0)?.group }
            return row
        }
    }

    public static func count(_ record: SummaryRecord, into row: inout StatusCounts) {
        row.customers += 1
        switch record.status {
        case .won: row.won += 1
        case .lost: row.lost += 1
        default:
            row.open += 1
            if let budget = record.budgetCents { row.openValueCents += budget } else { row.openWithoutBudget += 1 }
        }
    }

    // MARK: Process

    public mutating func computeProcess(_ selected: [SummaryRecord]) {
        response = Distribution(selected.compactMap(\.responseMinutes))
        var met = 0, decided = 0, asked = 0, done = 0, filled = 0
        var levels = (0, 0, 0)
        var fields = [Int](repeating: 0, count: LeadbookCore.Completeness.keyFields.count)
        for record in selected {
            if let value = record.slaMet {
                decided += 1
                if value { met += 1 }
            }
            asked += record.cadenceAsked
            done += record.cadenceDone
            let count = record.keyFieldCount
            filled += count
            switch LeadbookCore.Completeness.of(count: count) {
            case .complete: levels.0 += 1
            case .mostly: levels.1 += 1
            case .incomplete: levels.2 += 1
            }
            for index in fields.indices where record.keyFields & (1 << UInt8(index)) != 0 { fields[index] += 1 }
        }
        sla = Ratio(met, decided)
        planCompletion = Ratio(done, asked)
        satisfaction = Distribution(selected.flatMap(\.satisfactions))
        completeness = Completeness(complete: levels.0, mostly: levels.1, incomplete: levels.2,
                                    fields: zip(LeadbookCore.Completeness.keyFields, fields).map { ($0, $1) },
                                    filled: Ratio(filled, selected.count * fields.count))
    }

    // MARK: Results and cuts

    /// The durations and scores of a row's leads, gathered before their distributions are made.
    public struct RowValues: Sendable {
        public var cycles: [Int] = []
        public var responses: [Int] = []
        public var satisfactions: [Int] = []
        public init() {}

        public func finish(_ row: inout ResultRow) {
            row.cycle = Distribution(cycles)
            row.response = Distribution(responses)
            row.satisfaction = Distribution(satisfactions)
        }
    }

    public static func resultRow(_ key: Key, _ records: [SummaryRecord]) -> ResultRow {
        var row = ResultRow(key: key)
        var values = RowValues()
        for record in records {
            add(record, to: &row, values: &values)
        }
        values.finish(&row)
        return row
    }

    public static func add(_ record: SummaryRecord, to row: inout ResultRow, values: inout RowValues) {
        if let minutes = record.responseMinutes { values.responses.append(minutes) }
        if let met = record.slaMet {
            row.sla.denominator += 1
            if met { row.sla.numerator += 1 }
        }
        row.planCompletion.numerator += record.cadenceDone
        row.planCompletion.denominator += record.cadenceAsked
        values.satisfactions += record.satisfactions
        row.leads += 1
        switch record.status {
        case .won:
            row.won += 1
            if let cents = record.dealCents {
                row.wonCents += cents
                row.wonWithAmount += 1
            }
            if let days = record.cycleDays { values.cycles.append(days) }
        case .lost: row.lost += 1
        default: break
        }
    }

    public static func key(_ cut: Cut, _ record: SummaryRecord, _ configuration: Configuration) -> Key {
        switch cut {
        case .source: return record.source.map(Key.value) ?? .none
        case .grade: return record.grade.map { .value($0.rawValue) } ?? .none
        case .owner: return record.owner.map(Key.value) ?? .unassigned
        case .group:
            guard let owner = record.owner else { return .unassigned }
            return configuration.member(named: owner)?.group.map(Key.value) ?? .none
        case .region: return record.region.map(Key.value) ?? .none
        case .industry: return record.industry.map(Key.value) ?? .none
        }
    }

    /// One row per value of the cut: the values leadbook.yml lists (sources, grades, team
    /// members, groups) even when empty, then the others found, then none/unassigned.
    public static func rows(_ cut: Cut, _ records: [SummaryRecord], _ configuration: Configuration) -> [ResultRow] {
        var rows: [Key: ResultRow] = [:]
        var values: [Key: RowValues] = [:]
        for record in records {
            let key = key(cut, record, configuration)
            add(record, to: &rows[key, default: ResultRow(key: key)], values: &values[key, default: RowValues()])
        }
        return order(cut, Array(rows.keys), configuration).map { key in
            var row = rows[key] ?? ResultRow(key: key)
            (values[key] ?? RowValues()).finish(&row)
            return row
        }
    }

    /// The rows of a cut in their reading order.
    public static func order(_ cut: Cut, _ found: [Key], _ configuration: Configuration) -> [Key] {
        var listed: [String] = []
        switch cut {
        case .source: listed = configuration.sources
        case .grade: listed = Grade.allCases.map(\.rawValue)
        case .owner: listed = configuration.team.map(\.name)
        case .group:
            for member in configuration.team {
                if let group = member.group, !listed.contains(group) { listed.append(group) }
            }
        case .region, .industry: break
        }
        var keys = listed.map(Key.value)
        let known = Set(keys)
        let others = found.compactMap(\.text).filter { !known.contains(.value($0)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        keys += others.map(Key.value)
        if found.contains(.none) { keys.append(.none) }
        if found.contains(.unassigned) { keys.append(.unassigned) }
        return keys
    }

    // MARK: Checks

    /// Channels by conversion, best first; equal rates: more leads first, then the order of
    /// leadbook.yml. Channels without leads come last.
    public static func ranked(_ rows: [ResultRow]) -> [ResultRow] {
        let indexed = rows.filter { $0.key != .none }.enumerated().map { ($0.offset, $0.element) }
        return indexed.sorted { a, b in
            let (ai, ar) = a, (bi, br) = b
            if ar.leads == 0 || br.leads == 0 {
                if (ar.leads == 0) != (br.leads == 0) { return br.leads == 0 }
                return ai < bi
            }
            let order = ar.conversion.compare(br.conversion)
            if order != 0 { return order > 0 }
            if ar.leads != br.leads { return ar.leads > br.leads }
            return ai < bi
        }.map(\.1)
    }

    /// The months the team check looks at (leadbook.yml `team_check.months`, default 3): those
    /// ending with the period's last month, or without a period (or one open at the end) the
    /// whole months before the as-of's month.
    public static func teamMonths(period: SummaryPeriod, asOf: LocalDateTime, count: Int = 3) -> [YearMonth] {
        let last = period.to.map(YearMonth.init) ?? YearMonth(asOf.date).adding(months: -1)
        return (0..<max(1, count)).reversed().map { last.adding(months: -$0) }
    }

    /// The toolkit, section 2: a team (the `group` of the owner) whose conversion is more than 20%
    /// (`team_check.below_percent`) below the average of the teams in each of the months.
    public static func teamCheck(_ records: [SummaryRecord], _ configuration: Configuration, months: [YearMonth]) -> TeamCheck {
        var groups: [String] = []
        var groupOf: [String: String] = [:]
        for member in configuration.team {
            guard let group = member.group else { continue }
            if !groups.contains(group) { groups.append(group) }
            groupOf[member.name] = group
        }
        var counts: [String: [(leads: Int, won: Int)]] = [:]
        for group in groups { counts[group] = Array(repeating: (0, 0), count: months.count) }
        let index = Dictionary(months.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { a, _ in a })
        for record in records {
            guard let owner = record.owner, let group = groupOf[owner],
                  let month = index[YearMonth(record.created.date)] else { continue }
            counts[group]![month].leads += 1
            if record.status == .won { counts[group]![month].won += 1 }
        }
        let averages = months.indices.map { month in
            MeanOfRatios(groups.map { Ratio(counts[$0]![month].won, counts[$0]![month].leads) })
        }
        let rows = groups.map { group -> TeamRow in
            let ratios = counts[group]!.map { Ratio($0.won, $0.leads) }
            let below = ratios.indices.map { averages[$0].isBelow(ratios[$0], byMoreThanPercent: configuration.teamCheckPercent) }
            return TeamRow(group: group, months: ratios, below: below)
        }
        return TeamCheck(percent: configuration.teamCheckPercent, months: months, rows: rows, averages: averages)
    }

    public mutating func computeFeedback(_ selected: [SummaryRecord]) {
        var entries: [FeedbackType?: Int] = [:]
        var customers: [FeedbackType?: Int] = [:]
        var withFeedback = 0, total = 0
        for record in selected where record.feedback.total > 0 {
            withFeedback += 1
            total += record.feedback.total
            for (type, count) in record.feedback.counts where count > 0 {
                entries[type, default: 0] += count
                customers[type, default: 0] += 1
            }
            if record.feedback.untyped > 0 {
                entries[nil, default: 0] += record.feedback.untyped
                customers[nil, default: 0] += 1
            }
        }
        var rows = FeedbackType.allCases.map { FeedbackRow(type: $0, entries: entries[$0] ?? 0, customers: customers[$0] ?? 0) }
        if let untyped = entries[nil] { rows.append(FeedbackRow(type: nil, entries: untyped, customers: customers[nil] ?? 0)) }
        // Ranked: most customers first; the fixed order of types breaks ties.
        let ranked = rows.enumerated().sorted { a, b in
            if a.element.customers != b.element.customers { return a.element.customers > b.element.customers }
            if a.element.entries != b.element.entries { return a.element.entries > b.element.entries }
            return a.offset < b.offset
        }.map(\.element)
        feedback = FeedbackSummary(rows: ranked, customers: withFeedback, entries: total)
        var late: [LateFeedback] = []
        for record in selected {
            for step in record.lateFeedback { late.append(LateFeedback(customer: record.id, name: record.name, late: step)) }
        }
        feedback.late = late.sorted { a, b in
            // Still open first, the longest past its deadline first; then by the day done, latest first.
            if (a.late.step.done == nil) != (b.late.step.done == nil) { return a.late.step.done == nil }
            if a.late.step.done == nil, a.late.step.daysLate != b.late.step.daysLate { return a.late.step.daysLate > b.late.step.daysLate }
            if let x = a.late.step.done, let y = b.late.step.done, x != y { return x > y }
            if a.customer != b.customer { return a.customer < b.customer }
            return (a.late.number, a.late.step.step.rawValue) < (b.late.number, b.late.step.step.rawValue)
        }
    }

    public mutating func computeLostReasons(_ selected: [SummaryRecord]) {
        var counts: [String: Int] = [:]
        for record in selected where record.status == .lost {
            counts[record.lostReason ?? "", default: 0] += 1
        }
        lostReasons = counts.map { LostReason(reason: $0.key, customers: $0.value) }.sorted { a, b in
            if a.customers != b.customers { return a.customers > b.customers }
            if a.reason.isEmpty != b.reason.isEmpty { return !a.reason.isEmpty }
            return a.reason.utf8.lexicographicallyPrecedes(b.reason.utf8)
        }
    }

    // MARK: Weekly trend

    /// At most this many weeks are shown (the latest).
    public static let maxWeeks = 26

    /// Weeks (Monday to Sunday) of the period up to the as-of's week; without a period, from the
    /// first capture to the last capture or win. Leads captured and customers won each week.
    public static func weeks(_ selected: [SummaryRecord], period: SummaryPeriod, asOf: LocalDateTime) -> [Week] {
        func monday(_ date: LocalDate) -> LocalDate { date.adding(days: -date.weekday) }
        var first = period.from
        var last = period.to.map { min($0, asOf.date) }
        if first == nil || last == nil {
            var earliest: LocalDate?, latest: LocalDate?
            for record in selected {
                let date = record.created.date
                if earliest == nil || date < earliest! { earliest = date }
                if latest == nil || date > latest! { latest = date }
                if record.status == .won, let closed = record.closed, closed > latest! { latest = closed }
            }
            first = first ?? earliest
            last = last ?? latest
        }
        guard let first, let last, first <= last else { return [] }
        var start = monday(first)
        let end = monday(last)
        let count = (end.dayNumber - start.dayNumber) / 7 + 1
        if count > maxWeeks { start = end.adding(days: -7 * (maxWeeks - 1)) }
        var weeks: [Week] = []
        var day = start
        while day <= end {
            weeks.append(Week(start: day, captured: 0, won: 0))
            day = day.adding(days: 7)
        }
        for record in selected {
            let week = (monday(record.created.date).dayNumber - start.dayNumber) / 7
            if record.created.date >= start, week < weeks.count { weeks[week].captured += 1 }
            if record.status == .won, let closed = record.closed, closed >= start {
                let wonWeek = (monday(closed).dayNumber - start.dayNumber) / 7
                if wonWeek < weeks.count { weeks[wonWeek].won += 1 }
            }
        }
        return weeks
    }
}
