import LeadbookText

/// The toolkit's time limits, as dates: the SLA of first contact, the follow-up
/// cadence, the first stage's limit, re-grading, and the feedback loop. Every number comes from
/// leadbook.yml (defaults are the toolkit's).
public struct TimePolicy {
    public let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// A moment a rule is measured against: a datetime, or the end of a day for a date.
    public static func endOfDay(_ date: LocalDate) -> LocalDateTime {
        LocalDateTime(date: date, minutes: 1439)
    }

    // MARK: Working time

    /// The moment `hours` after `start`: calendar hours, or working hours when leadbook.yml sets
    /// `business_hours` (every deadline the toolkit gives in hours goes through here).
    ///
    /// A start with a date only (`created: 2024-03-01`): without business hours it is the end of
    /// that day (the date is all that is known, so the whole day is given); with business hours,
    /// the start of that working day (the next one when the date is not a working day).
    public func deadline(from start: LocalDateTime, hours: Int) -> LocalDateTime {
        guard let working = configuration.businessHours else {
            let begin = start.hasTime ? start : Self.endOfDay(start.date)
            return LocalDateTime(minuteNumber: begin.minuteNumber + hours * 60)
        }
        return Self.adding(minutes: hours * 60, to: start.hasTime ? start : LocalDateTime(date: start.date, minutes: 0), working)
    }

    /// `2 h` / `2 小时`, or `2 working hours` / `2 个工作小时` when hours count working time.
    public static func hours(_ hours: Int, working: Bool) -> Phrase {
        working ? Phrase("\(hours) working hour\(hours == 1 ? "" : "s")", "\(hours) 个工作小时") : Phrase("\(hours) h", "\(hours) 小时")
    }

    /// How many days ahead a working moment is looked for: beyond it (a calendar of holidays
    /// only, which leadbook.yml cannot write) the count stops rather than loop.
    static let workingDaysSearched = 4 * 3_660

    /// `minutes` of working time after `start`: time outside working hours is skipped; a
    /// deadline that falls exactly at the end of a working day stays there.
    public static func adding(minutes: Int, to start: LocalDateTime, _ working: BusinessHours) -> LocalDateTime {
        var date = start.date
        var at = start.minutes
        var left = minutes
        for _ in 0..<workingDaysSearched {
            if working.isWorkingDay(date), at < working.to {
                let begin = max(at, working.from)
                if left <= working.to - begin { return LocalDateTime(date: date, minutes: begin + left) }
                left -= working.to - begin
            }
            date = date.adding(days: 1)
            at = 0
        }
        return LocalDateTime(minuteNumber: start.minuteNumber + minutes)
    }

    // MARK: Recording (the toolkit, section 3: 每次跟进后 24 小时内录入)

    /// How long after a contact it is recorded (minutes), when that is more than
    /// `record_within_hours` (calendar hours: the rule is about memory, not office time); nil
    /// when in time or when the rule is off (0). A contact with a date only counts from the
    /// end of that day, so it is never called late before it can be.
    public func lateRecording(of contact: LocalDateTime, recordedAt now: LocalDateTime) -> Int? {
        let hours = configuration.recordWithinHours
        guard hours > 0 else { return nil }
        let happened = contact.hasTime ? contact : Self.endOfDay(contact.date)
        let elapsed = now.minuteNumber - happened.minuteNumber
        return elapsed > hours * 60 ? elapsed : nil
    }

    // MARK: SLA (the toolkit, section 1)

    public struct SLA {
        public var hours: Int
        public var deadline: LocalDateTime
        public var assigned: LocalDateTime?
        public var firstContact: LocalDateTime?
        /// Met when both happened by the deadline; nil while the deadline has not passed and something is missing.
        public func met(asOf now: LocalDateTime) -> Bool? {
            if let assigned, let firstContact {
                return assigned <= deadline && firstContact <= deadline
            }
            return now > deadline ? false : nil
        }
    }

