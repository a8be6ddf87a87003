import LeadbookText

/// A to-do names one `@owner` and one `^requester`, the last of each at the end of the line.
/// A second `@name` or `^name` before them (`审核 @法务部 ^赵六 ^李四`) is read as part of the
/// to-do's text: the reader keeps the line as written and goes on, and this warning says
/// which name nobody's agenda gets.
public enum ExtraTodoName: RuleDefinition {
    public static let rule = Rule("extra-todo-name", .warning, Phrase(
        "A to-do ends with at most one `@owner` and one `^requester`.",
        "待办的行尾最多写一个 `@负责人` 和一个 `^需求方`。"))

    /// At the first `@` or `^` of the names read as text (`written`: from there to the names kept).
    public static func report(_ written: String, at offset: Int, _ findings: inout Findings) {
        findings.report(Message.extra(written), at: offset)
    }
}

extension RuleMessage where Of == ExtraTodoName {
    public static func extra(_ written: String) -> Self {
        Self("`\(written)` is read as text: a to-do has one `@owner` and one `^requester`, the last of each",
             "`\(written)` 会当成待办内容：一条待办只认行尾的一个 `@负责人` 和一个 `^需求方`",
             hint: Phrase("keep one of each at the end of the line, or write one to-do per person",
                          "行尾每种只留一个；要交给几个人，就分成几条待办"))
    }
}
