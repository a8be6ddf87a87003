/// Writes a decided customer as a Markdown file: front matter, intro, follow-ups, feedback.
extension CustomerBuilder {
    func render() -> [UInt8] {
        writeFrontMatter()
        writeIntro()
        writeFollowUps()
        writeFeedback()
        return out.bytes
    }

    var ownerName: String? { owner.map { Team.members[$0].name } }

    /// The budget in 万 (rounded), for texts that quote it.
    var budgetTenThousands: Int? { budget.map { max(1, ($0 + 5_000) / 10_000) } }

    // MARK: - Front matter

    func writeFrontMatter() {
        out.line("---")
        out.s("id: "); out.line(id)
        out.s("name: "); out.yaml(name); out.nl()
        if isPerson { out.line("kind: person") }
        out.s("industry: "); out.line(industry.name)
        out.s("region: "); out.line(region)
        if let employees, rng.percent(92) { out.s("employees: "); out.int(employees); out.nl() }
        if let revenue { out.s("revenue: "); out.int(revenue); out.nl() }
        out.s("source: "); out.line(CustomerBuilder.sources[source])
        writeSourceDetail()
        writeMergedSources()
        writeContacts()
        writeNeeds()
        if let budget { out.s("budget: "); out.int(budget); out.nl() }
        if let decisionBy { out.s("decision_by: "); out.date(decisionBy); out.nl() }
        out.s("intent: "); out.line(CustomerBuilder.intents[intent])
        if owner != nil {
            writeScore()
            out.s("grade: "); out.line(CustomerBuilder.grades[grade])
            writeTags()
            out.s("owner: "); out.line(ownerName!)
        }
        out.s("created: "); out.dateTime(created); out.nl()
        if let assigned { out.s("assigned: "); out.dateTime(assigned); out.nl() }
        out.s("status: "); out.line(zhStatusFront ? finalStatus.chinese : finalStatus.english)
        if let next = frontMatterNext { out.s("next: "); out.date(next); out.nl() }
        if let dealAmount, let dealDay {
            if rng.percent(50) {
                out.s("deal: {amount: "); out.int(dealAmount); out.s(", closed: "); out.date(dealDay); out.line("}")
            } else {
                out.line("deal:")
                out.s("  amount: "); out.int(dealAmount); out.nl()
                out.s("  closed: "); out.date(dealDay); out.nl()
            }
        }
        if let lost { out.s("lost_reason: "); out.yaml(lost.reason); out.nl() }
        writePlan()
        out.line("---")
    }

    /// `next` is the last `next:` of the log; without one, the first contact that is due.
    var frontMatterNext: Int? {
        if let last = entries.last(where: { $0.next != nil }) { return last.next }
        if let assigned, entries.isEmpty { return assigned / CivilCalendar.minutesPerDay }
        return nil
    }

    func flowList(_ items: [String]) {
        out.byte(UInt8(ascii: "["))
        for (position, item) in items.enumerated() {
            if position > 0 { out.s(", ") }
            out.yaml(item, flow: true)
        }
        out.byte(UInt8(ascii: "]"))
    }

    func writeSourceDetail() {
        guard hasDetail else { return }
        switch CustomerBuilder.sources[source] {
        case "exhibition":
            out.line("source_detail:")
            out.s("  booth: "); out.yaml(booth); out.nl()
            out.s("  minutes: "); out.int(minutes); out.nl()
            out.s("  products: "); flowList(products); out.nl()
            out.s("  reason: "); out.yaml(exhibitionReason); out.nl()
        case "website":
            out.line("source_detail:")
            out.s("  page: "); out.yaml(page); out.nl()
            out.s("  keywords: "); flowList(needKeywords); out.nl()
            out.s("  complete: "); out.line(formComplete ? "true" : "false")
        case "referral":
            out.line("source_detail:")
            out.s("  referrer: "); out.yaml(referrer); out.nl()
            out.s("  relation: "); out.yaml(relation); out.nl()
            out.s("  scene: "); out.yaml(scene); out.nl()
        default: break
        }
    }

