import LeadbookText

/// The funnel's efficiency as the summary shows it (docs/summary.md): the table of statuses,
/// the table of the toolkit's stages, the compact tables per source and per owner (one cell per
/// status, then one per stage), and the screening
/// verdicts per industry; in JSON, `funnel`.
extension SummaryDocument.Builder {
    public mutating func funnelEfficiency() {
        let funnel = summary.funnelEfficiency
        let all = funnel.all
        heading(3, t("Funnel efficiency", "漏斗效率"))
        var rows = FunnelPath.steps.map { status -> [String] in
            let rank = status.rank
            return [t.status(status), stageName(status), String(all.reached[rank]), String(all.movedOn(rank)),
                    SummaryText.percent(all.movedOnShare(rank)), String(all.lostAt[rank]),
                    SummaryText.days(median: all.days[rank]), String(all.days[rank].count)]
        }
        rows.append([t.status(.won), empty, String(all.reached[Status.won.rank]), empty, empty, empty, empty, empty])
        table([t("status", "状态"), t("stage", "阶段"), t("reached", "曾到达"), t("moved on", "推进到后续状态"),
               t("moved on, of reached", "推进率"), t("lost at this status", "在此状态流失"),
               t("days there, median", "停留天数中位数"), t("stays timed", "计入天数的客户")],
              rows, numeric: [2, 3, 4, 5, 6, 7])
        paragraph(t("Moved on: leads that reached a later status (a status skipped counts as passed). Lost at this status: the lost leads whose last status before lost was this one. Days there: calendar days from entering the status to leaving it, over the leads that left it (a skipped status, and the one a lead is still in, are not timed).",
                    "推进到后续状态：到达过更后状态的线索（跳过的状态也算经过）。在此状态流失：流失前最后所处状态为该状态的流失线索。停留天数：从进入该状态到离开的日历天数，只计已离开该状态的线索（跳过的状态和线索当前所处的状态不计天数）。"))

        table([t("stage", "阶段"), t("statuses", "包含状态"), t("reached", "曾到达"), t("moved on", "推进到后续阶段"),
               t("moved on, of reached", "推进率"), t("lost in this stage", "在此阶段流失"),
               t("days in the stage, median", "阶段天数中位数"), t("stays timed", "计入天数的客户")],
              funnel.byStage.map { row in
                  [stageName(row.stage), t(row.statuses.map(\.rawValue).joined(separator: ", "), row.statuses.map(\.label).joined(separator: "、")),
                   String(row.reached), String(row.movedOn), SummaryText.percent(row.movedOnShare), String(row.lost),
                   SummaryText.days(median: row.days), String(row.days.count)]
              }, numeric: [2, 3, 4, 5, 6, 7])
        paragraph(t("The toolkit's stages: days in a stage add up the days of its statuses, over the leads that left it (compare initial contact with leadbook.yml first_stage_days).",
                    "工具包的跟进阶段：阶段天数是其各状态停留天数之和，只计已离开该阶段的线索（初步接洽阶段可与 leadbook.yml 的 first_stage_days 对照）。"))

        heading(3, t("Funnel by source", "按来源渠道的漏斗"))
        paragraph(t("Each status: leads that reached it · the share of them that moved on · median days there.",
                    "各状态：到达的线索数 · 推进率 · 停留天数中位数。"))
        table(funnelHeader([t.cut(.source)]), funnel.bySource.map { [t.key($0.key, .source)] + funnelCells($0) },
              numeric: Set(1...8))
        heading(3, t("Funnel by owner", "按负责人的漏斗"))
        table(funnelHeader([t.cut(.owner), t("team", "团队")]), funnel.byOwner.map { [t.key($0.key, .owner), $0.group ?? empty] + funnelCells($0) },
              numeric: Set(2...9))

        heading(3, t("Stages by source", "按来源渠道的阶段漏斗"))
        paragraph(t("Each of the toolkit's stages: leads that reached it · the share of them that moved on to the next stage · median days in the stage.",
                    "各跟进阶段：到达的线索数 · 推进到后续阶段的比例 · 阶段天数中位数。"))
        table(stageHeader([t.cut(.source)]), funnel.bySource.map { [t.key($0.key, .source)] + stageCells($0) }, numeric: Set(1...5))
        heading(3, t("Stages by owner", "按负责人的阶段漏斗"))
        table(stageHeader([t.cut(.owner), t("team", "团队")]), funnel.byOwner.map { [t.key($0.key, .owner), $0.group ?? empty] + stageCells($0) },
              numeric: Set(2...6))

        heading(3, t("Screening by industry", "各行业筛选结果"))
        if funnel.screeningByIndustry.isEmpty {
            paragraph(t("No leads and no screening rules in leadbook.yml.", "没有线索，leadbook.yml 也没有筛选规则。"))
        } else {
            table([t("industry", "行业"), t("leads", "线索"), t("pass", "通过"), t("fail", "未通过"), t("no rule", "无筛选规则"),
                   t("passed, of screened", "通过率")],
                  funnel.screeningByIndustry.map { row in
                      [t.key(row.key, .industry), String(row.leads), String(row.pass), String(row.fail), String(row.noRule),
                       SummaryText.percent(row.passShare)]
                  }, numeric: [1, 2, 3, 4, 5])
            paragraph(t("Each lead's facts today against leadbook.yml screening, as leadbook explain judges them; a fact not recorded does not pass. No rule: the industry has no screening rule, or the lead has no industry.",
                        "按 leadbook.yml 的筛选规则判断每条线索当前的信息，与 leadbook explain 一致；未记录的信息不算通过。无筛选规则：该行业没有筛选规则，或线索没有填写行业。"))
        }
    }

