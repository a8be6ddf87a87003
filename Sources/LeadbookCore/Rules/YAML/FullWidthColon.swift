import LeadbookText

/// A key followed by a full-width colon `：` (`industry：食品`), as a Chinese keyboard types it:
/// YAML sees no key there, so other tools refuse the file or read a wrong value. leadbook
/// reads the line as the key it is meant to be, reports the colon itself (not the `:` of a
/// time further on) and fixes it to `: `. In the follow-up log a full-width colon is fine
/// (`- 状态：方案提交`).
public enum FullWidthColon: RuleDefinition {
    public static let rule = Rule("full-width-colon", .error,
        Phrase("The colon after a key is the ASCII `:` followed by a space, not a full-width `：` (`leadbook fix` changes it).",
        "键后面的冒号用英文 `:` 加一个空格，不用全角 `：`（`leadbook fix` 可以自动改）"))

    public static func report(at offset: Int, fix: Fix?, _ findings: inout Findings) {
        findings.report(Message.afterKey, at: offset, fix: fix)
    }
}

extension RuleMessage where Of == FullWidthColon {
    public static var afterKey: Self {
        Self("full-width colon `：` after the key; YAML needs the ASCII colon `:` and a space", "键后面用了全角冒号 `：`，YAML 要求英文冒号 `:` 加一个空格",
             hint: Phrase("type `: ` (switch the keyboard to English); `leadbook fix` changes it",
                          "改成 `: `（把输入法切到英文）；`leadbook fix` 可以自动修改"))
    }
}