    /// A few customers arrived through a second channel and were merged (seed section 1).
    func writeMergedSources() {
        guard !isPerson, rng.percent(3) else { return }
        let other = CustomerBuilder.sources[source] == "website" ? "exhibition" : "website"
        let day = created / CivilCalendar.minutesPerDay + rng.int(1...10)
        out.line("sources:")
        out.s("  - source: "); out.line(other)
        out.s("    date: "); out.date(day); out.nl()
        out.line("    detail:")
        if other == "website" {
            out.s("      page: "); out.yaml(rng.pick(industry.pages)); out.nl()
            out.s("      keywords: "); flowList(needKeywords); out.nl()
            out.s("      complete: "); out.line(rng.percent(50) ? "true" : "false")
        } else {
            let hall = rng.pick(["A", "B", "C", "D"])
            out.s("      booth: "); out.s(hall); out.int(rng.int(1...40)); out.nl()
            out.s("      minutes: "); out.int(rng.int(1...8) * 5); out.nl()
        }
        mergedDay = day
        mergedSource = other
    }

    func writeContacts() {
        out.line("contacts:")
        for person in contacts {
            out.s("  - name: "); out.line(person.name)
            out.s("    title: "); out.yaml(person.title); out.nl()
            if let phone = person.phone {
                out.s("    phone: \""); out.s(phone); out.byte(0x22)
                if person.role == "gatekeeper" && rng.percent(30) { out.s("   # 转接时说明来意") }
                out.nl()
            }
            if let email = person.email { out.s("    email: "); out.line(email) }
            if let wechat = person.wechat { out.s("    wechat: "); out.line(wechat) }
            out.s("    prefers: "); out.line(person.prefers)
            if let role = person.role { out.s("    role: "); out.line(role) }
        }
    }

    func writeNeeds() {
        if !isPerson && rng.percent(30) {
            out.line("needs: |")
            out.s("  "); out.template(rng.pick(industry.backgrounds), &rng); out.s("，"); out.template(rng.pick(industry.pains), &rng)
            out.line("。")
            out.s("  需要" + needKeywords.joined(separator: "、") + "方面的方案，目标：")
            out.template(rng.pick(industry.values), &rng); out.line("。")
            if rng.percent(40) { out.s("  新增："); out.template(rng.pick(Phrases.changes), &rng); out.line("。") }
        } else {
            out.s("needs: "); out.yaml(needKeywords.joined(separator: "、")); out.nl()
        }
    }

    func writeScore() {
        // Grades are re-assessed (weekly, C monthly): most open leads carry their last review.
        let reviewed = rng.percent(entries.isEmpty ? 10 : finalStatus.isOpen ? 85 : 40)
        if reviewed {
            if rng.percent(30) { out.line("# 代表打分，经理复核后调整了个别分项") }
            out.line("score:")
            out.s("  size: "); out.int(score[0]); out.nl()
            out.s("  budget: "); out.int(score[1]); out.nl()
            out.s("  urgency: "); out.int(score[2]); out.nl()
            out.s("  decision: "); out.int(score[3]); out.nl()
            out.s("  reviewed_by: "); out.line(Team.members[rng.pick(Team.managers)].name)
            let first = (assigned ?? created) / CivilCalendar.minutesPerDay
            var day = first + rng.int(0...2)
            if let last = entries.last?.day {
                day = max(first, last - rng.int(0...([7, 7, 7, 30][grade] - 1)))
            }
            out.s("  reviewed: "); out.date(day); out.nl()
        } else if rng.percent(80) {
            out.s("score: {size: "); out.int(score[0]); out.s(", budget: "); out.int(score[1])
            out.s(", urgency: "); out.int(score[2]); out.s(", decision: "); out.int(score[3]); out.line("}")
        } else {
            out.line("score:")
            out.s("  size: "); out.int(score[0]); out.nl()
            out.s("  budget: "); out.int(score[1]); out.nl()
            out.s("  urgency: "); out.int(score[2]); out.nl()
            out.s("  decision: "); out.int(score[3]); out.nl()
        }
    }

    func writeTags() {
        let count = rng.weighted([25, 35, 30, 10])
        guard count > 0 else { return }
        out.s("tags: "); flowList(rng.some(count, of: isPerson ? Phrases.personTags : Phrases.tags)); out.nl()
    }

