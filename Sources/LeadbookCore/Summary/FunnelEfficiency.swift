import LeadbookText

/// How one customer went through the funnel by the as-of moment, read from the status changes
/// of its log and its status then (docs/metrics.md, section 7): the days it spent in each open
/// status it left, and for a lost customer the status it was lost from.
public struct FunnelPath: Sendable, Equatable {
    /// The open statuses in funnel order (their `Status.rank` is their index).
    public static let steps: [Status] = [.untouched, .contacted, .qualified, .proposal, .negotiation]

    /// Per open status (by rank): the days spent there, over every stay that ended by the as-of
    /// moment; -1 when none did (the status was skipped, or the customer is still in it).
    public var days: [Int] = [-1, -1, -1, -1, -1]
    /// For a customer lost at the as-of moment: the last status before it was lost.
    public var lostAt: Status?

    public init() {}

    /// The path from the capture through the log's entries (each at its moment, in time order:
    /// one that sets a status moves the customer there, the first without one moves it from
    /// untouched to contacted) to `status`, the status at the as-of moment; when the log does
    /// not end there, the last step is placed on `statusDate`.
    public static func trace(created: LocalDate, entries: [(date: LocalDate, status: Status?)], status: Status,
                             statusDate: LocalDate) -> FunnelPath {
        var path = FunnelPath()
        var state = Status.untouched
        var since = created
        func move(to next: Status, on date: LocalDate) {
            guard next != state else { return }
            if !state.isClosed {
                let stay = max(0, date.dayNumber - since.dayNumber)
                path.days[state.rank] = max(0, path.days[state.rank]) + stay
            }
            path.lostAt = next == .lost ? state : nil
            state = next
            since = date
        }
        for entry in entries {
            move(to: entry.status ?? (state == .untouched ? .contacted : state), on: entry.date)
        }
        move(to: status, on: statusDate)
        if status != .lost { path.lostAt = nil }
        return path
    }
}

/// The funnel's efficiency (docs/metrics.md, section 7): for each status, the leads that reached
/// it, the share of them that moved on to a later one, those lost from it and the median days
/// spent there, and the same for the toolkit's four stages; both per source and per owner; and
/// the screening verdicts per industry.
public struct FunnelEfficiency: Sendable {
    /// One group of leads (all of them, a source, an owner).
    public struct Row: Sendable {
        public var key: PipelineSummary.Key
        /// The owner's group (owner rows).
        public var group: String?
        public var leads = 0
        /// By rank (untouched ... won): leads that reached the status or a later one.
        public var reached = [Int](repeating: 0, count: Status.won.rank + 1)
        /// By open rank: leads lost from the status (the last status before lost).
        public var lostAt = [Int](repeating: 0, count: FunnelPath.steps.count)
        /// By open rank: the days spent there by the leads that left it.
        public var days = [Distribution](repeating: Distribution([]), count: FunnelPath.steps.count)
        /// The toolkit's four stages of these leads (`FunnelEfficiency.byStage` for all of them).
        public var stages = FunnelEfficiency.stageRows()

        public init(key: PipelineSummary.Key) { self.key = key }

        public var lost: Int { lostAt.reduce(0, +) }

        /// Leads that moved on from an open status: those that reached a later one.
        public func movedOn(_ rank: Int) -> Int { reached[rank + 1] }

        /// The share of the leads that reached an open status which moved on from it.
        public func movedOnShare(_ rank: Int) -> Ratio { Ratio(reached[rank + 1], reached[rank]) }

        /// Counts a lead; its days go to `days` (by open rank) until `finish`.
        mutating func add(_ record: SummaryRecord, days: inout [[Int]]) {
            leads += 1
            for rank in 0...min(max(record.reached, 0), reached.count - 1) { reached[rank] += 1 }
            if record.status == .lost, let from = record.funnel.lostAt, !from.isClosed { lostAt[from.rank] += 1 }
            for (rank, spent) in record.funnel.days.enumerated() where spent >= 0 && rank < days.count {
                days[rank].append(spent)
            }
        }
    }

    /// A row while the leads are counted, with the days of each open status.
    struct Tally {
        var row: Row
        var days = [[Int]](repeating: [], count: FunnelPath.steps.count)
        var stageDays = [[Int]](repeating: [], count: FunnelEfficiency.stageRanks.count)

        init(key: PipelineSummary.Key) { row = Row(key: key) }

        mutating func add(_ record: SummaryRecord) {
            row.add(record, days: &days)
            for index in row.stages.indices { FunnelEfficiency.add(record, to: &row.stages[index], days: &stageDays[index]) }
        }

        var finished: Row {
            var row = row
            row.days = days.map(Distribution.init)
            for index in row.stages.indices { row.stages[index].days = Distribution(stageDays[index]) }
            return row
        }
    }

    /// The screening verdicts (`ScreeningResult`) of the leads of one industry.
    public struct ScreeningRow: Sendable {
        public var key: PipelineSummary.Key
        /// leadbook.yml has a screening rule for the industry.
        public var hasRule: Bool
        public var pass = 0
        public var fail = 0
        public var noRule = 0