    /// The toolkit's stage of a status (`initial contact`, 初步接洽阶段).
    public func stageName(_ status: Status) -> String {
        guard let stage = TimePolicy.stage(of: status) else { return empty }
        return stageName(stage)
    }

    /// A stage in words, as the agenda writes it (`initial contact`); in Chinese with 阶段
    /// (初步接洽阶段), since the status 初步接洽 (contacted) has the stage's name.
    public func stageName(_ stage: Stage) -> String { t(stage.words, stage.label + "阶段") }

    public func stageHeader(_ first: [String]) -> [String] {
        first + [t("leads", "线索")] + FunnelEfficiency.stageRanks.map { stageName($0.0) }
    }

    /// `6 · 83.3% · 2 d` per stage.
    public func stageCells(_ row: FunnelEfficiency.Row) -> [String] {
        [String(row.leads)] + row.stages.map { stage in
            let days = SummaryText.days(median: stage.days)
            return "\(stage.reached) · \(SummaryText.percent(stage.movedOnShare)) · " + (days == empty ? empty : days + t(" d", " 天"))
        }
    }

    public func funnelHeader(_ first: [String]) -> [String] {
        first + [t("leads", "线索")] + FunnelPath.steps.map(t.status) + [t.status(.won), t.status(.lost)]
    }

    /// `6 · 83.3% · 2 d` per open status, then the won and the lost.
    public func funnelCells(_ row: FunnelEfficiency.Row) -> [String] {
        let steps = FunnelPath.steps.map { status -> String in
            let rank = status.rank
            let days = SummaryText.days(median: row.days[rank])
            return "\(row.reached[rank]) · \(SummaryText.percent(row.movedOnShare(rank))) · " + (days == empty ? empty : days + t(" d", " 天"))
        }
        return [String(row.leads)] + steps + [String(row.reached[Status.won.rank]), String(row.lost)]
    }
}

extension SummaryJSON {
    /// `funnel`: `statuses` (every status but lost, for all leads), `by_stage` (the toolkit's four
    /// stages), `by_source` and `by_owner` (each with its `statuses` and `stages`) and
    /// `screening_by_industry` (docs/summary.md).
    public static func funnel(_ summary: PipelineSummary) -> JSON {
        let funnel = summary.funnelEfficiency
        func cut(_ row: FunnelEfficiency.Row, group: Bool) -> JSON {
            .object(key(row.key) + (group ? [("group", .optional(row.group))] : [])
                    + [("leads", .int(row.leads)), ("lost", .int(row.lost)), ("statuses", statuses(row)), ("stages", stages(row.stages))])
        }
        return .object([
            ("statuses", statuses(funnel.all)),
            ("by_stage", stages(funnel.byStage)),
            ("by_source", .array(funnel.bySource.map { cut($0, group: false) })),
            ("by_owner", .array(funnel.byOwner.map { cut($0, group: true) })),
            ("screening_by_industry", .array(funnel.screeningByIndustry.map { row in
                .object(key(row.key) + [
                    ("rule", .bool(row.hasRule)), ("leads", .int(row.leads)), ("pass", .int(row.pass)), ("fail", .int(row.fail)),
                    ("no_rule", .int(row.noRule)), ("pass_share", rate(row.passShare)),
                ])
            })),
        ])
    }

    /// One member per stage of the toolkit, in order.
    public static func stages(_ rows: [FunnelEfficiency.StageRow]) -> JSON {
        .array(rows.map { row in
            .object([
                ("stage", .string(row.stage.rawValue)), ("statuses", .array(row.statuses.map { .string($0.rawValue) })),
                ("reached", .int(row.reached)), ("moved_on", .int(row.movedOn)), ("moved_on_share", rate(row.movedOnShare)),
                ("lost_at", .int(row.lost)), ("days", distribution(row.days)),
            ])
        })
    }

    /// One member per status in funnel order, lost left out (it is `lost_at` of the others);
    /// won has only `reached`.
    public static func statuses(_ row: FunnelEfficiency.Row) -> JSON {
        var steps: [JSON] = FunnelPath.steps.map { status in
            let rank = status.rank
            return .object([
                ("status", .string(status.rawValue)), ("stage", .optional(TimePolicy.stage(of: status)?.rawValue)),
                ("reached", .int(row.reached[rank])), ("moved_on", .int(row.movedOn(rank))),
                ("moved_on_share", rate(row.movedOnShare(rank))), ("lost_at", .int(row.lostAt[rank])),
                ("days", distribution(row.days[rank])),
            ])
        }
        steps.append(.object([
            ("status", .string(Status.won.rawValue)), ("stage", .null), ("reached", .int(row.reached[Status.won.rank])),
            ("moved_on", .null), ("moved_on_share", .null), ("lost_at", .null), ("days", .null),
        ]))
        return .array(steps)
    }
}
