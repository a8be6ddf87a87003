import LeadbookText

// Stage limits for every stage by grade (leadbook.yml `first_stage_days`, `stage_days`) as
// agenda items (`stage`) and in `explain`, and the follow-ups of each stage counted against the
// toolkit's most (`stage_follow_ups`, rule `stage-follow-ups`).

extension TimePolicy {
    /// The stage a status stands for, without nurture (which depends on the plan).
    public static func stage(of status: Status) -> Stage? {
        switch status {
        case .untouched, .contacted: return .initialContact
        case .qualified: return .needsDeepening
        case .proposal: return .solutionComparison
        case .negotiation: return .negotiation
        case .won, .lost: return nil
        }
    }

    public struct StageLimit {
        public var stage: Stage
        public var grade: Grade
        public var limitDays: Int
        public var start: LocalDate
        public var deadline: LocalDate
    }

    /// The limit of the stage an open customer is in now, while it has not left it: initial
    /// contact from assignment (`firstStage`), a later stage from the follow-up that moved the
    /// customer into it (else the last follow-up). Nurture has no limit.
    public func stageLimit(_ customer: Customer) -> StageLimit? {
        guard customer.isOpen, let stage = stage(customer), stage != .nurture,
              let grade = DerivedValues.workingGrade(customer, configuration) else { return nil }
        if stage == .initialContact {
            guard let first = firstStage(customer), first.left == nil else { return nil }
            return StageLimit(stage: stage, grade: grade, limitDays: first.limitDays, start: first.start, deadline: first.deadline)
        }
        guard let days = configuration.stageDays(stage, grade), let start = stageStart(customer, stage) else { return nil }
        return StageLimit(stage: stage, grade: grade, limitDays: days, start: start, deadline: start.adding(days: days))
    }

    /// The earliest day the customer can be shown to be in `stage`: the follow-up whose
    /// `status:` moved it there (the first entry of the last run of statuses of that stage).
    /// When only the front matter says so (an imported lead, a status edited there), the
    /// follow-up after the last `status:` of another stage (that entry still said another
    /// stage; the entry itself when none follows); with no `status:` in the log at all,
    /// assignment, else capture, else the first follow-up. Never the last follow-up: the
    /// window would start again with every contact.
    func stageStart(_ customer: Customer, _ stage: Stage) -> LocalDate? {
        var current: Stage?
        var start: LocalDate?
        var lastChange: Int?
        for (index, entry) in customer.followUps.enumerated() {
            guard let status = entry.status else { continue }
            lastChange = index
            let entered = Self.stage(of: status)
            if entered != current {
                current = entered
                start = entry.date
            }
        }
        if current == stage, let start { return start }
        if let lastChange {
            let next = lastChange + 1
            return customer.followUps[next < customer.followUps.count ? next : lastChange].date
        }
        return (customer.assigned ?? customer.created)?.date ?? customer.followUps.first?.date
    }

    /// The follow-ups of each stage in log order: an entry counts in the stage the customer was
    /// in when it was made (its own `status:` moves the ones after it); a log without any
    /// `status:` is all in the stage of the front matter's status. C leads whose plan ends in
    /// nurture count in nurture before needs are clear; nothing counts once won or lost.
    /// Handed each entry with its stage and its number in that stage; returns the stage after
    /// the last entry (nil once won or lost).
    @discardableResult
    public func stageFollowUps(_ customer: Customer, _ visit: (FollowUp, Stage, Int) -> Void) -> Stage? {
        var stage: Stage? = .initialContact
        if !customer.followUps.contains(where: { $0.status != nil }) {
            stage = self.stage(customer)
        } else if customer.plan.last?.stage == .nurture, DerivedValues.workingGrade(customer, configuration) == .C {
            stage = .nurture
        }
        var counts: [Stage: Int] = [:]
        for entry in customer.followUps {
            if let current = stage {
                let count = counts[current, default: 0] + 1
                counts[current] = count
                visit(entry, current, count)
            }
            if let status = entry.status {
                let next = Self.stage(of: status)
                if !(next == .initialContact && stage == .nurture) { stage = next }
                if status.isClosed { stage = nil }
            }
        }
        return stage
    }
}

