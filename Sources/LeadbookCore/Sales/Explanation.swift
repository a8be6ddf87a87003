import LeadbookText

/// `leadbook explain`: why a customer has its grade, whether it passes screening, its SLA,
/// cadence, stage and what is due next, with the numbers from leadbook.yml.
public enum Explanation {
    typealias Words = Wording<Explanation>

    /// The explanation in `style`'s language; what is late (overdue, missed, over a limit) in
    /// colour when the style has colour.
    public static func text(_ customer: Customer, path: String, configuration: Configuration, asOf: LocalDateTime,
                            style: ViewStyle) -> String {
        let policy = TimePolicy(configuration)
        let language = style.language
        func late(_ words: Words) -> Phrase { words.phrase.map { style.paint($0, ViewStyle.lateColor) } }
        var lines: [Phrase] = [Words.title(customer.id ?? "?", customer.name ?? "", path).phrase, Words.asOf(asOf).phrase, .empty]
        // Captured later: nobody knew of it then, so there was nothing to grade, screen or keep.
        if customer.isLater(than: asOf), let created = customer.created {
            lines[2] = Words.capturedLater(created).phrase
            return lines.map { $0.text(language) }.joined(separator: "\n") + "\n"
        }
        // As known at that moment: what the file says of later moments is left out.
        let customer = customer.known(at: asOf)

        lines.append(Words.gradeHeading.phrase)
        lines += gradeLines(customer, configuration: configuration, asOf: asOf, late: late)
        if let regrade = policy.regradeDue(customer) {
            lines.append(Words.regrade(every: regrade.days, due: regrade.due).phrase + (regrade.due < asOf.date ? late(Words.overdue) : .empty))
        }

        lines.append(.empty)
        lines.append(Words.screeningHeading.phrase)
        let screening = ScreeningResult.screen(customer, configuration)
        lines.append(Words.screening(screening.outcome, industry: screening.industry).phrase)
        for reason in screening.reasonPhrases { lines.append(Phrase(verbatim: "  - ") + reason) }

        lines.append(.empty)
        lines.append(Words.slaHeading.phrase)
        if let sla = policy.sla(customer) {
            lines.append(Words.slaWindow(customer.intent!, hours: sla.hours, from: customer.created!, by: sla.deadline,
                                          working: configuration.businessHours != nil).phrase)
            lines.append(Words.assigned.phrase + momentText(sla.assigned, sla.deadline, asOf, late))
            lines.append(Words.firstFollowUp.phrase + momentText(sla.firstContact, sla.deadline, asOf, late))
        } else {
            lines.append(Words.slaNeeds.phrase)
        }

        lines.append(.empty)
        lines.append(Words.cadenceHeading.phrase)
        if !customer.isOpen {
            lines.append(Words.closedNoFollowUps(customer.status).phrase)
        } else if let cadence = policy.cadence(customer) {
            let grade = DerivedValues.workingGrade(customer, configuration)?.rawValue ?? "?"
            lines.append(Words.cadence(grade, every: cadence.days).phrase)
            lines.append(Words.lastContact(cadence.lastContact).phrase)
            if let next = cadence.plannedNext { lines.append(Words.plannedNext(next).phrase) }
            if let due = cadence.due {
                let overdue = due < asOf.date ? late(Words.overdueBy(days: asOf.date.dayNumber - due.dayNumber)) : .empty
                lines.append(Words.nextFollowUp(due).phrase + overdue)
            }
            lines += rhythmLines(customer, policy, asOf: asOf, late: late)
        }

        lines.append(.empty)
        lines.append(Words.stageHeading.phrase)
        if let stage = policy.stage(customer) {
            lines.append(Words.stage(stage, from: customer.status!).phrase)
        } else {
            lines.append((customer.status.map { Words.closed($0) } ?? Words.noStatus).phrase)
        }
        if let first = policy.firstStage(customer) {
            let limit = Phrase(verbatim: "  ") + Words.firstStageLimit(first.limitDays, from: first.start, by: first.deadline).phrase + Words.separator.phrase
            if let left = first.left {
                lines.append(limit + (left <= first.deadline ? Words.leftWithin(left).phrase : late(Words.leftOver(left))))
            } else {
                lines.append(limit + (asOf.date > first.deadline ? late(Words.overLimit) : Words.stillWithin.phrase))
            }
        }
        lines += stageLines(customer, policy, asOf: asOf, late: late)

        let openTodos = customer.followUps.flatMap(\.todos).filter { !$0.done }
        if !openTodos.isEmpty {
            lines.append(.empty)
            lines.append(Words.todosHeading.phrase)
            for todo in openTodos {
                lines.append(Phrase(verbatim: "  ") + (todo.date.map { Phrase(verbatim: $0.description) } ?? Words.noDate.phrase)
                             + " \(todo.text)\(todo.owner.map { " @" + $0 } ?? "")\(todo.requester.map { " ^" + $0 } ?? "")")
            }
        }
        let openFeedback = customer.feedback.filter { $0.confirmed == nil }
        if !openFeedback.isEmpty {
            lines.append(.empty)
            lines.append(Words.feedbackHeading.phrase)
            for entry in openFeedback {
                // When it came: its date, and its time when the heading has one.
                let came = entry.date.map { LocalDateTime(date: $0, minutes: entry.time ?? 0, hasTime: entry.time != nil).description }
                var line = Phrase(verbatim: "  \(came ?? "?") \(entry.summary)")
                if entry.resolved == nil, let deadline = policy.fixDeadline(entry) {
                    line += Words.answerBy(deadline).phrase + (asOf > deadline ? late(Words.overdue) : .empty)
                } else if entry.resolved == nil, let handling = entry.handling, let deadline = policy.answerDeadline(entry) {
                    line += Words.answerBy(deadline.date, handling).phrase + (asOf > deadline ? late(Words.overdue) : .empty)
                } else if entry.resolved == nil, let decide = policy.handlingDeadline(entry) {
                    line += Words.decideBy(decide).phrase + (asOf.date > decide ? late(Words.overdue) : .empty)
                } else if let resolved = entry.resolved, let deadline = policy.confirmDeadline(entry) {
                    line += Words.confirmBy(resolved, deadline).phrase + (asOf.date > deadline ? late(Words.overdue) : .empty)
                }
                lines.append(line)
            }
        }
        return lines.map { $0.text(language) }.joined(separator: "\n") + "\n"
    }

