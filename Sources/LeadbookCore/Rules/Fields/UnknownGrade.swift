import LeadbookText

/// A `grade` that is not one of the four grades (rule stale-grade says whether it is the score's).
public enum UnknownGrade: UnknownValueRule {
    public static let rule = Rule("unknown-grade", .error, Phrase("A grade is S, A, B or C.",
                                                   "线索等级是 S、A、B 或 C。"))

    /// The grade `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Grade? {
        if let grade = Grade(text: text) { return grade }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown grade `\(text)`", "没有 `\(text)` 这个线索等级", hint: Grade.hint(for: text))
    }
}
