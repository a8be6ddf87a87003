import LeadbookText

/// An `intent` outside the three levels of a new lead.
public enum UnknownIntent: UnknownValueRule {
    public static let rule = Rule("unknown-intent", .error, Phrase("An intent is A, B or C.",
                                                   "初步意向等级是 A、B 或 C。"))

    /// The intent `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> Intent? {
        if let intent = Intent(text: text) { return intent }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown intent `\(text)`", "没有 `\(text)` 这个意向等级", hint: Intent.hint(for: text))
    }
}
