import LeadbookText

/// A to-do (`- [ ]`, `- [x]`, `- todo:`, `- 待办:`) starts with its due date: the agenda
/// lists it on that day.
public enum TodoWithoutDate: RuleDefinition {
    public static let rule = Rule("todo-without-date", .error, Phrase("A to-do starts with its date.", "待办以日期开头。"))

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.noDate, at: offset)
    }
}

extension RuleMessage where Of == TodoWithoutDate {
    public static var noDate: Self {
        Self("a to-do without a date", "这条待办没有日期",
             hint: Phrase("start it with its due date: `- [ ] 2024-03-10 发送合同初稿 @owner`", "在开头写上到期日：`- [ ] 2024-03-10 发送合同初稿 @负责人`"))
    }
}
