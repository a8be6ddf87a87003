import LeadbookText

/// A contact's `prefers` outside the channels a contact can prefer.
public enum UnknownPreference: UnknownValueRule {
    public static let rule = Rule("unknown-preference", .error, Phrase("A contact's preferred channel is phone, email, meeting or wechat.",
                                                   "联系人偏好的联系方式是 phone（电话）、email（邮件）、meeting（面谈）或 wechat（微信）。"))

    /// The preferred channel `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> ContactPreference? {
        if let channel = ContactPreference(text: text) { return channel }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown preferred channel `\(text)`", "没有 `\(text)` 这个联系方式", hint: ContactPreference.hint(for: text))
    }
}
