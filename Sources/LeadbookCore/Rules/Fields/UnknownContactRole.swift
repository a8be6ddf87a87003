import LeadbookText

/// A contact's `role` outside the four roles of a decision chain.
public enum UnknownContactRole: UnknownValueRule {
    public static let rule = Rule("unknown-contact-role", .error, "A contact's role is decision-maker, influencer, user or gatekeeper.")

    /// The contact role `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> ContactRole? {
        if let role = ContactRole(text: text) { return role }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset)
    }

    public static func message(_ text: String) -> Message {
        Message("unknown contact role `\(text)`", hint: ContactRole.hint(for: text))
    }
}