    /// The lines under "Grade": the points of each dimension against its maximum, the total,
    /// the grade and its threshold, a stale written grade and the review (or the proposed score,
    /// or what is missing). The editor's hover on `score` and `grade` shows them too.
    /// With `asOf`, a review deadline already past is marked overdue (painted by `late`).
    public static func gradeLines(_ customer: Customer, configuration: Configuration, asOf: LocalDateTime? = nil,
                                  late: ((Wording<Explanation>) -> Phrase)? = nil) -> [Phrase] {
        let scoring = configuration.scoring
        var lines: [Phrase] = []
        if let score = customer.score, let total = score.total {
            let grade = scoring.grade(forTotal: total)
            lines.append(Words.points(Words.size, score.size!, of: scoring.maxSize).phrase)
            lines.append(Words.points(Words.budget, score.budget!, of: scoring.maxBudget).phrase)
            lines.append(Words.points(Words.urgency, score.urgency!, of: scoring.maxUrgency).phrase)
            lines.append(Words.points(Words.decision, score.decision!, of: scoring.maxDecision).phrase)
            lines.append(Words.points(Words.total, total, of: scoring.maxSize + scoring.maxBudget + scoring.maxUrgency + scoring.maxDecision).phrase)
            lines.append(Words.grade(grade, thresholdText(total, scoring)).phrase)
            if let written = customer.grade, written != grade {
                lines.append(Words.staleGrade(written, grade).phrase)
            }
            if let reviewer = score.reviewedBy, !reviewer.isEmpty {
                if ScoreReview.isReviewed(score, configuration) {
                    lines.append(Words.reviewed(by: reviewer, on: score.reviewed).phrase)
                } else {
                    let roles = ScoreReview.rolesPhrase(configuration.scoreReviewRoles)
                    let role = configuration.member(named: reviewer)?.role
                    lines.append(Words.reviewDoesNotCount(by: reviewer, on: score.reviewed, role: role, reviewers: roles).phrase)
                }
            } else if let date = score.reviewed {
                lines.append(Words.reviewedByNobody(date).phrase)
            } else {
                lines.append(Words.notReviewed.phrase)
            }
            if let due = ScoreReview.due(customer, configuration) {
                let overdue = asOf.map { $0 > due } ?? false
                lines.append(Words.reviewDue(due.date, by: ScoreReview.reviewers(of: customer, configuration).map(\.name)).phrase
                             + (overdue ? (late ?? { $0.phrase })(Words.overdue) : .empty))
            }
        } else if let proposal = ScoreProposal.propose(customer, configuration) {
            lines.append(Words.proposed(proposal.summary, proposal.score.total!, scoring.grade(forTotal: proposal.score.total!)).phrase)
            for reason in proposal.reasonPhrases { lines.append(Phrase(verbatim: "    ") + reason) }
        } else {
            lines.append(Words.noScore(scoring).phrase)
            if let working = DerivedValues.workingGrade(customer, configuration) {
                lines.append((customer.grade != nil ? Words.workedAsWritten(working) : Words.workedAsIntent(working, customer.intent!)).phrase)
            }
        }
        return lines
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

    /// When an SLA step was done, against its deadline; `late` paints what missed it.
    static func momentText(_ moment: LocalDateTime?, _ deadline: LocalDateTime, _ asOf: LocalDateTime,
                           _ late: (Words) -> Phrase) -> Phrase {
        guard let moment else { return asOf > deadline ? Words.notYet.phrase + Words.separator.phrase + late(Words.missed) : Words.notYet.phrase }
        let minutes = moment.minuteNumber - deadline.minuteNumber
        if minutes <= 0 { return Words.met(moment).phrase }
        return Phrase(verbatim: moment.description) + Words.separator.phrase + late(Words.missed(by: DurationText.phrase(minutes: minutes)))
    }
}

extension Wording where Of == Explanation {
    public static func title(_ id: String, _ name: String, _ path: String) -> Self {
        Self("\(id) \(name)  (\(path))", "\(id) \(name)（\(path)）")
    }

