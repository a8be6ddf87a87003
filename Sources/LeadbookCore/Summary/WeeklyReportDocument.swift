import LeadbookText

/// The weekly report as a document of headings, tables and lists (`SummaryDocument`), written
/// as Markdown or HTML by the summary's writers, so both formats show the same lines; and as
/// JSON (shape `leadbook-weekly-report` version 1, documented in docs/report.md).
public enum WeeklyReportDocument {
    public static func document(_ report: WeeklyReport, text t: SummaryText) -> SummaryDocument {
        let language: Language = t.chinese ? .zhCN : .en
        let week = report.week
        var blocks: [SummaryDocument.Block] = []
        let title = t("Weekly report \(week) (\(week.monday) to \(week.sunday))", "销售周报 \(week)（\(week.monday) 至 \(week.sunday)）")

        var facts: [(String, String)] = [
            (t("Week", "周"), t("\(week): Monday \(week.monday) to Sunday \(week.sunday)", "\(week)：\(week.monday)（周一）至 \(week.sunday)（周日）")),
            (t("Seen at", "统计时点"), "\(report.moment) (\(report.timezone))"),
        ]
        switch report.changes {
        case .log:
            facts.append((t("Status changes from", "状态变化依据"), t("the follow-up logs", "跟进记录")))
        case .git(let before, let after):
            let end = after.map { String($0.prefix(10)) } ?? t("the files now", "当前文件")
            facts.append((t("Status changes from", "状态变化依据"),
                          t("git: \(before.prefix(10)) (last commit before the week) to \(end)", "git：\(before.prefix(10))（本周之前最后一次提交）对比 \(end)")))
        }
        switch report.filter {
        case .everyone: break
        case .owner(let name): facts.append((t("Owner", "负责人"), name))
        case .team(let team): facts.append((t("Team", "团队"), team))
        }
        blocks.append(.facts(facts))

        // Overview: a row per rep, then per team, then everyone.
        blocks.append(.heading(level: 2, text: t("Overview", "概览")))
        // A week under way: what is overdue at the moment it is seen at, and what is still due by Sunday.
        let underWay = report.isUnderWay
        let overdueHeading = underWay ? t("Overdue so far", "截至统计时点已逾期") : t("Overdue at the week's end", "周末仍逾期")
        var header = [t("owner", "负责人"), t("team", "团队"), t("new leads", "本周新增线索"), t("status changes", "状态变化"),
                      t("won", "成交"), t("won amount (CNY)", "成交金额（元）"), t("lost", "丢单"), t("conversion risks", "转化风险"),
                      t("help needed", "需要支持"), underWay ? t("overdue so far", "截至统计时点已逾期") : t("overdue at week's end", "周末仍逾期")]
        if underWay { header.append(t("still due this week", "本周内到期")) }
        header.append(t("next week's plan", "下周计划"))
        func cells(_ tally: WeeklyReport.Tally) -> [String] {
            [String(tally.newLeads), String(tally.changes), String(tally.won), tally.won == 0 ? SummaryText.empty : SummaryText.money(cents: tally.wonCents),
             String(tally.lost), String(tally.risks), String(tally.help), String(tally.overdue)]
                + (underWay ? [String(tally.dueThisWeek)] : []) + [String(tally.planned)]
        }
        var rows = report.sections.map { [owner($0.owner, t), $0.team ?? SummaryText.empty] + cells($0.tally) }
        rows += report.teams.map { [t("team total", "团队小计"), $0.team] + cells($0.tally) }
        // One team's total is its row already.
        if report.sections.count > 1, report.filter == .everyone { rows.append([t("everyone", "合计"), SummaryText.empty] + cells(report.total)) }
        blocks.append(.table(SummaryDocument.Table(header: header, rows: rows, numeric: Set(2..<header.count))))
        if report.sections.isEmpty {
            blocks.append(.paragraph(t("No customer of this scope had anything to report this week.", "本周这个范围内没有需要汇报的客户。")))
        }

        for section in report.sections where section.tally != WeeklyReport.Tally() {
            let name = owner(section.owner, t)
            blocks.append(.heading(level: 2, text: section.team.map { t("\(name) (\($0))", "\(name)（\($0)）") } ?? name))
            if !section.newLeads.isEmpty {
                blocks.append(.heading(level: 3, text: t("New leads", "本周新增线索")))
                let shown = listed(section.newLeads, t)
                blocks.append(.table(SummaryDocument.Table(
                    header: [t("id", "编号"), t("customer", "客户"), t("source", "来源渠道"), t("grade", "线索等级"), t("captured", "获取时间"), t("status", "状态")],
                    rows: shown.rows.map { [$0.id, $0.name, $0.source.map(t.source) ?? SummaryText.empty, $0.grade?.rawValue ?? SummaryText.empty,
                                                  $0.created.description, t.status($0.after)] },
                    numeric: [])))
                if let more = shown.more { blocks.append(more) }
            }
            if !section.changes.isEmpty {
                blocks.append(.heading(level: 3, text: t("Status changes", "状态变化")))
                let shown = listed(section.changes, t)
                blocks.append(.table(SummaryDocument.Table(
                    header: [t("id", "编号"), t("customer", "客户"), t("from", "原状态"), t("to", "现状态"), t("change", "变化"), t("date", "日期")],
                    rows: shown.rows.map { record in
                        [record.id, record.name, record.before.map(t.status) ?? SummaryText.empty, t.status(record.after),
                         record.before.map { t.movement(movement(from: $0, to: record.after)) } ?? SummaryText.empty,
                         record.changedOn?.description ?? SummaryText.empty]
                    },
                    numeric: [])))
                if let more = shown.more { blocks.append(more) }
            }
            if !section.won.isEmpty || !section.lost.isEmpty {
                blocks.append(.heading(level: 3, text: t("Won and lost", "成交与丢单")))
                let closed = listed(section.won.map { ($0, true) } + section.lost.map { ($0, false) }, t)
                blocks.append(.table(SummaryDocument.Table(
                    header: [t("id", "编号"), t("customer", "客户"), t("result", "结果"), t("closed", "日期"), t("amount (CNY)", "金额（元）"),
                             t("lost reason", "流失原因")],
                    rows: closed.rows.map { record, won in
                        [record.id, record.name, t.status(won ? .won : .lost), record.closed?.description ?? SummaryText.empty,
                         won ? record.dealCents.map { SummaryText.money(cents: $0) } ?? SummaryText.empty : SummaryText.empty,
                         won ? SummaryText.empty : (record.lostReason.flatMap { $0.isEmpty ? nil : $0 } ?? SummaryText.empty)]
                    },
                    numeric: [4])))
                if let more = closed.more { blocks.append(more) }
            }
            for (heading, notes) in [(t("Conversion risks", "转化风险"), section.risks), (t("Help needed", "需要支持"), section.help)] where !notes.isEmpty {
                blocks.append(.heading(level: 3, text: heading))
                let shown = listed(notes, t)
                blocks.append(.list(shown.rows.map { record, note in
                    "\(note.date) \(customer(record.id, record.name))" + t(": ", "：") + note.text
                }))
                if let more = shown.more { blocks.append(more) }
            }
            for (heading, items) in [(overdueHeading, section.overdue), (t("Still due this week", "本周内到期"), section.dueThisWeek),
                                     (t("Next week's plan", "下周计划"), section.planned)]
                where !items.isEmpty {
                blocks.append(.heading(level: 3, text: heading))
                let shown = listed(items, t)
                blocks.append(.table(SummaryDocument.Table(
                    header: [t("due", "到期"), t("id", "编号"), t("customer", "客户"), t("what", "事项"), t("detail", "说明")],
                    rows: shown.rows.map { [Agenda.dueText($0), $0.customerId, $0.customerName, Agenda.what($0).text(language), $0.detailPhrase.text(language)] },
                    numeric: [])))
                if let more = shown.more { blocks.append(more) }
            }
        }

        blocks.append(.heading(level: 2, text: t("Notes", "说明")))
        blocks.append(.list([
            t("New leads are those captured (created) in the week; status changes compare each customer's status when the week began and when it ended.",
              "本周新增线索指本周获取（created）的线索；状态变化比较每位客户在本周开始时和结束时的状态。"),
            underWay
                ? t("Conversion risks and help needed are the risk and help lines of the week's follow-ups so far. The week is not over yet: overdue items are the agenda's items due before \(report.moment); what falls due later this week is listed as still due this week.",
                    "转化风险和需要支持来自本周目前为止跟进记录里的“风险”“需要支持”两行。本周尚未结束：已逾期指 agenda 里在 \(report.moment) 之前到期的事项；本周稍后到期的事项列在“本周内到期”。")
                : t("Conversion risks and help needed are the risk and help lines of the week's follow-ups; overdue items and next week's plan are the agenda's items as the week ended.",
                    "转化风险和需要支持来自本周跟进记录里的“风险”“需要支持”两行；周末仍逾期和下周计划是本周结束时 agenda 里的事项。"),
            t("No phone numbers, emails or contact names appear; a private person is shown by id only. Amounts are CNY.",
              "报告里不出现电话、邮箱或联系人姓名；个人客户只显示编号。金额单位为元。"),
        ]))
        return SummaryDocument(title: title, chinese: t.chinese, blocks: blocks)
    }