        public var leads: Int { pass + fail + noRule }
        /// Passed, of the leads screened (pass or fail).
        public var passShare: Ratio { Ratio(pass, pass + fail) }
    }

    /// One of the toolkit's four stages (section 3), over the statuses it spans: initial
    /// contact is untouched and contacted.
    public struct StageRow: Sendable {
        public var stage: Stage
        /// The ranks of its statuses.
        public var ranks: ClosedRange<Int>
        /// Leads that reached its first status.
        public var reached = 0
        /// Leads that reached the status after its last.
        public var movedOn = 0
        /// Leads lost from one of its statuses.
        public var lost = 0
        /// Days in the stage (its statuses' days added up) of the leads that left it.
        public var days = Distribution([])

        public var statuses: [Status] { ranks.map { FunnelPath.steps[$0] } }
        public var movedOnShare: Ratio { Ratio(movedOn, reached) }
    }

    public var all: Row
    /// The toolkit's stages for all leads (`all.stages`).
    public var byStage: [StageRow] { all.stages }
    public var bySource: [Row]
    public var byOwner: [Row]
    public var screeningByIndustry: [ScreeningRow]

    /// No leads.
    public init() {
        all = Row(key: .none)
        bySource = []
        byOwner = []
        screeningByIndustry = []
    }

    /// Every figure in one pass over the leads.
    public init(_ selected: [SummaryRecord], _ configuration: Configuration) {
        var all = Tally(key: .none)
        var sources: [PipelineSummary.Key: Tally] = [:]
        var owners: [PipelineSummary.Key: Tally] = [:]
        for record in selected {
            all.add(record)
            let source = PipelineSummary.key(.source, record, configuration)
            sources[source, default: Tally(key: source)].add(record)
            let owner = PipelineSummary.key(.owner, record, configuration)
            owners[owner, default: Tally(key: owner)].add(record)
        }
        self.all = all.finished
        bySource = PipelineSummary.order(.source, Array(sources.keys), configuration).map { key in
            sources[key]?.finished ?? Row(key: key)
        }
        byOwner = PipelineSummary.order(.owner, Array(owners.keys), configuration).map { key in
            var row = owners[key]?.finished ?? Row(key: key)
            row.group = key.text.flatMap { configuration.member(named: $0)?.group }
            return row
        }
        screeningByIndustry = Self.screening(selected, configuration)
    }

    /// The toolkit's stages in order, with the ranks of their statuses.
    public static let stageRanks: [(Stage, ClosedRange<Int>)] = [
        (.initialContact, 0...1), (.needsDeepening, 2...2), (.solutionComparison, 3...3), (.negotiation, 4...4),
    ]

    /// The four stages with nothing counted yet.
    public static func stageRows() -> [StageRow] { stageRanks.map { StageRow(stage: $0.0, ranks: $0.1) } }

    /// A lead left a stage when it reached a later status, or was lost from one of the stage's;
    /// its days there are those of the stage's statuses (a status skipped within it adds 0).
    static func add(_ record: SummaryRecord, to row: inout StageRow, days: inout [Int]) {
        let ranks = row.ranks
        guard record.reached >= ranks.lowerBound else { return }
        row.reached += 1
        let movedOn = record.reached > ranks.upperBound
        var lostHere = false
        if record.status == .lost, let from = record.funnel.lostAt { lostHere = ranks.contains(from.rank) }
        if movedOn { row.movedOn += 1 }
        if lostHere { row.lost += 1 }
        guard movedOn || lostHere else { return }
        var spent = 0, timed = false
        for rank in ranks where record.funnel.days[rank] >= 0 {
            spent += record.funnel.days[rank]
            timed = true
        }
        if timed { days.append(spent) }
    }

    /// One row per industry: those with a screening rule in leadbook.yml in its order (even
    /// without leads), then the others found in code-point order, then "(no industry)".
    public static func screening(_ records: [SummaryRecord], _ configuration: Configuration) -> [ScreeningRow] {
        var rows: [PipelineSummary.Key: ScreeningRow] = [:]
        var listed: [PipelineSummary.Key] = []
        for criterion in configuration.screening where rows[.value(criterion.industry)] == nil {
            rows[.value(criterion.industry)] = ScreeningRow(key: .value(criterion.industry), hasRule: true)
            listed.append(.value(criterion.industry))
        }
        for record in records {
            let key = record.industry.map(PipelineSummary.Key.value) ?? .none
            var row = rows[key] ?? ScreeningRow(key: key, hasRule: false)
            switch record.screening {
            case .pass: row.pass += 1
            case .fail: row.fail += 1
            case .noRule: row.noRule += 1
            }
            rows[key] = row
        }
        let others = rows.keys.compactMap(\.text).filter { !listed.contains(.value($0)) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var keys = listed + others.map(PipelineSummary.Key.value)
        if rows[.none] != nil { keys.append(.none) }
        return keys.map { rows[$0]! }
    }
}
