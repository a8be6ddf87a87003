import LeadbookText

/// The summary as a document of headings, tables and charts, built once and written as
/// Markdown (tables and Mermaid charts) or HTML (tables and SVG charts), so both formats
/// always show the same figures. Text here is plain: each writer escapes it.
public struct SummaryDocument: Sendable {
    public enum Block: Sendable {
        case heading(level: Int, text: String)
        case paragraph(String)
        /// Label and value pairs (the header facts).
        case facts([(String, String)])
        case table(Table)
        case chart(Chart)
        case list([String])
    }

    public struct Table: Sendable {
        public var header: [String]
        public var rows: [[String]]
        /// Columns of figures (right-aligned in HTML).
        public var numeric: Set<Int>
    }

    public struct Chart: Sendable {
        public enum Style: Sendable { case bar, line }

        public struct Series: Sendable {
            public var name: String
            public var values: [Int]
            public var style: Style
        }

        public var title: String
        public var categories: [String]
        public var series: [Series]
        public var axis: String
        /// Values are tenths of a percent (0...1000).
        public var percent: Bool

        public var maximum: Int { series.flatMap(\.values).max() ?? 0 }

        /// A value as the chart prints it (`15.0` for a percentage).
        public func valueText(_ value: Int) -> String {
            percent ? String(value / 10) + "." + String(value % 10) : String(value)
        }
    }

    public var title: String
    public var chinese: Bool
    public var blocks: [Block] = []

    public init(_ summary: PipelineSummary, text: SummaryText) {
        title = text("Pipeline summary", "销售线索转化复盘")
        chinese = text.chinese
        var builder = Builder(summary: summary, t: text)
        builder.build()
        blocks = builder.blocks
    }

    public struct Builder {
        public let summary: PipelineSummary
        public let t: SummaryText
        public var blocks: [Block] = []

        public init(summary: PipelineSummary, t: SummaryText) {
            self.summary = summary
            self.t = t
        }

        public mutating func heading(_ level: Int, _ text: String) { blocks.append(.heading(level: level, text: text)) }
        public mutating func paragraph(_ text: String) { blocks.append(.paragraph(text)) }
        public mutating func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>) {
            blocks.append(.table(Table(header: header, rows: rows, numeric: numeric)))
        }

        public var empty: String { SummaryText.empty }

        public mutating func build() {
            header()
            pipeline()
            process()
            results()
            checks()
            trend()
            if let movement = summary.movement { self.movement(movement) }
            notes()
        }

        // MARK: Header

        public mutating func header() {
            let period = summary.period
            let scope: String
            if period.isAll {
                scope = t("all leads captured up to the as-of moment", "截至统计时点获取的全部线索")
            } else if let name = period.name {
                scope = t("leads captured in \(name) (\(period.from!) .. \(period.to!))",
                          "\(name) 获取的线索（\(period.from!) 至 \(period.to!)）")
            } else {
                scope = t("leads captured \(period.text)", "获取时间 \(period.text) 的线索")
            }
            blocks.append(.facts([
                (t("Leads", "线索范围"), scope),
                (t("As of", "统计时点"), t("\(summary.asOf) (time zone \(summary.timezone)); later outcomes count up to this moment",
                                          "\(summary.asOf)（时区 \(summary.timezone)）；之后的结果计入到此时点为止")),
                (t("Leads counted", "线索数"), String(summary.leads)),
            ]))
            if summary.leads == 0 {
                paragraph(t("No leads were captured in this period: every figure below is empty (-).",
                            "该期间没有获取任何线索：下面的各项指标均为空（-）。"))
            }
        }

        // MARK: 1. Pipeline now