    static func owner(_ owner: String?, _ t: SummaryText) -> String { owner ?? t("(unassigned)", "（未分配）") }

    /// The most rows a section shows in Markdown and HTML (JSON has them all), as the summary
    /// lists at most `SummaryDocument.Builder.listedItems` of a movement.
    public static let listedRows = 50

    /// `rows` cut to `listedRows`, and the line that says how many more there are.
    static func listed<Row>(_ rows: [Row], _ t: SummaryText) -> (rows: ArraySlice<Row>, more: SummaryDocument.Block?) {
        guard rows.count > listedRows else { return (rows[...], nil) }
        let more = rows.count - listedRows
        return (rows.prefix(listedRows), .paragraph(t("and \(more) more (all of them in --format json)", "另有 \(more) 条（完整列表见 --format json）")))
    }
    static func customer(_ id: String, _ name: String) -> String { name.isEmpty ? id : id + " " + name }

    /// How a status moved, in the summary's words for `--compare`.
    public static func movement(from before: Status, to after: Status) -> PipelineMovement.Kind {
        if after == .won { return .won }
        if after == .lost { return .lost }
        return after.rank > before.rank ? .advanced : .movedBack
    }

    // MARK: - JSON

    public static let schema = "leadbook-weekly-report"
    public static let version = 1

