import LeadbookText

/// A plan step's `stage` outside the four stages of the toolkit and nurture.
public enum UnknownStage: UnknownValueRule {
    public static let rule = Rule("unknown-stage", .error, Phrase("A plan stage is one of the four stages or nurture.",
                                                   "跟进计划的阶段是四个阶段之一，或培育。"))

    /// The stage `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Stage? {
        if let stage = Stage(text: text) { return stage }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown stage `\(text)`", "没有 `\(text)` 这个阶段", hint: Stage.hint(for: text))
    }
}
