import LeadbookText

/// A contact's `role` outside the four roles of a decision chain.
public enum UnknownContactRole: UnknownValueRule {
    public static let rule = Rule("unknown-contact-role", .error, Phrase("A contact's role is decision-maker, influencer, user or gatekeeper.",
                                                   "联系人的角色是 decision-maker（决策人）、influencer（影响者）、user（使用者）或 gatekeeper（把关人）。"))

    /// The contact role `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> ContactRole? {
        if let role = ContactRole(text: text) { return role }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown contact role `\(text)`", "没有 `\(text)` 这个联系人角色", hint: ContactRole.hint(for: text))
    }
}
