import LeadbookText

/// A to-do (`- [ ]`, `- [x]`, `- todo:`, `- 待办:`) starts with its due date: the agenda
/// lists it on that day.
public enum TodoWithoutDate: RuleDefinition {
    public static let rule = Rule("todo-without-date", .error, "A to-do starts with its date.")

    public static func report(at offset: Int, _ findings: inout Findings) {
        findings.report(Message.noDate, at: offset)
    }
}

extension RuleMessage where Of == TodoWithoutDate {
    public static var noDate: Self {
        Self("a to-do without a date", hint: "start it with its due date: `- [ ] 2024-03-10 发送合同初稿 @owner`")
    }
}