    func planStage(for status: Status) -> String {
        if grade == 3 { return "nurture" }
        switch status {
        case .untouched, .contacted: return "initial-contact"
        case .qualified: return "needs-deepening"
        case .proposal: return "solution-comparison"
        default: return "negotiation"
        }
    }

    func writePlan() {
        guard let owner, let assigned, rng.percent(80) else { return }
        var top = finalStatus
        if finalStatus == .lost { top = entries.last(where: { $0.status != nil && $0.status != .lost })?.status ?? .contacted }
        var stages = [planStage(for: top)]
        if stages[0] == "negotiation" && rng.percent(40) { stages.insert("solution-comparison", at: 0) }
        if stages[0] != "initial-contact" && stages[0] != "nurture" && rng.percent(50) { stages.insert("initial-contact", at: 0) }
        out.line("plan:")
        let start = assigned / CivilCalendar.minutesPerDay
        for stage in stages {
            out.s("  - stage: "); out.line(stage)
            out.s("    goal: "); out.yaml(rng.pick(Phrases.planGoals[stage]!)); out.nl()
            let channels = rng.some(1 + rng.below(2), of: ["phone", "email", "meeting", "video", "wechat", "visit"])
            out.s("    channels: "); flowList(channels); out.nl()
            out.s("    points: "); out.yaml(rng.pick(Phrases.planPoints[stage]!)); out.nl()
            out.s("    due: ")
            switch stage {
            case "initial-contact": out.date(start + rng.int(0...[3, 5, 7, 7][grade]))
            case "needs-deepening": out.date(start + rng.int(5...15))
            case "solution-comparison": out.date(start + rng.int(10...25))
            case "negotiation": out.date(start + rng.int(15...40))
            default:
                if rng.percent(25) { out.s("每周一") } else { out.date(start + rng.int(1...7)) }
            }
            out.nl()
            if rng.percent(90) { out.s("    owner: "); out.line(Team.members[owner].name) }
            out.s("    expected: "); out.yaml(rng.pick(Phrases.planExpected[stage]!)); out.nl()
            if rng.percent(85) { out.s("    fallback: "); out.yaml(rng.pick(Phrases.planFallback[stage]!)); out.nl() }
        }
    }

    // MARK: - Intro

    func writeIntro() {
        out.nl()
        out.s("# "); out.line(name)
        out.nl()
        if isPerson {
            out.s("个人客户：" + city + "的" + personTitle + "，")
        } else {
            out.s(city + "的" + business + "。")
        }
        switch CustomerBuilder.sources[source] {
        case "exhibition":
            out.s(exhibition + "（展位 " + booth + "）留资，互动约 "); out.int(minutes); out.s(" 分钟，关注" + products.joined(separator: "和") + "。")
        case "website":
            out.s("官网表单线索，访问了“" + page + "”页面" + (formComplete ? "，联系方式填写完整。" : "，联系方式不完整。"))
        case "referral":
            out.s("由" + referrer + "推荐（" + relation + "），" + scene + "。")
        case "social": out.s(rng.pick(Phrases.socialOrigins) + "。")
        case "partner": out.s(rng.pick(Phrases.partnerOrigins) + "。")
        case "cold-call": out.s(rng.pick(Phrases.coldCallOrigins) + "。")
        default: out.s(rng.pick(Phrases.otherOrigins) + "。")
        }
        if !isPerson && rng.percent(70) { out.template(fresh(industry.backgrounds), &rng); out.s("。") }
        if !isPerson && rng.percent(40) { out.template(fresh(industry.pains), &rng); out.s("。") }
        if !isPerson && rng.percent(40) {
            out.s("目前关注“" + (products.first ?? rng.pick(industry.products)) + "”，希望先看同行业案例。")
        }
        out.nl()
        if let mergedDay, let mergedSource {
            out.nl()
            out.date(mergedDay)
            out.s(" 客户又通过" + (mergedSource == "website" ? "官网表单" : "展会") + "提交了一次需求，已合并到本档案（见 `sources`），没有重复跟进。")
            out.nl()
        }
        if contacts.count > 1, let decider, decider != 0, rng.percent(50) {
            out.nl()
            out.line("- 决策链：" + contacts[0].title + "（" + contacts[0].name + "）评估 → " + contacts[decider].title + "（" + contacts[decider].name + "）拍板")
            out.line("- 关注点：" + rng.pick(["稳定性 > 价格", "价格 > 功能", "实施周期 > 价格", "服务响应 > 价格", "行业案例 > 价格"]))
            if rng.percent(50) {
                out.line("- 性格：" + contacts[0].name + rng.pick(["直接，讨厌冗长沟通，先发资料再约电话", "谨慎，喜欢看数据", "热情，愿意帮忙推动内部流程", "比较忙，只回微信"]))
            }
        }
        if let owner {
            let rep = Team.members[owner]
            if entries.isEmpty {
                out.nl()
                out.line("已分配给" + rep.name + "，待首次跟进（" + CustomerBuilder.intents[intent] + " 级线索 "
                         + String(CustomerBuilder.slaMinutes[intent] / 60) + " 小时内启动跟进）。")
            } else if let mentor = rep.mentor, rng.percent(30) {
                out.nl()
                out.line("新人销售" + rep.name + "负责，导师" + mentor + "每周复盘一次。")
            }
        } else {
            out.nl()
            out.line("尚未评分、尚未分配负责人（待销售经理按区域和行业分配）。")
        }
    }

