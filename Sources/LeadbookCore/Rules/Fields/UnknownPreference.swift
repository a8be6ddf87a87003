import LeadbookText

/// A contact's `prefers` outside the channels a contact can prefer.
public enum UnknownPreference: UnknownValueRule {
    public static let rule = Rule("unknown-preference", .error, "A contact's preferred channel is phone, email, meeting or wechat.")

    /// The preferred channel `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> ContactPreference? {
        if let channel = ContactPreference(text: text) { return channel }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset)
    }

    public static func message(_ text: String) -> Message {
        Message("unknown preferred channel `\(text)`", hint: ContactPreference.hint(for: text))
    }
}
