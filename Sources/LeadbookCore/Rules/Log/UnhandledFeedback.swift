import LeadbookText

/// Feedback is given a handling (fix, negotiate or decline) within `feedback.handling_days`
/// (the toolkit, section 5: every feedback is handled, a fix answered within 24 hours). `check`
/// reads the files, not the clock: the finding comes when the log itself shows the days have
/// passed (a later follow-up or feedback entry dated more than that many days after it); an
/// entry still waiting today is on `agenda` (kind `feedback`).
public enum UnhandledFeedback: CustomerRule {
    public static let rule = Rule("unhandled-feedback", .warning, Phrase(
        "Feedback gets a handling (fix, negotiate or decline) within `feedback.handling_days` days.",
        "客户反馈在 `feedback.handling_days` 天内定下处理方式（立即解决、协商解决或无法解决）。"))

    public static func check(_ context: CustomerContext, _ findings: inout Findings) {
        let log = context.log
        // Most files have no feedback waiting for a handling: nothing to date.
        guard log.feedback.contains(where: { $0.handling == nil && $0.resolved == nil }) else { return }
        let days = context.configuration.feedbackHandlingDays
        var latest: LocalDate?
        for entry in log.followUps { if let date = entry.date, latest.map({ date > $0 }) ?? true { latest = date } }
        for entry in log.feedback { if let date = entry.date, latest.map({ date > $0 }) ?? true { latest = date } }
        guard let latest else { return }
        for entry in log.feedback where entry.handling == nil && entry.resolved == nil {
            guard let date = entry.date, latest > date.adding(days: days) else { continue }
            findings.report(Message.noHandling(date, days: days, latest: latest), at: entry.start)
        }
    }
}

extension RuleMessage where Of == UnhandledFeedback {
    public static func noHandling(_ date: LocalDate, days: Int, latest: LocalDate) -> Self {
        Self("feedback of \(date) has no handling after \(days) day\(days == 1 ? "" : "s"); the log goes on to \(latest)",
             "\(date) 的反馈过了 \(days) 天还没有处理方式；记录已经写到 \(latest)",
             hint: Phrase("add `- handling: fix`, `negotiate` or `decline` to the entry (`leadbook agenda` lists what is still waiting)",
                          "在这条反馈下加 `- 处理方式: 立即解决`、`协商解决` 或 `无法解决`（`leadbook agenda` 会列出还在等待的反馈）"))
    }
}
