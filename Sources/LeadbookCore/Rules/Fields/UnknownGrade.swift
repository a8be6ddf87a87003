import LeadbookText

/// A `grade` that is not one of the four grades (rule stale-grade says whether it is the score's).
public enum UnknownGrade: UnknownValueRule {
    public static let rule = Rule("unknown-grade", .error, "A grade is S, A, B or C.")

    /// The grade `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Grade? {
        if let grade = Grade(text: text) { return grade }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset)
    }

    public static func message(_ text: String) -> Message {
        Message("unknown grade `\(text)`", hint: Grade.hint(for: text))
    }
}
