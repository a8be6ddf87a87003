import LeadbookText

/// `leadbook explain`: why a customer has its grade, whether it passes screening, its SLA,
/// cadence, stage and what is due next, with the numbers from leadbook.yml.
public enum Explanation {
    public static func text(_ customer: Customer, path: String, configuration: Configuration, asOf: LocalDateTime) -> String {
        let policy = TimePolicy(configuration)
        let scoring = configuration.scoring
        var lines: [String] = ["\(customer.id ?? "?") \(customer.name ?? "")  (\(path))", "as of \(asOf)", ""]

        lines.append("Grade")
        if let score = customer.score, let total = score.total {
            let grade = scoring.grade(forTotal: total)
            lines.append("  size      \(score.size!) / \(scoring.maxSize)")
            lines.append("  budget    \(score.budget!) / \(scoring.maxBudget)")
            lines.append("  urgency   \(score.urgency!) / \(scoring.maxUrgency)")
            lines.append("  decision  \(score.decision!) / \(scoring.maxDecision)")
            lines.append("  total     \(total) / \(scoring.maxSize + scoring.maxBudget + scoring.maxUrgency + scoring.maxDecision)")
            lines.append("  grade     \(grade.rawValue): " + thresholdText(total, scoring))
            if let written = customer.grade, written != grade {
                lines.append("  the file says \(written.rawValue): stale, `leadbook sync` writes \(grade.rawValue)")
            }
            if let reviewer = score.reviewedBy {
                lines.append("  reviewed by \(reviewer)\(score.reviewed.map { " on \($0)" } ?? "")")
            } else {
                lines.append("  not reviewed by a manager yet (no score.reviewed_by)")
            }
        } else if let proposal = ScoreProposal.propose(customer, configuration) {
            lines.append("  no score; scoring.rules propose \(proposal.summary) = \(proposal.score.total!) -> \(scoring.grade(forTotal: proposal.score.total!).rawValue) (not reviewed):")
            for reason in proposal.reasons { lines.append("    " + reason) }
        } else {
            lines.append("  no score: add score {size, budget, urgency, decision} (maxima \(scoring.maxSize)/\(scoring.maxBudget)/\(scoring.maxUrgency)/\(scoring.maxDecision))")
            if let working = DerivedValues.workingGrade(customer, configuration) {
                lines.append("  worked as \(working.rawValue) (from \(customer.grade != nil ? "the grade written" : "intent \(customer.intent!.rawValue)"))")
            }
        }
        if let regrade = policy.regradeDue(customer) {
            lines.append("  re-grade every \(regrade.days) days: due \(regrade.due)\(regrade.due < asOf.date ? " (overdue)" : "")")
        }

        lines.append("")
        lines.append("Screening")
        let screening = ScreeningResult.screen(customer, configuration)
        lines.append("  \(screening.outcome.rawValue)" + (screening.industry.map { " (\($0))" } ?? ""))
        for reason in screening.reasons { lines.append("  - " + reason) }

        lines.append("")
        lines.append("SLA (assignment and first follow-up)")
        if let sla = policy.sla(customer) {
            lines.append("  intent \(customer.intent!.rawValue): within \(sla.hours) h of \(customer.created!), by \(sla.deadline)")
            lines.append("  assigned        " + momentText(sla.assigned, sla.deadline, asOf))
            lines.append("  first follow-up " + momentText(sla.firstContact, sla.deadline, asOf))
        } else {
            lines.append("  needs intent and created")
        }

        lines.append("")
        lines.append("Cadence")
        if !customer.isOpen {
            lines.append("  closed (\(customer.status?.rawValue ?? "merged")): no follow-ups due")
        } else if let cadence = policy.cadence(customer) {
            let grade = DerivedValues.workingGrade(customer, configuration)?.rawValue ?? "?"
            lines.append("  \(grade): every \(cadence.days) day\(cadence.days == 1 ? "" : "s") since the last entry")
            lines.append("  last contact    \(cadence.lastContact?.description ?? "none yet")")
            if let next = cadence.plannedNext { lines.append("  planned next    \(next)") }
            if let due = cadence.due {
                lines.append("  next follow-up  \(due)\(due < asOf.date ? " (overdue by \(asOf.date.dayNumber - due.dayNumber) days)" : "")")
            }
        }

        lines.append("")
        lines.append("Stage")
        if let stage = policy.stage(customer) {
            lines.append("  \(stage.rawValue) (\(stage.label)), from status \(customer.status!.rawValue)")
        } else {
            lines.append("  \(customer.status.map { "closed: \($0.rawValue)" } ?? "unknown (no status)")")
        }
        if let first = policy.firstStage(customer) {
            let limit = "initial contact at most \(first.limitDays) days from \(first.start) (by \(first.deadline))"
            if let left = first.left {
                lines.append("  \(limit): left on \(left), \(left <= first.deadline ? "within" : "over") the limit")
            } else {
                lines.append("  \(limit): \(asOf.date > first.deadline ? "over the limit" : "still within")")
            }
        }

        let openTodos = customer.followUps.flatMap(\.todos).filter { !$0.done }
        if !openTodos.isEmpty {
            lines.append("")
            lines.append("Open to-dos")
            for todo in openTodos {
                lines.append("  \(todo.date?.description ?? "(no date)") \(todo.text)\(todo.owner.map { " @" + $0 } ?? "")")
            }
        }
        let openFeedback = customer.feedback.filter { $0.confirmed == nil }
        if !openFeedback.isEmpty {
            lines.append("")
            lines.append("Open feedback")
            for entry in openFeedback {
                var line = "  \(entry.date?.description ?? "?") \(entry.summary)"
                if entry.resolved == nil, let deadline = policy.fixDeadline(entry) {
                    line += ": fix, answer by \(deadline)\(asOf > deadline ? " (overdue)" : "")"
                } else if let resolved = entry.resolved, let deadline = policy.confirmDeadline(entry) {
                    line += ": resolved \(resolved), confirm by \(deadline)\(asOf.date > deadline ? " (overdue)" : "")"
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
        guard let moment else { return asOf > deadline ? "not yet: missed" : "not yet" }
        let minutes = moment.minuteNumber - deadline.minuteNumber
        if minutes <= 0 { return "\(moment): met" }
        return "\(moment): missed by \(DurationText.minutes(minutes))"
    }
}

/// "2 h 30 min", "3 days 4 h".
public enum DurationText {
    public static func minutes(_ minutes: Int) -> String {
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        var parts: [String] = []
        if days > 0 { parts.append("\(days) day\(days == 1 ? "" : "s")") }
        if hours > 0 { parts.append("\(hours) h") }
        if rest > 0 && days == 0 { parts.append("\(rest) min") }
        return parts.isEmpty ? "0 min" : parts.joined(separator: " ")
    }
}