        public mutating func pipeline() {
            heading(2, t("1. Pipeline now", "一、当前销售漏斗"))
            heading(3, t("Funnel", "漏斗"))
            let leads = summary.leads
            table([t("status", "状态"), t("customers now", "当前客户数"), t("reached", "曾到达"), t("reached, of leads", "到达率")],
                  summary.funnel.map { step in
                      [t.status(step.status), String(step.now), step.reached.map(String.init) ?? empty,
                       step.reached.map { SummaryText.percent(Ratio($0, leads)) } ?? empty]
                  }, numeric: [1, 2, 3])
            paragraph(t("Customers now: their status at the as-of moment. Reached: leads that got to this status or a later one (lost leads count for the statuses they passed).",
                        "当前客户数：统计时点所处的状态。曾到达：到达过该状态或更后状态的线索数（流失线索只计其流失前到达过的状态）。"))
            if leads > 0 {
                let steps = summary.funnel.filter { $0.reached != nil }
                blocks.append(.chart(Chart(title: t("Funnel: leads that reached each status", "漏斗：到达各状态的线索数"),
                                           categories: steps.map { t.status($0.status) },
                                           series: [.init(name: t("leads", "线索"), values: steps.map { $0.reached ?? 0 }, style: .bar)],
                                           axis: t("leads", "线索数"), percent: false)))
            }
            funnelEfficiency()

            let open = summary.open
            heading(3, t("Open value", "在途金额"))
            var text = t("\(SummaryText.money(open.openValueCents)) CNY: the budgets of \(open.open) open customers",
                         "\(SummaryText.money(open.openValueCents)) 元：\(open.open) 个在途客户的预算合计")
            if open.openWithoutBudget > 0 {
                text += t(" (\(open.openWithoutBudget) of them without a budget, counted as 0).",
                          "（其中 \(open.openWithoutBudget) 个未填预算，按 0 计）。")
            } else {
                text += t(".", "。")
            }
            paragraph(text)

            heading(3, t("By grade", "按等级"))
            table([t("grade", "等级"), t("customers", "客户数"), t("open", "在途"), t("won", "成交"), t("lost", "流失"), t("open value (CNY)", "在途金额（元）")],
                  summary.byGrade.map { row in
                      [t.key(row.key, .grade), String(row.customers), String(row.open), String(row.won), String(row.lost),
                       SummaryText.money(row.openValueCents)]
                  }, numeric: [1, 2, 3, 4, 5])

            heading(3, t("By owner", "按负责人"))
            table([t("owner", "负责人"), t("team", "团队"), t("customers", "客户数"), t("open", "在途"), t("won", "成交"), t("lost", "流失"), t("open value (CNY)", "在途金额（元）")],
                  summary.byOwner.map { row in
                      [t.key(row.key, .owner), row.group ?? empty, String(row.customers), String(row.open), String(row.won), String(row.lost),
                       SummaryText.money(row.openValueCents)]
                  }, numeric: [2, 3, 4, 5, 6])
        }

        // MARK: 2. Process

        public mutating func process() {
            heading(2, t("2. Process metrics", "二、过程指标"))
            let response = summary.response
            let c = summary.completeness
            table([t("metric", "指标"), t("value", "数值"), t("basis", "依据")], [
                [t("response time (assigned to first follow-up), median", "线索响应时长（分配到首次跟进）中位数"),
                 t.duration(minutesTimesTwo: response.medianTimesTwo),
                 t("\(response.count) customers assigned and followed up", "\(response.count) 个已分配且已跟进的客户")],
                [t("response time, 90th percentile", "线索响应时长 90 分位"),
                 t.duration(minutesTimesTwo: response.percentile90.map { $0 * 2 }), t("nearest rank", "最近秩法")],
                [t("response time, mean", "线索响应时长平均值"), t.duration(meanOf: response), ""],
                [t("first contact within the SLA of the intent", "在意向等级时限内完成分配并首次跟进"),
                 SummaryText.percent(summary.sla),
                 t("\(summary.sla.numerator) of \(summary.sla.denominator) leads whose deadline has passed or was met",
                   "\(summary.sla.denominator) 条已到期或已完成的线索中 \(summary.sla.numerator) 条")],
                [t("follow-up plan completion", "跟进计划完成率"), SummaryText.percent(summary.planCompletion),
                 t("\(summary.planCompletion.numerator) of \(summary.planCompletion.denominator) follow-ups the cadence asked for",
                   "节奏要求的 \(summary.planCompletion.denominator) 次跟进中完成 \(summary.planCompletion.numerator) 次")],
                [t("key-field completeness", "客户信息完整度"), SummaryText.percent(c.filled),
                 t("\(c.filled.numerator) of \(c.filled.denominator) key fields filled", "\(c.filled.denominator) 个关键字段中已填 \(c.filled.numerator) 个")],
                [t("customer satisfaction (1 to 5), mean", "客户满意度（1-5）平均值"), SummaryText.satisfaction(summary.satisfaction, count: false),
                 t("\(summary.satisfaction.count) confirmed feedback items rated", "\(summary.satisfaction.count) 条已确认并评分的客户反馈")],
            ], numeric: [1])

            heading(3, t("Completeness of the key fields", "关键字段完整度"))
            let leads = summary.leads
            table([t("level", "完整度"), t("customers", "客户数"), t("share", "占比")], [
                [t("complete (7 of 7)", "完整（7/7）"), String(c.complete), SummaryText.percent(Ratio(c.complete, leads))],
                [t("mostly (5 or 6)", "基本完整（5-6）"), String(c.mostly), SummaryText.percent(Ratio(c.mostly, leads))],
                [t("incomplete (4 or fewer)", "不完整（4 个及以下）"), String(c.incomplete), SummaryText.percent(Ratio(c.incomplete, leads))],
            ], numeric: [1, 2])
            table([t("key field", "关键字段"), t("filled", "已填"), t("share", "填写率")],
                  c.fields.map { [t.keyField($0.name), String($0.filled), SummaryText.percent(Ratio($0.filled, leads))] },
                  numeric: [1, 2])
            processByRow()
        }

