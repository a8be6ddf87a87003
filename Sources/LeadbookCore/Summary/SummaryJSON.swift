import LeadbookText

/// The summary as JSON for dashboards: shape `leadbook-summary` version 1, documented in
/// docs/summary.md. Counts are integers, amounts are CNY (exact, at most two decimals), shares
/// carry their numerator and denominator next to the unrounded value (null when empty).
public enum SummaryJSON {
    public static let schema = "leadbook-summary"
    public static let version = 1

    public static func render(_ summary: PipelineSummary) -> JSON {
        var members: [(String, JSON)] = [
            ("schema", .string(schema)),
            ("version", .int(version)),
            ("as_of", .string(summary.asOf.description)),
            ("timezone", .string(summary.timezone.description)),
            ("period", .object([
                ("name", .optional(summary.period.name)),
                ("from", .optional(summary.period.from)),
                ("to", .optional(summary.period.to)),
            ])),
            ("leads", .int(summary.leads)),
            ("pipeline", pipeline(summary)),
            ("funnel", funnel(summary)),
            ("process", process(summary)),
            ("results", .object([
                ("all", row(summary.total)),
                ("by", .object(summary.cuts.map { ($0.cut.rawValue, .array($0.rows.map(row))) })),
            ])),
            ("checks", checks(summary)),
            ("trend", .array(summary.weeks.map { week in
                .object([("week", .string(week.start.description)), ("captured", .int(week.captured)), ("won", .int(week.won))])
            })),
            ("movement", summary.movement.map(movement) ?? .null),
        ]
        let notes = summary.notes
        members.append(("notes", .object([
            ("files_with_errors", .array(notes.filesWithErrors.map(JSON.string))),
            ("not_counted", .array(notes.notCounted.map(JSON.string))),
            ("tombstones", .int(notes.tombstones)),
            ("captured_later", .int(notes.capturedLater)),
        ])))
        return .object(members)
    }

    public static func rate(_ ratio: Ratio) -> JSON {
        .object([("numerator", .int(ratio.numerator)), ("denominator", .int(ratio.denominator)), ("value", .optional(ratio.value))])
    }

    public static func money(_ cents: Int) -> JSON {
        cents % 100 == 0 ? .int(cents / 100) : .double(Double(cents) / 100)
    }

    /// A sum of amounts: yuan as a whole number when it fits, else a number with decimals.
    public static func money(_ total: MoneyTotal) -> JSON {
        if let cents = total.fen { return money(cents) }
        return .double(total.value / 100)
    }

    public static func key(_ key: PipelineSummary.Key) -> [(String, JSON)] {
        switch key {
        case .value(let text): return [("key", .string(text)), ("kind", .string("value"))]
        case .none: return [("key", .null), ("kind", .string("none"))]
        case .unassigned: return [("key", .null), ("kind", .string("unassigned"))]
        }
    }

    public static func distribution(_ distribution: Distribution) -> JSON {
        .object([
            ("count", .int(distribution.count)),
            ("median", .optional(distribution.median)),
            ("p90", .optional(distribution.percentile90)),
            ("mean", .optional(distribution.mean.value)),
            ("sum", .int(distribution.sum)),
        ])
    }

    public static func counts(_ row: PipelineSummary.StatusCounts) -> [(String, JSON)] {
        [("customers", .int(row.customers)), ("open", .int(row.open)), ("won", .int(row.won)), ("lost", .int(row.lost)),
         ("open_value", money(row.openValueCents)), ("open_without_budget", .int(row.openWithoutBudget))]
    }

    public static func pipeline(_ summary: PipelineSummary) -> JSON {
        .object([
            ("funnel", .array(summary.funnel.map { step in
                .object([("status", .string(step.status.rawValue)), ("customers", .int(step.now)), ("reached", .optional(step.reached))])
            })),
            ("open", .object([
                ("customers", .int(summary.open.open)),
                ("value", money(summary.open.openValueCents)),
                ("without_budget", .int(summary.open.openWithoutBudget)),
            ])),
            ("by_grade", .array(summary.byGrade.map { .object(key($0.key) + counts($0)) })),
            ("by_owner", .array(summary.byOwner.map { .object(key($0.key) + [("group", .optional($0.group))] + counts($0)) })),
        ])
    }

    public static func process(_ summary: PipelineSummary) -> JSON {
        let completeness = summary.completeness
        return .object([
            ("response_minutes", distribution(summary.response)),
            ("sla", rate(summary.sla)),
            ("plan_completion", rate(summary.planCompletion)),
            ("completeness", .object([
                ("complete", .int(completeness.complete)),
                ("mostly", .int(completeness.mostly)),
                ("incomplete", .int(completeness.incomplete)),
                ("key_fields", rate(completeness.filled)),
                ("fields", .object(completeness.fields.map { ($0.name, .int($0.filled)) })),
            ])),
            ("satisfaction", distribution(summary.satisfaction)),
        ])
    }