    // MARK: - Follow-ups

    func key(_ key: LogKey) {
        out.s("- ")
        out.s(zhKeys ? key.chinese : key.english)
        out.s(": ")
    }

    func counterpartText(_ indices: [Int]) -> String {
        var parts: [String] = []
        for index in indices {
            let person = contacts[index]
            parts.append(rng.percent(92) ? person.name + "(" + person.title + ")" : person.name)
        }
        return parts.joined(separator: "、")
    }

    func mood(_ weights: [Int]) {
        key(.mood)
        out.line(Phrases.moods[rng.weighted(weights)])
    }

    func writeFollowUps() {
        guard !entries.isEmpty || (owner != nil && rng.percent(30)) else { return }
        out.nl()
        out.line(zhHeading ? "## 跟进记录" : "## Follow-ups")
        for entry in entries {
            out.nl()
            out.s("### "); out.date(entry.day)
            if let time = entry.time { out.byte(0x20); out.time(time) }
            out.byte(0x20)
            out.s(zhChannels ? Channels.chinese[entry.channel] : Channels.english[entry.channel])
            out.byte(0x20)
            out.line(counterpartText(entry.counterparts))
            writeEntryBody(entry)
        }
    }

    func amountText(_ amount: Int) -> String {
        let whole = amount / 10_000
        let tenth = amount % 10_000 / 1_000
        return tenth == 0 ? String(whole) : String(whole) + "." + String(tenth)
    }

    func feedbackPointer() -> String { zhFeedbackHeading ? "（见客户反馈）" : "（见 Feedback）" }

