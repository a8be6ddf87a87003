import LeadbookText

/// What a value of a customer file means, in the toolkit's words: the statuses, the intent
/// levels, the grades, the sources and the keys of log entries (the editor's hover shows it).
/// Numbers (hours, days, thresholds) come from leadbook.yml.
public enum ValueMeaning {
    public static func status(_ status: Status) -> Phrase {
        switch status {
        case .untouched: return Phrase("a new lead nobody has contacted yet", "新线索，还没有人联系过")
        case .contacted: return Phrase("first contacts made: build trust and find who owns the need", "已初步接触：建立信任，找到需求负责人")
        case .qualified: return Phrase("the customer has confirmed the core need", "客户已确认核心需求")
        case .proposal: return Phrase("a proposal or quote has been submitted", "已提交方案或报价")
        case .negotiation: return Phrase("negotiating the terms: a contract or deposit comes next", "商务条款谈判中，下一步是签合同或付定金")
        case .won: return Phrase("the deal is closed (`deal` holds its amount and date)", "已成交（`deal` 写成交金额和日期）")
        case .lost: return Phrase("the customer is lost (`lost_reason` says why)", "客户已流失（`lost_reason` 写流失原因）")
        }
    }

    public static func intent(_ intent: Intent, _ configuration: Configuration) -> Phrase {
        let within = TimePolicy.hours(configuration.slaHours[intent] ?? 0, working: configuration.businessHours != nil)
        let limit = Phrase("; assigned and first followed up within \(within.en) of capture", "；获取后 \(within.zh)内分配并首次跟进")
        switch intent {
        case .A: return Phrase("a clear, urgent need with a budget and a known decision maker", "需求明确且紧急，有预算，决策人清楚") + limit
        case .B: return Phrase("a need without details, the budget not confirmed", "有需求但细节不清，预算未确认") + limit
        case .C: return Phrase("only collecting material, no time frame", "只是收集资料，没有时间计划") + limit
        }
    }

    public static func grade(_ grade: Grade, _ configuration: Configuration) -> Phrase {
        let scoring = configuration.scoring
        let days = configuration.cadenceDays[grade] ?? 0
        let every = Phrase("; followed up every \(days) day\(days == 1 ? "" : "s")", "；每 \(days) 天跟进一次")
        switch grade {
        case .S: return Phrase("score \(scoring.gradeS) or more: high value, high intent, followed by a sales manager", "评分 \(scoring.gradeS) 分及以上：高价值、高意向，由销售经理亲自跟进") + every
        case .A: return Phrase("score \(scoring.gradeA) to \(scoring.gradeS - 1): high value, medium intent, followed by a senior rep", "评分 \(scoring.gradeA)–\(scoring.gradeS - 1) 分：高价值、中意向，由资深销售跟进") + every
        case .B: return Phrase("score \(scoring.gradeB) to \(scoring.gradeA - 1): low value, high intent, a junior rep with a mentor", "评分 \(scoring.gradeB)–\(scoring.gradeA - 1) 分：低价值、高意向，由新人销售在导师带领下跟进") + every
        case .C: return Phrase("score below \(scoring.gradeB): low value, medium intent, re-graded monthly", "评分低于 \(scoring.gradeB) 分：低价值、中意向，每月复评") + every
        }
    }

    /// A source of leadbook.yml; nil for a team's own source, which means what the team says.
    public static func source(_ source: String) -> Phrase? {
        switch source {
        case "exhibition": return Phrase("a trade show: `source_detail` holds the booth, the minutes talked, the products of interest and why they left their details",
                                         "展会：`source_detail` 写展位号、交流时长、关注产品和留资原因")
        case "website": return Phrase("a website form: `source_detail` holds the pages visited, the need keywords and whether the contact details are complete",
                                      "官网表单：`source_detail` 写浏览页面、需求关键词和联系方式是否完整")
        case "referral": return Phrase("a referral: `source_detail` holds the referrer, their relation to the customer and the scene",
                                       "推荐：`source_detail` 写推荐人、与客户的关系和推荐场景")
        case "social": return Phrase("social media", "社交媒体")
        case "partner": return Phrase("a partner", "合作伙伴")
        case "cold-call": return Phrase("a cold call or visit", "电话陌拜")
        case "other": return Phrase("any other channel", "其他渠道")
        default: return nil
        }
    }

    public static func entryKey(_ key: EntryKey, _ configuration: Configuration) -> Phrase {
        switch key {
        case .background: return Phrase("the customer's background (B of the toolkit's BANT)", "客户背景（工具包 BANT 的 B）")
        case .pain: return Phrase("the customer's pain points", "客户的难点、痛点")
        case .need: return Phrase("what the customer needs", "客户的需求")
        case .value: return Phrase("the value the solution brings the customer", "方案给客户带来的价值")
        case .change: return Phrase("how the customer's needs changed", "客户需求的变化")
        case .feedback: return Phrase("the customer's feedback on the proposal or quote", "客户对方案或报价的反馈")
        case .decision: return Phrase("how the customer's decision is progressing", "客户决策的进展")
        case .mood: return Phrase("the customer's mood: positive, hesitant or resistant", "客户情绪：积极、犹豫或抵触")
        case .status: return Phrase("the customer's status from this contact on (the front matter's `status` follows the last one)",
                                    "从这次联系起的客户状态（文件头的 `status` 跟随最后一条）")
        case .todo: return Phrase("an open to-do: `DATE TEXT @owner`", "未完成的待办：`日期 内容 @负责人`")
        case .next: return Phrase("the date of the next follow-up (the front matter's `next` follows the last one)",
                                  "下次跟进的日期（文件头的 `next` 跟随最后一条）")
        case .risk: return Phrase("a risk to the conversion, for the weekly report (`leadbook report --week`)",
                                  "影响转化的风险，写进周报（`leadbook report --week`）")
        case .help: return Phrase("the help the rep needs to move the customer on, for the weekly report",
                                  "推进这位客户需要的支持，写进周报")
        case .type: return Phrase("the kind of feedback: product, price, service or decision", "反馈类型：产品、价格、服务或决策")
        case .priority: return Phrase("how much it weighs on the deal: high, medium or low", "对成交的影响：高、中或低")
        case .why: return Phrase("one of the 5 Whys towards the root cause (repeat the line)", "找根本原因的「5 个为什么」之一（可写多行）")
        case .handling:
            let within = TimePolicy.hours(configuration.feedbackFixHours, working: configuration.businessHours != nil)
            return Phrase("fix (answered within \(within.en)), negotiate an alternative, or decline honestly",
                          "立即解决（\(within.zh)内答复）、协商替代方案，或如实说明无法解决")
        case .plan: return Phrase("how the feedback is handled", "处理方案")
        case .owner: return Phrase("who handles it", "由谁处理")
        case .due: return Phrase("the date it is handled by", "完成时限")
        case .resolved: return Phrase("the date it was handled", "解决的日期")
        case .confirmed:
            return Phrase("`DATE RESULT`: confirmed with the customer within \(configuration.feedbackConfirmDays) days of `resolved`",
                          "`日期 结果`：`resolved` 后 \(configuration.feedbackConfirmDays) 天内与客户确认")
        case .satisfaction:
            return Phrase("how satisfied the customer is with the handling, from 1 (very dissatisfied) to 5 (very satisfied), given with the confirmation",
                          "客户对处理结果的满意度，1（很不满意）到 5（很满意），确认时填写")
        }
    }
}
