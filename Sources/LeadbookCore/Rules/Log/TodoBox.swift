import LeadbookText

/// A to-do's box is `[ ]` (open) or `[x]` (done), in ASCII. A box typed with a Chinese
/// keyboard or ticked with another mark (`[ｘ]`, `[Ｘ]`, `[√]`, `[✓]`, `[✔]`, `[　]`, `［ ］`,
/// `【x】`, `[]`) is what Markdown and other tools do not read as a task: it is reported, and
/// read as the to-do it is meant to be, so it does not vanish from show and agenda. `leadbook
/// fix` writes `[x]` or `[ ]`; a mark that means done to some and not done to others (`×`,
/// `✗`) is read as open and left for the rep to write.
public enum TodoBox: RuleDefinition {
    public static let rule = Rule("todo-box", .warning,
        Phrase("A to-do's box is `[ ]` or `[x]` in ASCII, not `[ｘ]`, `[√]` or full-width brackets (`leadbook fix` changes it).",
        "待办框写英文的 `[ ]` 或 `[x]`，不写 `[ｘ]`、`[√]` 或全角括号（`leadbook fix` 可以自动改）"))

    /// `done`: what the box reads as (nil: unclear); `box`: its bytes, brackets included, and
    /// `written` their text.
    public static func report(_ done: Bool?, written: String, box: Range<Int>, _ findings: inout Findings) {
        guard let done else {
            findings.report(Message.unclear(written), at: box.lowerBound)
            return
        }
        let replacement = done ? "[x]" : "[ ]"
        findings.report(Message.odd(written, replacement: replacement, done: done), at: box.lowerBound,
                        fix: Fix(replacing: box, with: replacement))
    }
}

extension RuleMessage where Of == TodoBox {
    public static func odd(_ written: String, replacement: String, done: Bool) -> Self {
        let state = done ? Phrase("done", "已完成") : Phrase("open", "未完成")
        return Self(Phrase("the to-do box `\(written)` is not `[ ]` or `[x]`; it is read as \(state.en)",
                           "待办框 `\(written)` 不是 `[ ]` 或 `[x]`，暂按\(state.zh)处理"),
                    hint: Phrase("write `\(replacement)` in ASCII (switch the keyboard to English); `leadbook fix` changes it",
                                 "改成英文的 `\(replacement)`（把输入法切到英文）；`leadbook fix` 可以自动修改"))
    }

    public static func unclear(_ written: String) -> Self {
        Self(Phrase("the to-do box `\(written)` says neither open nor done; it is read as open",
                    "待办框 `\(written)` 看不出是否完成，暂按未完成处理"),
             hint: Phrase("write `[x]` when it is done, `[ ]` when it is still to do", "已完成写 `[x]`，未完成写 `[ ]`"))
    }
}
