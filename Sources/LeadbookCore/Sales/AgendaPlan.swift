import LeadbookText

// The plan's time points (`plan[].due`, the toolkit's 时间节点): a date, or the days of the
// week a point comes back on (每周一). A point is kept by a follow-up logged on its day or
// later (up to the agenda's moment), or once the customer has moved past the point's stage.

extension TimePolicy {
    public struct PlanPoint {
        public var step: PlanStep
        /// The day the point is due: its date, or the occurrence of its weekday still open.
        public var due: LocalDate
    }

    /// The rank of a stage in the order of the toolkit (nurture beside initial contact).
    static func rank(_ stage: Stage) -> Int {
        switch stage {
        case .initialContact, .nurture: return 0
        case .needsDeepening: return 1
        case .solutionComparison: return 2
        case .negotiation: return 3
        }
    }

    /// The plan points of an open customer not yet kept at `asOf`.
    public func openPlanPoints(_ customer: Customer, asOf: LocalDateTime) -> [PlanPoint] {
        guard customer.isOpen, !customer.plan.isEmpty else { return [] }
        let today = asOf.date
        let current = customer.status.flatMap(Self.stage(of:)).map(Self.rank) ?? 0
        // The newest follow-up known at `asOf`.
        var latest: LocalDate?
        for entry in customer.followUps {
            guard let date = entry.date, date <= today else { continue }
            if latest.map({ date > $0 }) ?? true { latest = date }
        }
        let start = (customer.assigned ?? customer.created)?.date
        var points: [PlanPoint] = []
        for step in customer.plan {
            if let stage = step.stage, Self.rank(stage) < current { continue }
            if let due = step.due {
                if let latest, latest >= due { continue }
                points.append(PlanPoint(step: step, due: due))
            } else if let weekly = step.weekly {
                var due = weekly.latest(onOrBefore: today)
                if let start, due < start { due = weekly.first(after: start.adding(days: -1)) }
                if let latest, latest >= due, due <= today { due = weekly.first(after: max(due, today)) }
                points.append(PlanPoint(step: step, due: due))
            }
        }
        return points
    }
}

extension Agenda.Scope {
    /// Each plan point still open, for its line's owner (a member of the team or a responder,
    /// as for to-dos and feedback), else the customer's owner with the name said in the detail.
    func planItems(_ customer: Customer, _ add: (Agenda.Kind, LocalDateTime, Phrase, String?) -> Void) {
        for point in policy.openPlanPoints(customer, asOf: asOf) {
            let (owner, unknown) = responsible(point.step.owner, customer)
            var detail = Wording<Agenda>.planPoint(point.step).phrase
            if let unknown { detail += Wording<Agenda>.unknownOwner(unknown).phrase }
            add(.plan, TimePolicy.endOfDay(point.due), detail, owner)
        }
    }
}

extension Wording where Of == Agenda {
    public static let planLabel = Self("plan", "跟进计划")

    /// `获取采购总监联系方式 (initial contact; phone, meeting)`, a weekly point with its days first.
    public static func planPoint(_ step: PlanStep) -> Self {
        let what = (step.goal ?? step.expected ?? step.points ?? "").replacingNewlines()
        var en: [String] = []
        var zh: [String] = []
        if let stage = step.stage {
            en.append(stage.rawValue.split(separator: "-").joined(separator: " "))
            zh.append(stage.label)
        }
        if !step.channels.isEmpty {
            en.append(step.channels.map(\.rawValue).joined(separator: ", "))
            zh.append(step.channels.map(\.label).joined(separator: "、"))
        }
        let weekly = step.weekly?.phrase
        // `every Sunday: goal (details)`; without a goal `every Sunday (details)`, and with
        // nothing before them the details alone.
        func text(_ weekly: String?, _ colon: String, _ details: [String], _ separator: String, _ open: String, _ close: String) -> String {
            let head = [weekly, what.isEmpty ? nil : what].compactMap { $0 }.joined(separator: colon)
            if details.isEmpty { return head }
            let list = details.joined(separator: separator)
            return head.isEmpty ? list : head + open + list + close
        }
        let enText = text(weekly?.en, ": ", en, "; ", " (", ")")
        let zhText = text(weekly?.zh, "：", zh, "；", "（", "）")
        return Self(enText.isEmpty ? "plan step" : enText, zhText.isEmpty ? "计划步骤" : zhText)
    }
}