        /// The process metrics of each owner and each team (the rows of the owner and team
        /// cuts asked for), beside the workspace's above.
        public mutating func processByRow() {
            let groups = Dictionary(summary.byOwner.map { ($0.key, $0.group) }, uniquingKeysWith: { a, _ in a })
            for (cut, rows) in summary.cuts where cut == .owner || cut == .group {
                heading(3, t("By \(t.cut(cut))", "按\(t.cut(cut))"))
                var header = [t.cut(cut)]
                if cut == .owner { header.append(t("team", "团队")) }
                header += [t("leads", "线索"), t("response median", "响应时长中位数"), t("response mean", "响应时长平均"),
                           t("within SLA", "时限内首次跟进"), t("plan completion", "跟进计划完成率"), t("satisfaction (count)", "满意度（评分数）")]
                let first = cut == .owner ? 2 : 1
                table(header, rows.map { row in
                    var cells = [t.key(row.key, cut)]
                    if cut == .owner { cells.append((groups[row.key] ?? nil) ?? empty) }
                    return cells + processCells(row)
                }, numeric: Set(first..<header.count))
            }
        }

        public func processCells(_ row: PipelineSummary.ResultRow) -> [String] {
            [String(row.leads), t.duration(minutesTimesTwo: row.response.medianTimesTwo), t.duration(meanOf: row.response),
             SummaryText.percentWithCounts(row.sla), SummaryText.percentWithCounts(row.planCompletion),
             SummaryText.satisfaction(row.satisfaction)]
        }

        // MARK: 3. Results

        public static let resultColumns: Set<Int> = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

        public func resultHeader(_ first: String) -> [String] {
            [first, t("leads", "线索"), t("won", "成交"), t("lost", "流失"), t("open", "在途"), t("conversion", "转化率"),
             t("win rate", "赢单率"), t("won amount (CNY)", "成交金额（元）"), t("average deal (CNY)", "客单价（元）"),
             t("cycle median (days)", "销售周期中位数（天）"), t("cycle mean (days)", "销售周期平均（天）")]
        }

        public func resultCells(_ row: PipelineSummary.ResultRow) -> [String] {
            [String(row.leads), String(row.won), String(row.lost), String(row.open), SummaryText.percent(row.conversion),
             SummaryText.percent(row.winRate), row.won == 0 ? empty : SummaryText.money(row.wonCents),
             SummaryText.averageMoney(row.averageDeal), SummaryText.days(median: row.cycle), SummaryText.days(mean: row.cycle)]
        }

        public mutating func results() {
            heading(2, t("3. Result metrics", "三、结果指标"))
            table(resultHeader(""), [[t("all leads", "全部线索")] + resultCells(summary.total)], numeric: Self.resultColumns)
            let missing = summary.total.won - summary.total.wonWithAmount
            if missing > 0 {
                paragraph(t("\(missing) won customers have no deal amount: they count as won but not in the amounts.",
                            "\(missing) 个成交客户未填成交金额：计入成交数，不计入金额。"))
            }
            let noCycle = summary.total.won - summary.total.cycle.count
            if noCycle > 0 {
                paragraph(t("\(noCycle) won customers lack assigned or deal.closed: they are not in the sales cycle.",
                            "\(noCycle) 个成交客户缺少 assigned 或 deal.closed：不计入销售周期。"))
            }
            for (cut, rows) in summary.cuts {
                heading(3, t("By \(t.cut(cut))", "按\(t.cut(cut))"))
                table(resultHeader(t.cut(cut)), rows.map { [t.key($0.key, cut)] + resultCells($0) }, numeric: Self.resultColumns)
            }
        }

