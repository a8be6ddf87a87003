import LeadbookText

/// What the pipeline summary needs of one customer, computed once at the as-of moment while
/// its file is read (in parallel), so the summary never keeps the workspace's parsed files.
///
/// Every definition here is the one docs/metrics.md gives.
public struct SummaryRecord: Sendable {
    public var id: String
    /// The company's name; "" for a private person (`kind: person`), who is shown by id only.
    public var name: String
    /// The canonical source (nil when missing or unknown).
    public var source: String?
    /// The grade the score gives, else the grade written; nil when neither.
    public var grade: Grade?
    public var owner: String?
    public var region: String?
    public var industry: String?
    public var created: LocalDateTime
    /// The status at the as-of moment.
    public var status: Status
    /// The furthest funnel position reached by the as-of moment (`Status.rank`; lost adds nothing).
    public var reached: Int
    /// The day a won or lost customer closed (won: `deal.closed`).
    public var closed: LocalDate?
    /// `budget` in fen (CNY cents).
    public var budgetCents: Int?
    /// `deal.amount` in fen, for a customer won by the as-of moment.
    public var dealCents: Int?
    /// Days from `assigned` to `deal.closed`, for a won customer with both.
    public var cycleDays: Int?
    /// Minutes from `assigned` to the first follow-up entry (0 when the entry came first).
    public var responseMinutes: Int?
    /// Whether the intent's SLA was met; nil while it is still running or cannot be told.
    public var slaMet: Bool?
    /// Follow-ups the cadence asked for since assignment, and those done (at most as many).
    public var cadenceAsked = 0
    public var cadenceDone = 0
    /// Bit i set: key field `Completeness.keyFields[i]` is filled.
    public var keyFields: UInt8 = 0
    public var feedback = FeedbackTally()
    /// The lost reason, without personal data, for a customer lost by the as-of moment ("" when none).
    public var lostReason: String?
    /// Follow-up entries dated by the as-of moment.
    public var followUps = 0
    /// The satisfactions (1-5) of the feedback items confirmed by the as-of moment (an item
    /// without a `confirmed` date counts from its own date), oldest first.
    public var satisfactions: [Int] = []
    /// Feedback answered or confirmed after its deadline, by the as-of day.
    public var lateFeedback: [LateFeedback] = []

    /// One feedback step done late: the entry's number (1 is the oldest), who owned it (the
    /// entry's owner, else the customer's) and how late.
    public struct LateFeedback: Sendable, Equatable {
        public var number: Int
        public var owner: String?
        public var step: TimePolicy.LateStep
        public init(number: Int, owner: String?, step: TimePolicy.LateStep) {
            self.number = number
            self.owner = owner
            self.step = step
        }
    }
    /// The days spent per status and the status lost from (funnel efficiency).
    public var funnel = FunnelPath()
    /// The screening verdict of today's facts (`ScreeningResult`).
    public var screening = ScreeningResult.Outcome.noRule

    public init(id: String, name: String, created: LocalDateTime, status: Status) {
        self.id = id
        self.name = name
        self.created = created
        self.status = status
        self.reached = status == .lost ? 0 : status.rank
    }

    public var isOpen: Bool { !status.isClosed }
    public var keyFieldCount: Int { keyFields.nonzeroBitCount }

    /// Feedback entries by type, and how many had none.
    public struct FeedbackTally: Sendable, Equatable {
        public var counts: [FeedbackType: Int] = [:]
        public var untyped = 0
        public init() {}
        public var total: Int { counts.values.reduce(untyped, +) }
    }

    /// Why a file gives no record.
    public enum Extraction: Sendable {
        case record(SummaryRecord)
        /// `merged_into`: it stands for another customer.
        case tombstone
        /// Captured after the as-of moment.
        case later
        /// No readable `created`: the summary cannot place it in time.
        case undated
    }

    /// Amounts in fen; amounts with more than two decimals are rounded to the fen.
    public static func cents(_ amount: Double) -> Int? {
        guard amount.isFinite, abs(amount) < 9.0e15 else { return nil }
        return Int((amount * 100).rounded())
    }