    public static func asOf(_ moment: LocalDateTime) -> Self { Self("as of \(moment)", "评估时刻 \(moment)") }
    public static func capturedLater(_ created: LocalDateTime) -> Self {
        Self("captured \(created), after this moment: nothing was due yet", "\(created) 才获取，晚于评估时刻：那时还没有任何到期事项")
    }
    /// Between a step and how it went: `: ` / `：`.
    public static let separator = Self(": ", "：")

    public static let gradeHeading = Self("Grade", "线索等级")
    public static let size = Self("size", "企业规模")
    public static let budget = Self("budget", "预算匹配度")
    public static let urgency = Self("urgency", "需求紧迫度")
    public static let decision = Self("decision", "决策链清晰度")
    public static let total = Self("total", "总分")

    /// `  size      25 / 30`: the label in a column of its language's width.
    public static func points(_ label: Self, _ points: Int, of most: Int) -> Self {
        Self("  " + label.phrase.en.padded(to: 10) + "\(points) / \(most)", "  " + label.phrase.zh.padded(to: 14) + "\(points) / \(most)")
    }

    public static func grade(_ grade: Grade, _ threshold: String) -> Self {
        Self("  grade     \(grade.rawValue): " + threshold, "  " + "等级".padded(to: 14) + "\(grade.rawValue)：" + threshold)
    }

    public static func staleGrade(_ written: Grade, _ grade: Grade) -> Self {
        Self("  the file says \(written.rawValue): stale, `leadbook sync` writes \(grade.rawValue)",
             "  文件里写的是 \(written.rawValue)，已过时：`leadbook sync` 会改为 \(grade.rawValue)")
    }

    public static func reviewed(by reviewer: String, on date: LocalDate?) -> Self {
        Self("  reviewed by \(reviewer)\(date.map { " on \($0)" } ?? "")", "  已由 \(reviewer) 复核\(date.map { "（\($0)）" } ?? "")")
    }

    /// When an unreviewed score is on its reviewers' agenda (`score_review`).
    public static func reviewDue(_ date: LocalDate, by reviewers: [String]) -> Self {
        Self("  to be reviewed by \(date)" + (reviewers.isEmpty ? "" : " (\(reviewers.joined(separator: ", ")))"),
             "  复核期限 \(date)" + (reviewers.isEmpty ? "" : "（\(reviewers.joined(separator: "、"))）"))
    }