    func writeEntryBody(_ entry: Entry) {
        let start = out.bytes.count
        if entry.kind != .noAnswer && rng.percent(8) {
            out.line(fresh(Phrases.notes))
        }
        switch entry.kind {
        case .noAnswer:
            out.line(rng.pick(Phrases.noAnswerNotes))
        case .first where isPerson:
            key(.need); out.line(needKeywords[0])
            if rng.percent(60) { key(.feedback); out.line(fresh(Phrases.personFeedback)) }
            if rng.percent(90) { mood([70, 25, 5]) }
        case .first:
            if rng.percent(80) { key(.background); out.template(fresh(industry.backgrounds), &rng); out.nl() }
            if rng.percent(70) { key(.pain); out.template(fresh(industry.pains), &rng); out.nl() }
            if rng.percent(75) { key(.need); out.line(fresh(needKeywords)) }
            if rng.percent(50) { key(.value); out.template(fresh(industry.values), &rng); out.nl() }
            if rng.percent(25) { key(.decision); out.template(fresh(Phrases.decisionEarly), &rng, amount: budgetTenThousands); out.nl() }
            if rng.percent(90) { mood([75, 20, 5]) }
        case .won:
            key(.decision)
            if let dealAmount, rng.percent(70) {
                out.line("合同签订，金额 " + amountText(dealAmount) + " 万元")
            } else {
                out.line(rng.pick(["合同已盖章，首付款已到账", "中标通知书已发出，合同签订", "合同签订，进入实施排期"]))
            }
            if rng.percent(80) { mood([100, 0, 0]) }
        case .lost:
            key(.feedback)
            out.s(lost?.said ?? "不再推进")
            if entry.feedback != nil { out.s(feedbackPointer()) }
            out.nl()
            if rng.percent(50) { key(.decision); out.line(fresh(Phrases.decisionLost)) }
            mood([0, 20, 80])
        case .afterSale:
            key(.feedback); out.template(fresh(Phrases.afterSaleFeedback), &rng); out.nl()
            if rng.percent(60) { mood([85, 15, 0]) }
        case .regular:
            writeRegularFacts(entry)
        }
        if let status = entry.status {
            key(.status)
            out.line(zhStatusLog ? status.chinese : status.english)
        }
        for todo in entry.todos {
            if todo.done {
                out.s("- [x] ")
            } else if rng.percent(60) {
                out.s("- [ ] ")
            } else {
                key(.todo)
            }
            out.date(todo.day); out.byte(0x20); out.s(todo.text); out.s(" @"); out.line(Team.members[todo.owner].name)
        }
        if let next = entry.next {
            key(.next); out.date(next); out.nl()
        }
        if out.bytes.count == start {
            out.line("沟通顺利，进展正常。")
        }
        writeMinutes(entry)
        if rng.percent(50) {
            out.nl()
            if let owner, let mentor = Team.members[owner].mentor, entry.kind != .lost, rng.percent(25) {
                out.s("资料已发送，抄送导师" + mentor + "。")
            } else {
                out.s(fresh(Phrases.notes))
            }
            if rng.percent(40) { out.s(fresh(Phrases.notes)) }
            out.nl()
        }
    }

    /// Meeting minutes, sent attachments, call length: the free notes reps keep under an entry.
    func writeMinutes(_ entry: Entry) {
        guard entry.kind != .noAnswer else { return }
        switch entry.channel {
        case Channels.meeting, Channels.visit, Channels.video:
            guard !isPerson, rng.percent(70) else { return }
            out.nl()
            out.s("会议纪要：1）")
            out.template(fresh(industry.backgrounds), &rng)
            out.s("；2）客户最关注" + fresh(Phrases.concerns) + "和" + fresh(Phrases.concerns))
            out.s("；3）" + fresh(Phrases.nextSteps) + "。")
            out.nl()
        case Channels.email:
            guard rng.percent(65) else { return }
            out.nl()
            let stage = entry.phase == .won || entry.phase == .lost ? 3 : max(0, min(3, entry.phase.rawValue - 1))
            let files = rng.some(1 + rng.below(3), of: Phrases.attachments[stage])
            out.s("已发送" + files.joined(separator: "、") + "，抄送" + (contacts.count > 1 ? contacts[contacts.count - 1].name : "客户邮箱") + "。")
            out.nl()
        case Channels.phone:
            guard rng.percent(45) else { return }
            out.nl()
            out.s("通话约 "); out.int(rng.int(3...40)); out.s(" 分钟，")
            out.s("对方提到" + fresh(Phrases.concerns) + "是这次评估的重点。")
            out.nl()
        default:
            return
        }
    }

