import LeadbookText

/// `leadbook explain`: why a customer has its grade, whether it passes screening, its SLA,
/// cadence, stage and what is due next, with the numbers from leadbook.yml.
public enum Explanation {
    private typealias Words = Wording<Explanation>

    public static func text(_ customer: Customer, path: String, configuration: Configuration, asOf: LocalDateTime) -> String {
        let policy = TimePolicy(configuration)
        let scoring = configuration.scoring
        var lines: [String] = ["\(customer.id ?? "?") \(customer.name ?? "")  (\(path))", Words.asOf(asOf).text, ""]

        lines.append(Words.gradeHeading.text)
        if let score = customer.score, let total = score.total {
            let grade = scoring.grade(forTotal: total)
            lines.append(Words.size(score.size!, of: scoring.maxSize).text)
            lines.append(Words.budget(score.budget!, of: scoring.maxBudget).text)
            lines.append(Words.urgency(score.urgency!, of: scoring.maxUrgency).text)
            lines.append(Words.decision(score.decision!, of: scoring.maxDecision).text)
            lines.append(Words.total(total, of: scoring.maxSize + scoring.maxBudget + scoring.maxUrgency + scoring.maxDecision).text)
            lines.append(Words.grade(grade, thresholdText(total, scoring)).text)
            if let written = customer.grade, written != grade {
                lines.append(Words.staleGrade(written, grade).text)
            }
            if let reviewer = score.reviewedBy {
                lines.append(Words.reviewed(by: reviewer, on: score.reviewed).text)
            } else {
                lines.append(Words.notReviewed.text)
            }
        } else if let proposal = ScoreProposal.propose(customer, configuration) {
            lines.append(Words.proposed(proposal.summary, proposal.score.total!, scoring.grade(forTotal: proposal.score.total!)).text)
            for reason in proposal.reasons { lines.append("    " + reason) }
        } else {
            lines.append(Words.noScore(scoring).text)
            if let working = DerivedValues.workingGrade(customer, configuration) {
                lines.append((customer.grade != nil ? Words.workedAsWritten(working) : Words.workedAsIntent(working, customer.intent!)).text)
            }
        }
        if let regrade = policy.regradeDue(customer) {
            lines.append(Words.regrade(every: regrade.days, due: regrade.due, overdue: regrade.due < asOf.date).text)
        }

        lines.append("")
        lines.append(Words.screeningHeading.text)
        let screening = ScreeningResult.screen(customer, configuration)
        lines.append("  \(screening.outcome.rawValue)" + (screening.industry.map { " (\($0))" } ?? ""))
        for reason in screening.reasons { lines.append("  - " + reason) }

        lines.append("")
        lines.append(Words.slaHeading.text)
        if let sla = policy.sla(customer) {
            lines.append(Words.slaWindow(customer.intent!, hours: sla.hours, from: customer.created!, by: sla.deadline).text)
            lines.append(Words.assigned.text + momentText(sla.assigned, sla.deadline, asOf))
            lines.append(Words.firstFollowUp.text + momentText(sla.firstContact, sla.deadline, asOf))
        } else {
            lines.append(Words.slaNeeds.text)
        }

        lines.append("")
        lines.append(Words.cadenceHeading.text)
        if !customer.isOpen {
            lines.append(Words.closedNoFollowUps(customer.status?.rawValue ?? "merged").text)
        } else if let cadence = policy.cadence(customer) {
            let grade = DerivedValues.workingGrade(customer, configuration)?.rawValue ?? "?"
            lines.append(Words.cadence(grade, every: cadence.days).text)
            lines.append(Words.lastContact(cadence.lastContact).text)
            if let next = cadence.plannedNext { lines.append(Words.plannedNext(next).text) }
            if let due = cadence.due {
                lines.append(Words.nextFollowUp(due, overdueDays: due < asOf.date ? asOf.date.dayNumber - due.dayNumber : nil).text)
            }
        }

        lines.append("")
        lines.append(Words.stageHeading.text)
        if let stage = policy.stage(customer) {
            lines.append(Words.stage(stage, from: customer.status!).text)
        } else {
            lines.append((customer.status.map { Words.closed($0) } ?? Words.noStatus).text)
        }
        if let first = policy.firstStage(customer) {
            let limit = Words.firstStageLimit(first.limitDays, from: first.start, by: first.deadline).text
            if let left = first.left {
                lines.append("  \(limit): " + (left <= first.deadline ? Words.leftWithin(left) : Words.leftOver(left)).text)
            } else {
                lines.append("  \(limit): " + (asOf.date > first.deadline ? Words.overLimit : Words.stillWithin).text)
            }
        }

        let openTodos = customer.followUps.flatMap(\.todos).filter { !$0.done }
        if !openTodos.isEmpty {
            lines.append("")
            lines.append(Words.todosHeading.text)
            for todo in openTodos {
                lines.append("  \(todo.date?.description ?? Words.noDate.text) \(todo.text)\(todo.owner.map { " @" + $0 } ?? "")")
            }
        }
        let openFeedback = customer.feedback.filter { $0.confirmed == nil }
        if !openFeedback.isEmpty {
            lines.append("")
            lines.append(Words.feedbackHeading.text)
            for entry in openFeedback {
                var line = "  \(entry.date?.description ?? "?") \(entry.summary)"
                if entry.resolved == nil, let deadline = policy.fixDeadline(entry) {
                    line += Words.answerBy(deadline, overdue: asOf > deadline).text
                } else if let resolved = entry.resolved, let deadline = policy.confirmDeadline(entry) {
                    line += Words.confirmBy(resolved, deadline, overdue: asOf.date > deadline).text
                }
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func thresholdText(_ total: Int, _ scoring: Configuration.Scoring) -> String {
        let grade = scoring.grade(forTotal: total)
        switch grade {
        case .S: return "\(total) >= \(scoring.gradeS)"
        case .A: return "\(scoring.gradeA) <= \(total) < \(scoring.gradeS)"
        case .B: return "\(scoring.gradeB) <= \(total) < \(scoring.gradeA)"
        case .C: return "\(total) < \(scoring.gradeB)"
        }
    }

    public static func momentText(_ moment: LocalDateTime?, _ deadline: LocalDateTime, _ asOf: LocalDateTime) -> String {
        guard let moment else { return (asOf > deadline ? Words.notYetMissed : Words.notYet).text }
        let minutes = moment.minuteNumber - deadline.minuteNumber
        if minutes <= 0 { return Words.met(moment).text }
        return Words.missed(moment, by: DurationText.minutes(minutes)).text
    }
}

extension Wording where Of == Explanation {
    public static func asOf(_ moment: LocalDateTime) -> Self { Self("as of \(moment)") }

    public static let gradeHeading = Self("Grade")
    public static func size(_ points: Int, of most: Int) -> Self { Self("  size      \(points) / \(most)") }
    public static func budget(_ points: Int, of most: Int) -> Self { Self("  budget    \(points) / \(most)") }
    public static func urgency(_ points: Int, of most: Int) -> Self { Self("  urgency   \(points) / \(most)") }
    public static func decision(_ points: Int, of most: Int) -> Self { Self("  decision  \(points) / \(most)") }
    public static func total(_ points: Int, of most: Int) -> Self { Self("  total     \(points) / \(most)") }
    public static func grade(_ grade: Grade, _ threshold: String) -> Self { Self("  grade     \(grade.rawValue): " + threshold) }

    public static func staleGrade(_ written: Grade, _ grade: Grade) -> Self {
        Self("  the file says \(written.rawValue): stale, `leadbook sync` writes \(grade.rawValue)")
    }

    public static func reviewed(by reviewer: String, on date: LocalDate?) -> Self {
        Self("  reviewed by \(reviewer)\(date.map { " on \($0)" } ?? "")")
    }

    public static let notReviewed = Self("  not reviewed by a manager yet (no score.reviewed_by)")

    public static func proposed(_ summary: String, _ total: Int, _ grade: Grade) -> Self {
        Self("  no score; scoring.rules propose \(summary) = \(total) -> \(grade.rawValue) (not reviewed):")
    }

    public static func noScore(_ scoring: Configuration.Scoring) -> Self {
        Self("  no score: add score {size, budget, urgency, decision} (maxima \(scoring.maxSize)/\(scoring.maxBudget)/\(scoring.maxUrgency)/\(scoring.maxDecision))")
    }

    public static func workedAsWritten(_ grade: Grade) -> Self { Self("  worked as \(grade.rawValue) (from the grade written)") }
    public static func workedAsIntent(_ grade: Grade, _ intent: Intent) -> Self { Self("  worked as \(grade.rawValue) (from intent \(intent.rawValue))") }

    public static func regrade(every days: Int, due: LocalDate, overdue: Bool) -> Self {
        Self("  re-grade every \(days) days: due \(due)\(overdue ? " (overdue)" : "")")
    }

    public static let screeningHeading = Self("Screening")

    public static let slaHeading = Self("SLA (assignment and first follow-up)")

    public static func slaWindow(_ intent: Intent, hours: Int, from created: LocalDateTime, by deadline: LocalDateTime) -> Self {
        Self("  intent \(intent.rawValue): within \(hours) h of \(created), by \(deadline)")
    }

    public static let assigned = Self("  assigned        ")
    public static let firstFollowUp = Self("  first follow-up ")
    public static let slaNeeds = Self("  needs intent and created")
    public static let notYet = Self("not yet")
    public static let notYetMissed = Self("not yet: missed")
    public static func met(_ moment: LocalDateTime) -> Self { Self("\(moment): met") }
    public static func missed(_ moment: LocalDateTime, by duration: String) -> Self { Self("\(moment): missed by \(duration)") }

    public static let cadenceHeading = Self("Cadence")
    public static func closedNoFollowUps(_ status: String) -> Self { Self("  closed (\(status)): no follow-ups due") }

    public static func cadence(_ grade: String, every days: Int) -> Self {
        Self("  \(grade): every \(days) day\(days == 1 ? "" : "s") since the last entry")
    }

    public static func lastContact(_ date: LocalDate?) -> Self { Self("  last contact    \(date?.description ?? "none yet")") }
    public static func plannedNext(_ date: LocalDate) -> Self { Self("  planned next    \(date)") }

    public static func nextFollowUp(_ due: LocalDate, overdueDays: Int?) -> Self {
        Self("  next follow-up  \(due)\(overdueDays.map { " (overdue by \($0) days)" } ?? "")")
    }

    public static let stageHeading = Self("Stage")
    public static func stage(_ stage: Stage, from status: Status) -> Self { Self("  \(stage.rawValue) (\(stage.label)), from status \(status.rawValue)") }
    public static func closed(_ status: Status) -> Self { Self("  closed: \(status.rawValue)") }
    public static let noStatus = Self("  unknown (no status)")

    public static func firstStageLimit(_ days: Int, from start: LocalDate, by deadline: LocalDate) -> Self {
        Self("initial contact at most \(days) days from \(start) (by \(deadline))")
    }

    public static func leftWithin(_ left: LocalDate) -> Self { Self("left on \(left), within the limit") }
    public static func leftOver(_ left: LocalDate) -> Self { Self("left on \(left), over the limit") }
    public static let overLimit = Self("over the limit")
    public static let stillWithin = Self("still within")

    public static let todosHeading = Self("Open to-dos")
    public static let noDate = Self("(no date)")
    public static let feedbackHeading = Self("Open feedback")

    public static func answerBy(_ deadline: LocalDateTime, overdue: Bool) -> Self {
        Self(": fix, answer by \(deadline)\(overdue ? " (overdue)" : "")")
    }

    public static func confirmBy(_ resolved: LocalDate, _ deadline: LocalDate, overdue: Bool) -> Self {
        Self(": resolved \(resolved), confirm by \(deadline)\(overdue ? " (overdue)" : "")")
    }
}

/// "2 h 30 min", "3 days 4 h".
public enum DurationText {
    public static func minutes(_ minutes: Int) -> String {
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        var parts: [String] = []
        if days > 0 { parts.append(Wording<DurationText>.days(days).text) }
        if hours > 0 { parts.append(Wording<DurationText>.hours(hours).text) }
        if rest > 0 && days == 0 { parts.append(Wording<DurationText>.minutes(rest).text) }
        return parts.isEmpty ? Wording<DurationText>.minutes(0).text : parts.joined(separator: " ")
    }
}

extension Wording where Of == DurationText {
    public static func days(_ count: Int) -> Self { Self("\(count) day\(count == 1 ? "" : "s")") }
    public static func hours(_ count: Int) -> Self { Self("\(count) h") }
    public static func minutes(_ count: Int) -> Self { Self("\(count) min") }
}