    public static func row(_ row: PipelineSummary.ResultRow) -> JSON {
        .object(key(row.key) + [
            ("leads", .int(row.leads)), ("won", .int(row.won)), ("lost", .int(row.lost)), ("open", .int(row.open)),
            ("conversion", rate(row.conversion)), ("win_rate", rate(row.winRate)),
            ("won_amount", money(row.wonCents)), ("won_with_amount", .int(row.wonWithAmount)),
            ("average_deal", row.wonWithAmount > 0 ? JSON.number(row.wonCents.value / Double(row.wonWithAmount) / 100) : .null),
            ("cycle_days", distribution(row.cycle)),
            ("response_minutes", distribution(row.response)),
            ("sla_met", rate(row.sla)),
            ("plan_completion", rate(row.planCompletion)),
            ("satisfaction", distribution(row.satisfaction)),
        ])
    }

    public static func checks(_ summary: PipelineSummary) -> JSON {
        let grades = Dictionary(summary.gradeRows.map { ($0.key, $0.conversion) }, uniquingKeysWith: { a, _ in a })
        let teams = summary.teams
        return .object([
            ("grade_accuracy", .array(summary.gradeAccuracy.map { pair in
                .object([
                    ("higher", .string(pair.higher.rawValue)), ("lower", .string(pair.lower.rawValue)),
                    ("holds", pair.holds.map(JSON.bool) ?? .null),
                    ("higher_conversion", rate(grades[.value(pair.higher.rawValue)] ?? Ratio(0, 0))),
                    ("lower_conversion", rate(grades[.value(pair.lower.rawValue)] ?? Ratio(0, 0))),
                ])
            })),
            ("channels", .array(summary.channelRanking.enumerated().map { index, row in
                .object([
                    ("rank", row.leads == 0 ? .null : .int(index + 1)),
                    ("source", .optional(row.key.text)), ("leads", .int(row.leads)), ("won", .int(row.won)),
                    ("conversion", rate(row.conversion)),
                ])
            })),
            ("teams", .object([
                ("below_percent", .int(teams.percent)),
                ("months", .array(teams.months.map { .string($0.description) })),
                ("average", .array(teams.averages.enumerated().map { index, average in
                    .object([("month", .string(teams.months[index].description)), ("teams", .int(average.count)),
                             ("value", .optional(average.value))])
                })),
                ("rows", .array(teams.rows.map { team in
                    .object([
                        ("team", .string(team.group)),
                        ("months", .array(team.months.indices.map { index in
                            .object([("month", .string(teams.months[index].description)), ("conversion", rate(team.months[index])),
                                     ("below", team.below[index].map(JSON.bool) ?? .null)])
                        })),
                        ("flagged", .bool(team.flagged)),
                    ])
                })),
            ])),
            ("feedback", .object([
                ("customers", .int(summary.feedback.customers)),
                ("entries", .int(summary.feedback.entries)),
                ("types", .array(summary.feedback.rows.map { row in
                    .object([("type", .optional(row.type?.rawValue)), ("customers", .int(row.customers)), ("entries", .int(row.entries)),
                             ("share", rate(Ratio(row.customers, summary.feedback.customers)))])
                })),
                ("late", .array(summary.feedback.late.map { late in
                    .object([("customer", .string(late.customer)), ("name", .string(late.name)), ("feedback", .int(late.late.number)),
                             ("step", .string(late.late.step.step.rawValue)), ("owner", .optional(late.late.owner)),
                             ("due", .string(Agenda.dueText(late.late.step.due))),
                             ("done", .optional(late.late.step.done?.description)), ("days_late", .int(late.late.step.daysLate))])
                })),
            ])),
            ("lost_reasons", .array(summary.lostReasons.map { reason in
                .object([("reason", reason.reason.isEmpty ? .null : .string(reason.reason)), ("customers", .int(reason.customers))])
            })),
        ])
    }

    public static func movement(_ movement: PipelineMovement) -> JSON {
        var members: [(String, JSON)] = [("revision", .string(movement.revision)), ("commit", .string(movement.commit))]
        for (kind, items) in movement.groups {
            members.append((kind.rawValue, .array(items.map { item in
                .object([("id", .string(item.id)), ("name", .string(item.name)),
                         ("before", .optional(item.before?.rawValue)), ("after", .optional(item.after?.rawValue))])
            })))
        }
        return .object(members)
    }
}