    func writeRegularFacts(_ entry: Entry) {
        if isPerson {
            if rng.percent(60) { key(.feedback); out.line(fresh(Phrases.personFeedback)) }
            if rng.percent(30) { key(.need); out.line(needKeywords[0]) }
            if rng.percent(60) { mood([60, 35, 5]) }
            return
        }
        switch entry.phase {
        case .contacted, .untouched:
            if rng.percent(50) { key(.background); out.template(fresh(industry.backgrounds), &rng); out.nl() }
            if rng.percent(40) { key(.pain); out.template(fresh(industry.pains), &rng); out.nl() }
            if rng.percent(50) { key(.feedback); out.line(fresh(Phrases.firstNotes).trimmingFullStop()) }
            if rng.percent(30) { key(.need); out.line(fresh(needKeywords)) }
            if rng.percent(70) { mood([60, 35, 5]) }
        case .qualified:
            if rng.percent(35) { key(.need); out.line(fresh(needKeywords)) }
            if rng.percent(40) { key(.pain); out.template(fresh(industry.pains), &rng); out.nl() }
            if rng.percent(60) { key(.value); out.template(fresh(industry.values), &rng); out.nl() }
            if rng.percent(50) { key(.decision); out.template(fresh(Phrases.decisionEarly), &rng, amount: budgetTenThousands); out.nl() }
            if let item = entry.feedback { key(.feedback); out.line(feedbackItems[item].summary + feedbackPointer()) }
            if rng.percent(70) { mood([65, 30, 5]) }
        case .proposal:
            if let item = entry.feedback {
                key(.feedback); out.line(feedbackItems[item].summary + feedbackPointer())
            } else if rng.percent(85) {
                key(.feedback); out.template(fresh(Phrases.proposalFeedback), &rng); out.nl()
            }
            if rng.percent(30) { key(.change); out.template(fresh(Phrases.changes), &rng); out.nl() }
            if rng.percent(30) { key(.value); out.template(fresh(industry.values), &rng); out.nl() }
            if rng.percent(55) { key(.decision); out.line(fresh(Phrases.decisionProposal)) }
            if rng.percent(70) { mood([50, 40, 10]) }
        default:
            if let item = entry.feedback {
                key(.feedback); out.line(feedbackItems[item].summary + feedbackPointer())
            } else if rng.percent(60) {
                key(.feedback); out.template(fresh(Phrases.negotiationFeedback), &rng); out.nl()
            }
            if rng.percent(80) { key(.decision); out.line(fresh(Phrases.decisionNegotiation)) }
            if rng.percent(20) { key(.change); out.template(fresh(Phrases.changes), &rng); out.nl() }
            if rng.percent(70) { mood([55, 40, 5]) }
        }
    }

    // MARK: - Feedback

    func writeFeedback() {
        guard !feedbackItems.isEmpty, let owner else { return }
        let lastDay = entries.last?.day ?? 0
        out.nl()
        out.line(zhFeedbackHeading ? "## 客户反馈" : "## Feedback")
        for item in feedbackItems {
            let kind = Phrases.feedbackSummaries[item.template]
            out.nl()
            out.s("### "); out.date(item.day); out.byte(0x20)
            out.s(zhChannels ? Channels.chinese[item.channel] : Channels.english[item.channel])
            out.byte(0x20); out.line(item.summary)
            out.s("- type: "); out.line(kind.type)
            out.s("- priority: "); out.line(["high", "medium", "low"][rng.weighted([35, 45, 20])])
            for why in rng.some(1 + rng.below(min(3, kind.whys.count)), of: kind.whys) {
                out.s("- why: "); out.line(why)
            }
            out.s("- handling: "); out.line(item.handling)
            out.s("- plan: ")
            if item.handling == "decline" {
                out.line(item.lost ? "坦诚说明无法满足，" + String(rng.int(1...3)) + " 个月后回访" : "坦诚说明无法满足，提供替代建议")
            } else {
                out.line(rng.pick(kind.plans))
            }
            out.s("- owner: "); out.line(Team.members[owner].name)
            let due: Int
            switch item.handling {
            case "fix": due = item.day + 1
            case "negotiate": due = item.day + rng.int(1...5)
            default: due = item.day + rng.int(0...30)
            }
            out.s("- due: "); out.date(due); out.nl()
            guard item.handling != "decline" || rng.percent(30) else { continue }
            let resolved = item.handling == "fix" ? item.day + rng.int(0...1) : rng.int(item.day...due)
            guard resolved <= lastDay else { continue }
            out.s("- resolved: "); out.date(resolved); out.nl()
            let confirmed = resolved + rng.int(0...3)
            guard confirmed <= lastDay, rng.percent(90) else { continue }
            out.s("- confirmed: "); out.date(confirmed); out.byte(0x20); out.line(rng.pick(Phrases.confirmations))
        }
    }
}

extension String {
    func trimmingFullStop() -> String {
        hasSuffix("。") ? String(dropLast()) : self
    }
}