    /// A "review" that does not count: by someone whose role does not review scores.
    public static func reviewDoesNotCount(by reviewer: String, on date: LocalDate?, role: TeamRole?, reviewers: Phrase) -> Self {
        let who = role.map { ($0.rawValue, $0.label) } ?? ("not in the team", "不在团队里")
        return Self("  reviewed by \(reviewer)\(date.map { " on \($0)" } ?? ""), who is \(role == nil ? who.0 : "a " + who.0): does not count, scores are reviewed by a \(reviewers.en)",
                    "  \(reviewer)\(date.map { "（\($0)）" } ?? "")复核过，但\(role == nil ? who.1 : "他是" + who.1)：不算数，评分要由\(reviewers.zh)复核")
    }

    public static func reviewedByNobody(_ date: LocalDate) -> Self {
        Self("  a `reviewed` date (\(date)) with no score.reviewed_by: not reviewed by a manager yet",
             "  写了复核日期（\(date)），但没有 `score.reviewed_by`：经理尚未复核")
    }

    public static let notReviewed = Self("  not reviewed by a manager yet (no score.reviewed_by)", "  经理尚未复核（没有 `score.reviewed_by`）")

    public static func proposed(_ summary: String, _ total: Int, _ grade: Grade) -> Self {
        Self("  no score; scoring.rules propose \(summary) = \(total) -> \(grade.rawValue) (not reviewed):",
             "  尚无评分；按 `scoring.rules` 建议 \(summary) = \(total) -> \(grade.rawValue)（未复核）：")
    }

    public static func noScore(_ scoring: Configuration.Scoring) -> Self {
        let maxima = "\(scoring.maxSize)/\(scoring.maxBudget)/\(scoring.maxUrgency)/\(scoring.maxDecision)"
        return Self("  no score: add score {size, budget, urgency, decision} (maxima \(maxima))",
                    "  尚无评分：请添加 `score: {size, budget, urgency, decision}`（满分 \(maxima)）")
    }

    public static func workedAsWritten(_ grade: Grade) -> Self {
        Self("  worked as \(grade.rawValue) (from the grade written)", "  按 \(grade.rawValue) 级跟进（取自文件里的 `grade`）")
    }

    public static func workedAsIntent(_ grade: Grade, _ intent: Intent) -> Self {
        Self("  worked as \(grade.rawValue) (from intent \(intent.rawValue))", "  按 \(grade.rawValue) 级跟进（取自初步意向 \(intent.rawValue)）")
    }

    public static func regrade(every days: Int, due: LocalDate) -> Self {
        Self("  re-grade every \(days) days: due \(due)", "  每 \(days) 天复评一次：\(due) 到期")
    }

    public static let overdue = Self(" (overdue)", "（已逾期）")
    public static func overdueBy(days: Int) -> Self { Self(" (overdue by \(days) days)", "（已逾期 \(days) 天）") }

    public static let screeningHeading = Self("Screening", "筛选")

    public static func screening(_ outcome: ScreeningResult.Outcome, industry: String?) -> Self {
        let zh: String
        switch outcome {
        case .pass: zh = "通过"
        case .fail: zh = "未通过"
        case .noRule: zh = "无筛选规则"
        }
        return Self("  \(outcome.rawValue)" + (industry.map { " (\($0))" } ?? ""), "  " + zh + (industry.map { "（\($0)）" } ?? ""))
    }

    public static let slaHeading = Self("SLA (assignment and first follow-up)", "首次联系时限（分配与首次跟进）")

    public static func slaWindow(_ intent: Intent, hours: Int, from created: LocalDateTime, by deadline: LocalDateTime, working: Bool = false) -> Self {
        let within = TimePolicy.hours(hours, working: working)
        return Self("  intent \(intent.rawValue): within \(within.en) of \(created), by \(deadline)",
                    "  意向 \(intent.rawValue)：\(created) 获取后 \(within.zh)内，截止 \(deadline)")
    }

    public static let assigned = Self("  assigned        ", "  " + "分配".padded(to: 10))
    public static let firstFollowUp = Self("  first follow-up ", "  " + "首次跟进".padded(to: 10))
    public static let slaNeeds = Self("  needs intent and created", "  需要 `intent` 和 `created`")
    public static let notYet = Self("not yet", "尚未完成")
    public static let missed = Self("missed", "已超时")
    public static func met(_ moment: LocalDateTime) -> Self { Self("\(moment): met", "\(moment)：按时") }
    public static func missed(by duration: Phrase) -> Self { Self(Phrase("missed by ", "超时 ") + duration) }

    public static let cadenceHeading = Self("Cadence", "跟进频率")