extension Agenda.Scope {
    /// The rhythm, the plan's points and the limit of the current stage of an open customer.
    func followThroughItems(_ customer: Customer, _ add: (Agenda.Kind, LocalDateTime, Phrase, String?) -> Void) {
        rhythmItems(customer, add)
        planItems(customer, add)
        if let limit = policy.stageLimit(customer) {
            add(.stage, TimePolicy.endOfDay(limit.deadline), Wording<Agenda>.stageLimit(limit).phrase, customer.owner)
        }
    }
}

extension Stage {
    /// `initial contact`, `needs deepening`: the value as words.
    public var words: String { rawValue.split(separator: "-").joined(separator: " ") }
}

extension Wording where Of == Agenda {
    /// `needs deepening at most 14 days for B, since 2024-03-04`.
    public static func stageLimit(_ limit: TimePolicy.StageLimit) -> Self {
        Self("\(limit.stage.words) at most \(limit.limitDays) days for \(limit.grade.rawValue), since \(limit.start)",
             "\(limit.grade.rawValue) 级\(limit.stage.label)最多 \(limit.limitDays) 天，\(limit.start) 起")
    }
}

extension Explanation {
    /// Under "Stage": the limit of a later stage, the follow-ups of the current stage against
    /// the most the toolkit plans, and those of each stage already left (which `check` does
    /// not report: the log is append-only).
    static func stageLines(_ customer: Customer, _ policy: TimePolicy, asOf: LocalDateTime, late: (Wording<Explanation>) -> Phrase) -> [Phrase] {
        var lines: [Phrase] = []
        if let limit = policy.stageLimit(customer), limit.stage != .initialContact {
            let head = Phrase(verbatim: "  ") + Words.stageLimit(limit).phrase + Words.separator.phrase
            lines.append(head + (asOf.date > limit.deadline ? late(Words.overLimit) : Words.stillWithin.phrase))
        }
        // Each stage in the order the log reached it, with its follow-ups.
        var order: [Stage] = []
        var counts: [Stage: Int] = [:]
        let after = policy.stageFollowUps(customer) { _, stage, number in
            if number == 1, counts[stage] == nil { order.append(stage) }
            counts[stage, default: 0] += 1
        }
        let current = customer.isOpen ? policy.stage(customer) : nil
        let mosts = policy.configuration.stageFollowUps
        func over(_ count: Int, _ most: Int?) -> Phrase {
            guard let most, count > most else { return .empty }
            return Words.separator.phrase + late(Words.overMost)
        }
        // The stage the log ends in is not left while the front matter has not caught up.
        let behind = current.flatMap { current in after.map { TimePolicy.rank($0) > TimePolicy.rank(current) } } ?? false
        for stage in order where stage != current && !(behind && stage == after) {
            let count = counts[stage, default: 0]
            lines.append(Phrase(verbatim: "  ") + Words.stageLeft(stage, count, most: mosts[stage]).phrase + over(count, mosts[stage]))
        }
        guard let current, let most = mosts[current] else { return lines }
        let count = counts[current, default: 0]
        let words = Words.stageFollowUps(count, most: most)
        lines.append(Phrase(verbatim: "  ") + (count > most ? late(words) + over(count, most) : words.phrase))
        return lines
    }
}

extension Wording where Of == Explanation {
    public static func stageLimit(_ limit: TimePolicy.StageLimit) -> Self {
        Self("\(limit.stage.words) at most \(limit.limitDays) days from \(limit.start) (by \(limit.deadline))",
             "\(limit.stage.label)从 \(limit.start) 起最多 \(limit.limitDays) 天（\(limit.deadline) 前）")
    }

    public static let overMost = Self("over the maximum", "超过上限")

    /// A stage already left: `initial contact: 4 follow-ups before it was left, at most 3`.
    public static func stageLeft(_ stage: Stage, _ count: Int, most: Int?) -> Self {
        Self("\(stage.words): \(count) follow-up\(count == 1 ? "" : "s") before it was left" + (most.map { ", at most \($0)" } ?? ""),
             "\(stage.label)：离开前跟进 \(count) 次" + (most.map { "，最多 \($0) 次" } ?? ""))
    }

    public static func stageFollowUps(_ count: Int, most: Int) -> Self {
        Self("\(count) follow-up\(count == 1 ? "" : "s") in this stage, at most \(most)", "本阶段已跟进 \(count) 次，最多 \(most) 次")
    }
}
