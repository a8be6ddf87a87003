import LeadbookText

/// An entry of the Follow-ups or Feedback section starts with `### DATE [HH:MM] CHANNEL`,
/// then the counterpart (a follow-up) or what the customer said (feedback). Headings outside
/// those sections are free Markdown.
public enum BadEntryHeading: RuleDefinition {
    public static let rule = Rule("bad-entry-heading", .error, Phrase("A log entry heading is `### DATE [HH:MM] CHANNEL [counterpart or summary]`.",
                                                                "记录条目的标题写成 `### 日期 [HH:MM] 渠道 [对接人或摘要]`。"))

    public static func report(_ message: Message, at offset: Int, _ findings: inout Findings) {
        findings.report(message, at: offset)
    }
}

extension RuleMessage where Of == BadEntryHeading {
    public static func noDate(_ section: LogReader.Section.Kind) -> Self {
        Self("an entry heading starts with its date", "条目标题要以日期开头",
             hint: section == .followUps ? Phrase("write `### 2024-03-01 10:30 phone 张伟`", "写成 `### 2024-03-01 10:30 电话 张伟`")
                 : Phrase("write `### 2024-03-03 meeting what the customer said`", "写成 `### 2024-03-03 面谈 客户说了什么`"))
    }

    public static var noChannel: Self {
        Self("the entry heading has no channel after its date", "条目标题的日期后面没有渠道",
             hint: Phrase("add how you were in touch: ", "写上这次是怎么联系的：") + Channel.choiceList)
    }

    public static var feedbackWithoutSummary: Self {
        Self("the feedback heading has no summary", "反馈标题没有摘要",
             hint: Phrase("write what the customer said after the channel: `### 2024-03-03 meeting 方案缺少数据备份功能`",
                          "在渠道后面写客户说了什么：`### 2024-03-03 面谈 方案缺少数据备份功能`"))
    }
}