    public static func closedNoFollowUps(_ status: Status?) -> Self {
        Self("  closed (\(status?.rawValue ?? "merged")): no follow-ups due", "  已关闭（\(status?.label ?? "已合并")）：无需跟进")
    }

    public static func cadence(_ grade: String, every days: Int) -> Self {
        Self("  \(grade): every \(days) day\(days == 1 ? "" : "s") since the last entry", "  \(grade) 级每 \(days) 天一次（从上次记录算起）")
    }

    public static func lastContact(_ date: LocalDate?) -> Self {
        Self("  last contact    \(date?.description ?? "none yet")", "  " + "上次联系".padded(to: 10) + (date?.description ?? "尚无"))
    }

    public static func plannedNext(_ date: LocalDate) -> Self { Self("  planned next    \(date)", "  " + "计划下次".padded(to: 10) + date.description) }
    public static func nextFollowUp(_ due: LocalDate) -> Self { Self("  next follow-up  \(due)", "  " + "下次跟进".padded(to: 10) + due.description) }

    public static let stageHeading = Self("Stage", "阶段")

    public static func stage(_ stage: Stage, from status: Status) -> Self {
        Self("  \(stage.rawValue) (\(stage.label)), from status \(status.rawValue)", "  \(stage.label)（客户状态：\(status.label)）")
    }

    public static func closed(_ status: Status) -> Self { Self("  closed: \(status.rawValue)", "  已关闭：\(status.label)") }
    public static let noStatus = Self("  unknown (no status)", "  未知（没有 `status`）")

    public static func firstStageLimit(_ days: Int, from start: LocalDate, by deadline: LocalDate) -> Self {
        Self("initial contact at most \(days) days from \(start) (by \(deadline))", "初步接洽从 \(start) 起最多 \(days) 天（\(deadline) 前）")
    }

    public static func leftWithin(_ left: LocalDate) -> Self { Self("left on \(left), within the limit", "\(left) 进入下一阶段，未超时限") }
    public static func leftOver(_ left: LocalDate) -> Self { Self("left on \(left), over the limit", "\(left) 才进入下一阶段，超过时限") }
    public static let overLimit = Self("over the limit", "已超过时限")
    public static let stillWithin = Self("still within", "仍在时限内")

    public static let todosHeading = Self("Open to-dos", "未完成的待办")
    public static let noDate = Self("(no date)", "（无日期）")
    public static let feedbackHeading = Self("Open feedback", "未确认的客户反馈")

    public static func answerBy(_ deadline: LocalDateTime) -> Self { Self(": fix, answer by \(deadline)", "：待处理，\(deadline) 前答复") }

    /// `negotiate` or `decline`: answered by a date.
    public static func answerBy(_ deadline: LocalDate, _ handling: Handling) -> Self {
        Self(": \(handling.rawValue), answer by \(deadline)", "：\(handling.label)，\(deadline) 前答复")
    }

    public static func decideBy(_ deadline: LocalDate) -> Self {
        Self(": no handling yet, decide by \(deadline)", "：还没有处理方式，\(deadline) 前定下")
    }

    public static func confirmBy(_ resolved: LocalDate, _ deadline: LocalDate) -> Self {
        Self(": resolved \(resolved), confirm by \(deadline)", "：\(resolved) 已解决，\(deadline) 前回访确认")
    }
}

/// "2 h 30 min", "3 days 4 h"; "2 小时 30 分钟", "3 天 4 小时".
public enum DurationText {
    public static func phrase(minutes: Int) -> Phrase {
        let days = minutes / 1440, hours = (minutes % 1440) / 60, rest = minutes % 60
        var parts: [Phrase] = []
        if days > 0 { parts.append(Wording<DurationText>.days(days).phrase) }
        if hours > 0 { parts.append(Wording<DurationText>.hours(hours).phrase) }
        if rest > 0 && days == 0 { parts.append(Wording<DurationText>.minutes(rest).phrase) }
        return parts.isEmpty ? Wording<DurationText>.minutes(0).phrase : Phrase.joined(parts, en: " ", zh: " ")
    }
}

extension Wording where Of == DurationText {
    public static func days(_ count: Int) -> Self { Self("\(count) day\(count == 1 ? "" : "s")", "\(count) 天") }
    public static func hours(_ count: Int) -> Self { Self("\(count) h", "\(count) 小时") }
    public static func minutes(_ count: Int) -> Self { Self("\(count) min", "\(count) 分钟") }
}