    public static func extract(_ customer: Customer, configuration: Configuration, asOf: LocalDateTime) -> Extraction {
        if customer.isTombstone { return .tombstone }
        guard let created = customer.created else { return .undated }
        if created > asOf { return .later }

        // The log up to the as-of moment.
        var entries = 0
        var firstContact: LocalDateTime?
        var lastEntryDate: LocalDate?
        var lastStatus: Status?
        var lastStatusDate: LocalDate?
        var reached = 0
        var later = false
        var steps: [(moment: LocalDateTime, status: Status?)] = []
        var inOrder = true
        for entry in customer.followUps {
            guard let moment = entry.moment else { continue }
            if moment > asOf { later = true; continue }
            if let last = steps.last, moment < last.moment { inOrder = false }
            steps.append((moment, entry.status))
            entries += 1
            reached = max(reached, Status.contacted.rank)
            if firstContact == nil || moment < firstContact! { firstContact = moment }
            if lastEntryDate == nil || entry.date! > lastEntryDate! { lastEntryDate = entry.date }
            if let status = entry.status {
                lastStatus = status
                lastStatusDate = entry.date
                if status != .lost { reached = max(reached, status.rank) }
            }
        }
        if let closed = customer.deal?.closed, closed > asOf.date { later = true }

        // The file's status is its present; before a later entry (or deal), the log tells.
        let status = Customer.knownStatus(written: customer.status, later: later, lastLogged: lastStatus, entries: entries)
        if status != .lost { reached = max(reached, status.rank) }

        // A private person (`kind: person`) is named by id only in every report.
        let name = customer.kind == .person ? "" : customer.name ?? ""
        var record = SummaryRecord(id: customer.id ?? "", name: name, created: created, status: status)
        record.reached = reached
        record.followUps = entries
        record.source = customer.source
        let scored = DerivedValues.grade(customer, configuration)
        record.grade = scored ?? customer.grade
        record.owner = customer.owner.flatMap { $0.isEmpty ? nil : $0 }
        // Grouped by the value without surrounding spaces, as `list --region/--industry` match it.
        record.region = customer.region.flatMap { $0.trimmingSpaces.isEmpty ? nil : $0.trimmingSpaces }
        record.industry = ScreeningResult.industry(customer)
        record.budgetCents = customer.budget.flatMap(cents)

        let assigned = customer.assigned.flatMap { $0 <= asOf ? $0 : nil }
        let statusDate = lastStatus == status ? lastStatusDate : nil
        switch status {
        case .won:
            record.closed = min(customer.deal?.closed ?? statusDate ?? lastEntryDate ?? created.date, asOf.date)
            record.dealCents = customer.deal?.amount.flatMap(cents)
            if let closed = customer.deal?.closed, let assigned {
                record.cycleDays = max(0, closed.dayNumber - assigned.date.dayNumber)
            }
        case .lost:
            record.closed = statusDate ?? lastEntryDate ?? created.date
            record.lostReason = PrivateText.redact((customer.lostReason ?? "").trimmingSpaces, contacts: customer.contacts)
        default:
            break
        }

        // The funnel path: the log's status changes in time order, then the status at as-of.
        if !inOrder { steps = steps.enumerated().sorted { ($0.element.moment, $0.offset) < ($1.element.moment, $1.offset) }.map(\.element) }
        record.funnel = FunnelPath.trace(created: created.date, entries: steps.map { ($0.moment.date, $0.status) }, status: status,
                                         statusDate: status.isClosed ? record.closed! : lastEntryDate ?? created.date)
        record.screening = ScreeningResult.outcome(customer, configuration)

        // Response time and the SLA of the intent (the toolkit, section 1).
        if let assigned, let firstContact {
            record.responseMinutes = max(0, firstContact.minuteNumber - assigned.minuteNumber)
        }
        if var sla = TimePolicy(configuration).sla(customer) {
            sla.assigned = assigned
            sla.firstContact = firstContact
            record.slaMet = sla.met(asOf: asOf)
        }

        // Follow-up plan completion: the cadence of the grade from assignment to closing or as-of.
        if let assigned, let grade = DerivedValues.workingGrade(customer, scored: scored),
           let days = configuration.cadenceDays[grade], days >= 1 {
            let start = assigned.date
            var end = asOf.date
            if let closed = record.closed { end = min(end, closed) }
            if end < start { end = start }
            let asked = 1 + (end.dayNumber - start.dayNumber) / days
            var done = 0
            for entry in customer.followUps {
                guard let moment = entry.moment, moment <= asOf, entry.date! <= end else { continue }
                done += 1
            }
            record.cadenceAsked = asked
            record.cadenceDone = min(done, asked)
        }

        let filled = Completeness.filled(customer)
        for (index, field) in Completeness.keyFields.enumerated() where filled.contains(field) {
            record.keyFields |= 1 << UInt8(index)
        }

        for entry in customer.feedback {
            guard let date = entry.date, LocalDateTime(date: date, minutes: entry.time ?? 0) <= asOf else { continue }
            if let type = entry.type { record.feedback.counts[type, default: 0] += 1 } else { record.feedback.untyped += 1 }
            if let satisfaction = entry.satisfaction, (entry.confirmed ?? date) <= asOf.date {
                record.satisfactions.append(satisfaction)
            }
        }
        let policy = TimePolicy(configuration)
        for (index, entry) in customer.feedback.enumerated() {
            for step in policy.lateSteps(entry, asOf: asOf.date) {
                // The answer is the entry owner's; the confirmation a rep's, as on the agenda.
                var owner = entry.owner.flatMap { $0.isEmpty ? nil : $0 }
                if step.step == .confirmation, let name = owner, configuration.namesOwners, configuration.member(named: name) == nil { owner = nil }
                owner = owner ?? record.owner
                record.lateFeedback.append(LateFeedback(number: index + 1, owner: owner, step: step))
            }
        }
        return .record(record)
    }
}