    /// Intent A within 2 hours of `created` (assigned and first follow-up), B 4, C 24.
    public func sla(_ customer: Customer) -> SLA? {
        guard let intent = customer.intent, let created = customer.created,
              let hours = configuration.slaHours[intent] else { return nil }
        let deadline = deadline(from: created, hours: hours)
        let first = customer.followUps.compactMap(\.moment).min()
        return SLA(hours: hours, deadline: deadline, assigned: customer.assigned, firstContact: first)
    }

    // MARK: Cadence (the toolkit, section 3)

    public struct Cadence {
        public var days: Int
        public var lastContact: LocalDate?
        /// The earlier of the cadence's next contact and the planned `next`.
        public var due: LocalDate?
        public var plannedNext: LocalDate?
    }

    /// S every day, A every 2 days, B and C every 7 days since the last entry.
    public func cadence(_ customer: Customer) -> Cadence? {
        guard let grade = DerivedValues.workingGrade(customer, configuration),
              let days = configuration.cadenceDays[grade] else { return nil }
        let last = customer.followUps.compactMap(\.date).max()
        var due = last.map { $0.adding(days: days) }
        if let next = customer.next { due = due.map { min($0, next) } ?? next }
        return Cadence(days: days, lastContact: last, due: due, plannedNext: customer.next)
    }

    // MARK: Stage (the toolkit, section 3)

    /// The stage a status stands for; C leads before needs are clear are in nurture.
    public func stage(_ customer: Customer) -> Stage? {
        guard let status = customer.status else { return nil }
        switch status {
        case .untouched, .contacted:
            if DerivedValues.workingGrade(customer, configuration) == .C, customer.plan.last?.stage == .nurture { return .nurture }
            return .initialContact
        case .qualified: return .needsDeepening
        case .proposal: return .solutionComparison
        case .negotiation: return .negotiation
        case .won, .lost: return nil
        }
    }

    public struct FirstStage {
        public var limitDays: Int
        public var start: LocalDate
        public var deadline: LocalDate
        /// When the customer moved past initial contact (a status of qualified or later).
        public var left: LocalDate?
    }

    /// Initial contact lasts at most S 3 days, A 5, B 7, C 7 from assignment.
    public func firstStage(_ customer: Customer) -> FirstStage? {
        guard let grade = DerivedValues.workingGrade(customer, configuration),
              let limit = configuration.firstStageDays[grade],
              let start = (customer.assigned ?? customer.created)?.date else { return nil }
        var left: LocalDate?
        for entry in customer.followUps {
            if let status = entry.status, status.rank >= Status.qualified.rank { left = entry.date; break }
        }
        if left == nil, let status = customer.status, status.rank >= Status.qualified.rank {
            // Only the front matter says so: the day the next stage is counted from.
            left = stageStart(customer, Self.stage(of: status) ?? .needsDeepening) ?? start
        }
        return FirstStage(limitDays: limit, start: start, deadline: start.adding(days: limit), left: left)
    }

    // MARK: Re-grading (the toolkit, section 2)

    /// S, A and B weekly, C monthly, from `score.reviewed` (or `created` when never reviewed).
    public func regradeDue(_ customer: Customer) -> (due: LocalDate, days: Int, since: LocalDate)? {
        guard let grade = DerivedValues.workingGrade(customer, configuration),
              let days = configuration.regradeDays[grade],
              let since = customer.score?.reviewed ?? customer.created?.date else { return nil }
        return (since.adding(days: days), days, since)
    }

    // MARK: Feedback (the toolkit, section 5)

    /// A date-only entry is taken at the end of its day.
    public static func moment(_ date: LocalDate, _ time: Int?) -> LocalDateTime {
        time.map { LocalDateTime(date: date, minutes: $0) } ?? endOfDay(date)
    }

    /// `fix` is answered (resolved) within 24 hours of the feedback (working hours with
    /// `business_hours`); a date-only entry counts as `deadline(from:hours:)` says.
    public func fixDeadline(_ entry: FeedbackEntry) -> LocalDateTime? {
        guard entry.handling == .fix, let date = entry.date else { return nil }
        let start = entry.time.map { LocalDateTime(date: date, minutes: $0) } ?? LocalDateTime(date: date, minutes: 0, hasTime: false)
        return deadline(from: start, hours: configuration.feedbackFixHours)
    }