        // MARK: 4. Checks

        public mutating func checks() {
            heading(2, t("4. Checks", "四、复盘检查"))

            heading(3, t("Grade accuracy: does S convert better than A, A than B?", "分级准确性：S 级转化率是否高于 A 级，A 级高于 B 级？"))
            let byKey = Dictionary(summary.gradeRows.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
            var lines: [String] = []
            for pair in summary.gradeAccuracy {
                let a = byKey[.value(pair.higher.rawValue)]?.conversion ?? Ratio(0, 0)
                let b = byKey[.value(pair.lower.rawValue)]?.conversion ?? Ratio(0, 0)
                let comparison = "\(pair.higher.rawValue) \(SummaryText.percent(a)) / \(pair.lower.rawValue) \(SummaryText.percent(b))"
                switch pair.holds {
                case true?: lines.append(t("\(pair.higher.rawValue) converts better than \(pair.lower.rawValue): yes (\(comparison))",
                                          "\(pair.higher.rawValue) 级转化率高于 \(pair.lower.rawValue) 级：是（\(comparison)）"))
                case false?: lines.append(t("\(pair.higher.rawValue) converts better than \(pair.lower.rawValue): no (\(comparison))",
                                           "\(pair.higher.rawValue) 级转化率高于 \(pair.lower.rawValue) 级：否（\(comparison)）"))
                case nil: lines.append(t("\(pair.higher.rawValue) converts better than \(pair.lower.rawValue): - (a grade without leads)",
                                        "\(pair.higher.rawValue) 级转化率高于 \(pair.lower.rawValue) 级：-（有等级没有线索）"))
                }
            }
            blocks.append(.list(lines))
            table([t("grade", "等级"), t("leads", "线索"), t("won", "成交"), t("conversion", "转化率"), t("cycle median (days)", "销售周期中位数（天）")],
                  Grade.allCases.map { grade in
                      let row = byKey[.value(grade.rawValue)] ?? PipelineSummary.ResultRow(key: .value(grade.rawValue))
                      return [grade.rawValue, String(row.leads), String(row.won), SummaryText.percent(row.conversion), SummaryText.days(median: row.cycle)]
                  }, numeric: [1, 2, 3, 4])

            heading(3, t("Channels ranked by conversion", "渠道转化率排名"))
            table([t("rank", "排名"), t("source", "来源渠道"), t("leads", "线索"), t("won", "成交"), t("conversion", "转化率")],
                  summary.channelRanking.enumerated().map { index, row in
                      [row.leads == 0 ? empty : String(index + 1), t.key(row.key, .source), String(row.leads), String(row.won),
                       SummaryText.percent(row.conversion)]
                  }, numeric: [0, 2, 3, 4])
            let ranked = summary.channelRanking.filter { $0.leads > 0 }
            if !ranked.isEmpty {
                blocks.append(.chart(Chart(title: t("Conversion by source (%)", "各渠道转化率（%）"),
                                           categories: ranked.map { t.key($0.key, .source) },
                                           series: [.init(name: t("conversion", "转化率"), values: ranked.map { $0.conversion.tenthsOfPercent ?? 0 }, style: .bar)],
                                           axis: t("conversion %", "转化率 %"), percent: true)))
            }

            teamCheck()

            heading(3, t("Feedback by type", "客户反馈分类"))
            let feedback = summary.feedback
            paragraph(t("\(feedback.customers) customers gave \(feedback.entries) feedback entries; each share is of those customers.",
                        "\(feedback.customers) 个客户共 \(feedback.entries) 条反馈；占比以这些客户为分母。"))
            table([t("type", "类型"), t("customers", "客户数"), t("share of customers", "客户占比"), t("entries", "反馈条数")],
                  feedback.rows.map { [t.feedbackType($0.type), String($0.customers), SummaryText.percent(Ratio($0.customers, feedback.customers)), String($0.entries)] },
                  numeric: [1, 2, 3])

            // A step still open past its deadline: what is missing, and for how long.
            func openStep(_ step: TimePolicy.LateStep) -> String {
                let days = step.daysLate
                switch step.step {
                case .answer: return t("still unanswered, \(days) day\(days == 1 ? "" : "s") past the deadline", "仍未答复，已超过时限 \(days) 天")
                case .confirmation: return t("not yet confirmed, \(days) day\(days == 1 ? "" : "s") past the deadline", "仍未回访确认，已超过时限 \(days) 天")
                case .handling: return t("no handling yet, \(days) day\(days == 1 ? "" : "s") past the deadline", "仍未定处理方式，已超过时限 \(days) 天")
                }
            }
            heading(3, t("Feedback answered late", "逾期答复的客户反馈"))
            if feedback.late.isEmpty {
                paragraph(t("Every answer and confirmation came in time, and none is past its deadline.", "所有答复和回访确认都在时限内，也没有超过时限还没做的。"))
            } else {
                table([t("customer", "客户"), t("feedback", "反馈"), t("step", "环节"), t("owner", "负责人"), t("due", "时限"),
                       t("done", "完成"), t("days late", "逾期天数")],
                      feedback.late.map { late in
                          let step = late.late.step
                          return ["\(late.customer)\(late.name.isEmpty ? "" : " " + late.name)", String(late.late.number),
                                  step.step == .answer ? t("answer", "答复") : step.step == .handling ? t("decide handling", "定处理方式") : t("confirmation", "回访确认"),
                                  late.late.owner ?? t("(unassigned)", "（未分配）"),
                                  Agenda.dueText(step.due),
                                  step.done?.description ?? openStep(step),
                                  String(step.daysLate)]
                      }, numeric: [1, 6])
            }

            heading(3, t("Lost reasons", "流失原因"))
            let lost = summary.lostReasons.reduce(0) { $0 + $1.customers }
            if lost == 0 {
                paragraph(t("No lost customers.", "没有流失客户。"))
            } else {
                table([t("reason", "原因"), t("customers", "客户数"), t("share of lost", "占流失客户")],
                      summary.lostReasons.map { [$0.reason.isEmpty ? t("(no reason written)", "（未填写原因）") : $0.reason, String($0.customers),
                                                 SummaryText.percent(Ratio($0.customers, lost))] },
                      numeric: [1, 2])
            }
        }

        public mutating func teamCheck() {
            let check = summary.teams
            let percent = check.percent, line = 100 - check.percent, count = check.months.count
            heading(3, t("Teams more than \(percent)% below the average", "转化率低于团队平均水平 \(percent)% 以上的团队"))
            guard !check.rows.isEmpty else {
                paragraph(t("No teams: leadbook.yml gives no group to the members of team.",
                            "没有团队：leadbook.yml 的 team 成员都没有 group。"))
                return
            }
            let months = check.months.map(\.description)
            paragraph(t("Conversion of the leads each team captured in \(months.joined(separator: ", ")) (won by the as-of moment). A team is flagged when it is below \(line)% of the average of the teams (▼) in each of the \(count) months.",
                        "各团队在 \(months.joined(separator: "、")) 获取的线索的转化率（截至统计时点成交）。某团队连续 \(count) 个月都低于团队平均水平的 \(line)%（▼）时标记。"))
            var rows = check.rows.map { row -> [String] in
                [row.group] + row.months.indices.map { index in
                    SummaryText.percentWithCounts(row.months[index]) + (row.below[index] == true ? " ▼" : "")
                } + [t.yesNo(row.flagged)]
            }
            rows.append([t("average of the teams", "团队平均")] + check.averages.map { average in
                SummaryText.percent(average)
            } + [""])
            table([t("team", "团队")] + months + [t("flagged", "标记")], rows, numeric: Set(1...months.count))
            let flagged = check.rows.filter(\.flagged).map(\.group)
            paragraph(flagged.isEmpty
                      ? t("No team is flagged.", "没有团队被标记。")
                      : t("Flagged: \(flagged.joined(separator: ", ")). The toolkit: re-assess the grades of the leads they get and adjust assignment.",
                          "被标记：\(flagged.joined(separator: "、"))。工具包要求：重新评估其负责的线索等级匹配度，必要时调整分配策略。"))
        }

        // MARK: 5. Trend

        public mutating func trend() {
            heading(2, t("5. Weekly trend", "五、每周趋势"))
            let weeks = summary.weeks
            guard !weeks.isEmpty else {
                paragraph(t("No weeks to show.", "没有可显示的周。"))
                return
            }
            let labels = weeks.map { LocalDate.pad($0.start.month, 2) + "-" + LocalDate.pad($0.start.day, 2) }
            if weeks.contains(where: { $0.captured > 0 || $0.won > 0 }) {
                blocks.append(.chart(Chart(title: t("Leads captured (bars) and won (line) per week", "每周获取线索（柱）与成交客户（线）"),
                                           categories: labels,
                                           series: [.init(name: t("captured", "获取"), values: weeks.map(\.captured), style: .bar),
                                                    .init(name: t("won", "成交"), values: weeks.map(\.won), style: .line)],
                                           axis: t("customers", "客户数"), percent: false)))
            }
            table([t("week from", "周（起始周一）"), t("captured", "获取线索"), t("won", "成交")],
                  weeks.map { [$0.start.description, String($0.captured), String($0.won)] }, numeric: [1, 2])
        }

        // MARK: 6. Movement

        public static let listedItems = 100

        public mutating func movement(_ movement: PipelineMovement) {
            let short = String(movement.commit.prefix(10))
            heading(2, t("6. Movement since \(movement.revision) (\(short))", "六、与 \(movement.revision)（\(short)）相比的变化"))
            table([t("movement", "变化"), t("customers", "客户数")],
                  movement.groups.map { [t.movement($0.kind), String($0.items.count)] }, numeric: [1])
            for (kind, items) in movement.groups where !items.isEmpty {
                heading(3, t.movement(kind))
                var lines = items.prefix(Self.listedItems).map { item -> String in
                    var line = item.name.isEmpty ? item.id : item.id + " " + item.name
                    switch (item.before, item.after) {
                    case let (before?, after?) where before != after: line += " (\(t.status(before)) → \(t.status(after)))"
                    case let (_, after?): line += " (\(t.status(after)))"
                    case let (before?, nil): line += " (\(t("was", "原为")) \(t.status(before)))"
                    default: break
                    }
                    return line
                }
                if items.count > Self.listedItems {
                    lines.append(t("and \(items.count - Self.listedItems) more (all of them in --format json)",
                                   "另有 \(items.count - Self.listedItems) 个（完整列表见 --format json）"))
                }
                blocks.append(.list(lines))
            }
        }

        // MARK: Notes

        public mutating func notes() {
            heading(2, t("Notes", "说明"))
            var lines = [t("Every figure is defined in leadbook's docs/metrics.md, with its denominator and what it leaves out.",
                           "每项指标的定义、分母和排除项见 leadbook 的 docs/metrics.md。")]
            lines.append(t("Percentages are rounded for display only; amounts are CNY; an empty figure is shown as -.",
                           "百分比仅在显示时四舍五入；金额单位为元；无法计算的指标显示为 -。"))
            let notes = summary.notes
            if notes.tombstones > 0 {
                lines.append(t("Merged files (tombstones), not counted: \(notes.tombstones).", "已合并的档案（墓碑），不计入：\(notes.tombstones) 个。"))
            }
            if notes.capturedLater > 0 {
                lines.append(t("Customers captured after the as-of moment, not counted: \(notes.capturedLater).",
                               "统计时点之后获取的客户，不计入：\(notes.capturedLater) 个。"))
            }
            if !notes.filesWithErrors.isEmpty {
                lines.append(t("Files with errors (run leadbook check), counted as far as they could be read: \(notes.filesWithErrors.count).",
                               "有错误的文件（请运行 leadbook check），按能读取的内容计入：\(notes.filesWithErrors.count) 个。"))
            }
            if !notes.notCounted.isEmpty {
                let shown = notes.notCounted.prefix(10).joined(separator: ", ")
                let more = notes.notCounted.count > 10 ? t(" and \(notes.notCounted.count - 10) more", " 等 \(notes.notCounted.count) 个") : ""
                lines.append(t("Not counted (not readable, or no readable created): \(shown)\(more).",
                               "未计入（无法读取或没有有效的 created）：\(shown)\(more)。"))
            }
            blocks.append(.list(lines))
        }
    }
}