    public static func json(_ report: WeeklyReport, language: Language) -> JSON {
        func tally(_ tally: WeeklyReport.Tally) -> [(String, JSON)] {
            [("new_leads", .int(tally.newLeads)), ("status_changes", .int(tally.changes)), ("won", .int(tally.won)),
             ("won_amount", SummaryJSON.money(tally.wonCents)), ("lost", .int(tally.lost)), ("risks", .int(tally.risks)),
             ("help", .int(tally.help)), ("overdue", .int(tally.overdue)), ("due_this_week", .int(tally.dueThisWeek)),
             ("next_week", .int(tally.planned))]
        }
        func customer(_ record: WeeklyReport.Record) -> [(String, JSON)] {
            [("id", .string(record.id)), ("name", .string(record.name))]
        }
        func items(_ items: [Agenda.Item]) -> JSON {
            .array(items.map { item in
                .object([("customer", .string(item.customerId)), ("name", .string(item.customerName)), ("kind", .string(item.kind.rawValue)),
                         ("due", .string(Agenda.dueText(item))), ("grade", .optional(item.grade?.rawValue)),
                         ("detail", .string(item.detailPhrase.text(language)))])
            })
        }
        func notes(_ notes: [(record: WeeklyReport.Record, note: WeeklyReport.Note)]) -> JSON {
            .array(notes.map { .object(customer($0.record) + [("date", .string($0.note.date.description)), ("text", .string($0.note.text))]) })
        }
        let changes: JSON
        switch report.changes {
        case .log: changes = .object([("from", .string("log"))])
        case .git(let before, let after): changes = .object([("from", .string("git")), ("before", .string(before)), ("after", .optional(after))])
        }
        var filter: [(String, JSON)] = [("owner", .null), ("team", .null)]
        switch report.filter {
        case .everyone: break
        case .owner(let name): filter[0].1 = .string(name)
        case .team(let team): filter[1].1 = .string(team)
        }
        return .object([
            ("schema", .string(schema)),
            ("version", .int(version)),
            ("week", .string(report.week.description)),
            ("from", .string(report.week.monday.description)),
            ("to", .string(report.week.sunday.description)),
            ("as_of", .string(report.moment.description)),
            ("timezone", .string(report.timezone.description)),
            ("status_changes", changes),
            ("filter", .object(filter)),
            ("total", .object(tally(report.total))),
            ("teams", .array(report.teams.map { .object([("team", .string($0.team))] + tally($0.tally)) })),
            ("owners", .array(report.sections.map { section in
                .object([
                    ("owner", .optional(section.owner)), ("team", .optional(section.team)),
                    ("total", .object(tally(section.tally))),
                    ("new_leads", .array(section.newLeads.map { record in
                        .object(customer(record) + [("source", .optional(record.source)), ("grade", .optional(record.grade?.rawValue)),
                                                    ("created", .string(record.created.description)), ("status", .string(record.after.rawValue))])
                    })),
                    ("status_changes", .array(section.changes.map { record in
                        .object(customer(record) + [("from", .optional(record.before?.rawValue)), ("to", .string(record.after.rawValue)),
                                                    ("date", .optional(record.changedOn?.description))])
                    })),
                    ("won", .array(section.won.map { record in
                        .object(customer(record) + [("closed", .optional(record.closed?.description)),
                                                    ("amount", record.dealCents.map(SummaryJSON.money) ?? .null)])
                    })),
                    ("lost", .array(section.lost.map { record in
                        .object(customer(record) + [("closed", .optional(record.closed?.description)), ("reason", .optional(record.lostReason))])
                    })),
                    ("risks", notes(section.risks)),
                    ("help", notes(section.help)),
                    ("overdue", items(section.overdue)),
                    ("due_this_week", items(section.dueThisWeek)),
                    ("next_week", items(section.planned)),
                ])
            })),
        ])
    }
}

extension SummaryDocument {
    /// A document of `blocks` (the weekly report's).
    public init(title: String, chinese: Bool, blocks: [Block]) {
        self.title = title
        self.chinese = chinese
        self.blocks = blocks
    }
}
