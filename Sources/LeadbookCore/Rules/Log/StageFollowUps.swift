import LeadbookText

/// A stage takes at most so many follow-ups (leadbook.yml `stage_follow_ups`; the toolkit:
/// initial contact 1-3, needs deepening 2-4, solution comparison 1-3, negotiation 1-2). In the
/// stage an open customer is in now, the first follow-up over the most is reported at its
/// heading: the customer is stuck, or its status was not moved on. A stage already left is
/// not reported: the log is append-only, so nothing could make the finding go.
public enum StageFollowUps: CustomerRule {
    public static let rule = Rule("stage-follow-ups", .warning,
                                  Phrase("A stage has no more follow-ups than `stage_follow_ups` allows (toolkit: 3, 4, 3, 2).",
                                         "每个阶段的跟进次数不超过 `stage_follow_ups`（工具包：3、4、3、2 次）。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let customer = context.customer
        guard !customer.isTombstone, !customer.followUps.isEmpty else { return }
        guard customer.isOpen else { return }
        let most = context.configuration.stageFollowUps
        var over: [(FollowUp, Stage, Int, Int)] = []
        let now = TimePolicy(context.configuration).stageFollowUps(customer) { entry, stage, count in
            if let limit = most[stage], count == limit + 1 { over.append((entry, stage, count, limit)) }
        }
        for (entry, stage, count, limit) in over where stage == now {
            findings.report(Message.overMost(stage, count: count, most: limit), at: entry.start)
        }
    }
}

extension RuleMessage where Of == StageFollowUps {
    public static func overMost(_ stage: Stage, count: Int, most: Int) -> Self {
        let (status, milestone) = milestone(stage)
        return Self("follow-up \(count) in \(stage.words): the toolkit plans at most \(most)",
                    "\(stage.label)阶段的第 \(count) 次跟进：工具包建议最多 \(most) 次",
                    hint: Phrase("when the milestone is met (\(milestone.en)) write `- status: \(status.rawValue)`; otherwise rethink the plan (the most is `stage_follow_ups.\(stage.rawValue)` in leadbook.yml)",
                                 "达到里程碑（\(milestone.zh)）就写 `- status: \(status.rawValue)`；否则调整跟进计划（上限见 leadbook.yml 的 `stage_follow_ups.\(stage.rawValue)`）"))
    }

    /// The status that ends a stage and the toolkit's milestone for it.
    static func milestone(_ stage: Stage) -> (Status, Phrase) {
        switch stage {
        case .initialContact, .nurture: return (.qualified, Phrase("trust built, the need's owner known", "建立信任，明确需求负责人"))
        case .needsDeepening: return (.proposal, Phrase("the customer confirms the core need and accepts a proposal", "客户确认核心需求，同意提供解决方案"))
        case .solutionComparison: return (.negotiation, Phrase("our proposal is on the shortlist", "客户将我方方案纳入短名单"))
        case .negotiation: return (.won, Phrase("contract signed or deposit paid", "客户签订合同或支付定金"))
        }
    }
}
