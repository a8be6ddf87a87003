import LeadbookText

/// A plan point's `due` is a date (`2024-03-20`) or the days of the week it comes back on
/// (`每周一`, `every Monday`): the agenda lists it on that day. Any other text means no day.
public enum InvalidPlanDue: RuleDefinition {
    public static let rule = Rule("invalid-plan-due", .error,
                                  Phrase("A plan point's `due` is a date or a weekday (`每周一`, `every Monday`).",
                                         "跟进计划的 `due` 是日期或星期几（`每周一`、`every Monday`）。"))

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.notADay(text), at: offset)
    }
}

extension RuleMessage where Of == InvalidPlanDue {
    public static func notADay(_ text: String) -> Self {
        Self("`plan.due`: `\(text)` is neither a date nor a weekday", "`plan.due`：`\(text)` 既不是日期也不是星期几",
             hint: Phrase("write a date (`due: 2024-03-20`) or the weekday it recurs on (`due: 每周一`, `due: every Monday`, `due: 每周一、四`)",
                          "写日期（`due: 2024-03-20`），或每周的哪一天（`due: 每周一`、`due: every Monday`、`due: 每周一、四`）"))
    }
}
