import LeadbookText

/// An entry of the Follow-ups or Feedback section starts with `### DATE [HH:MM] CHANNEL`,
/// then the counterpart (a follow-up) or what the customer said (feedback). Headings outside
/// those sections are free Markdown.
public enum BadEntryHeading: RuleDefinition {
    public static let rule = Rule("bad-entry-heading", .error, "A log entry heading is `### DATE [HH:MM] CHANNEL [counterpart or summary]`.")

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == BadEntryHeading {
    public static func noDate(_ section: LogReader.Section.Kind) -> Self {
        Self("an entry heading starts with its date",
             hint: section == .followUps ? "write `### 2024-03-01 10:30 phone 张伟`" : "write `### 2024-03-03 meeting what the customer said`")
    }

    public static var noChannel: Self {
        Self("the entry heading has no channel after its date", hint: "add how you were in touch: \(Channel.choices)")
    }

    public static var feedbackWithoutSummary: Self {
        Self("the feedback heading has no summary",
             hint: "write what the customer said after the channel: `### 2024-03-03 meeting 方案缺少数据备份功能`")
    }
}