    /// A resolved item is confirmed with the customer within 3 days.
    public func confirmDeadline(_ entry: FeedbackEntry) -> LocalDate? {
        entry.resolved.map { $0.adding(days: configuration.feedbackConfirmDays) }
    }

    /// When feedback is answered (`resolved`), by its handling: `fix` within
    /// `feedback.fix_hours`; `negotiate` and `decline` by the entry's own `due`, else the end of
    /// the day `feedback.negotiate_days` / `feedback.decline_days` after the feedback's day.
    /// Nil without a handling or a date.
    public func answerDeadline(_ entry: FeedbackEntry) -> LocalDateTime? {
        guard let handling = entry.handling, let date = entry.date else { return nil }
        switch handling {
        case .fix: return fixDeadline(entry)
        case .negotiate, .decline:
            if let due = entry.due { return Self.endOfDay(due) }
            let days = handling == .negotiate ? configuration.feedbackNegotiateDays : configuration.feedbackDeclineDays
            return Self.endOfDay(date.adding(days: days))
        }
    }

    /// Feedback without a handling is given one (fix, negotiate or decline) by the end of the
    /// day `feedback.handling_days` after it came. Nil once it has one, or without a date.
    public func handlingDeadline(_ entry: FeedbackEntry) -> LocalDate? {
        guard entry.handling == nil, let date = entry.date else { return nil }
        return date.adding(days: configuration.feedbackHandlingDays)
    }

    /// A step of the feedback loop given after its deadline, or still not given past it.
    public struct LateStep: Sendable, Equatable {
        /// `handling`: a handling still to decide (never done late: once written it is an answer to give).
        public enum Step: String, Sendable { case answer, confirmation, handling }
        public var step: Step
        public var due: LocalDateTime
        /// The day it was done; nil while it is still open.
        public var done: LocalDate?
        /// Whole days after the deadline's day (at least 1): to the day it was done, or to
        /// `asOf`'s day while it is open.
        public var daysLate: Int
    }

    /// The steps of one feedback entry late by `asOf`'s day: an answer (`resolved`) after
    /// `answerDeadline`'s day, a confirmation after `confirmDeadline`; and the steps still open
    /// past their deadline's day (no answer, no confirmation, no handling decided). Dates are
    /// days, so a step done on the deadline's day is on time, and an open one is late from the
    /// next day on. Only what is written by `asOf` counts as done.
    public func lateSteps(_ entry: FeedbackEntry, asOf: LocalDate) -> [LateStep] {
        var late: [LateStep] = []
        let resolved = entry.resolved.flatMap { $0 <= asOf ? $0 : nil }
        if let entryDate = entry.date, entryDate <= asOf, resolved == nil {
            if let due = answerDeadline(entry), asOf > due.date {
                late.append(LateStep(step: .answer, due: due, done: nil, daysLate: asOf.dayNumber - due.date.dayNumber))
            } else if let decide = handlingDeadline(entry), asOf > decide {
                late.append(LateStep(step: .handling, due: Self.endOfDay(decide), done: nil, daysLate: asOf.dayNumber - decide.dayNumber))
            }
        }
        if let resolved, let due = answerDeadline(entry), resolved > due.date {
            late.append(LateStep(step: .answer, due: due, done: resolved, daysLate: resolved.dayNumber - due.date.dayNumber))
        }
        if let resolved, let due = confirmDeadline(entry) {
            if let confirmed = entry.confirmed, confirmed <= asOf {
                if confirmed > due {
                    late.append(LateStep(step: .confirmation, due: Self.endOfDay(due), done: confirmed, daysLate: confirmed.dayNumber - due.dayNumber))
                }
            } else if asOf > due, resolved <= asOf {
                late.append(LateStep(step: .confirmation, due: Self.endOfDay(due), done: nil, daysLate: asOf.dayNumber - due.dayNumber))
            }
        }
        return late
    }
}
