import LeadbookText

/// A team member's `role` in leadbook.yml outside manager, senior and junior (assignment goes by role).
public enum UnknownTeamRole: UnknownValueRule {
    public static let rule = Rule("unknown-team-role", .error, Phrase("A team member's role is manager, senior or junior.",
                                                   "团队成员的角色是 manager（销售经理）、senior（资深销售）或 junior（新人销售）。"))

    /// The team role `text` names (English value, Chinese label or another accepted spelling);
    /// nil, and a diagnostic at `offset`, when it names none.
    public static func check(_ text: String, at offset: Int, _ findings: inout Findings) -> TeamRole? {
        if let role = TeamRole(text: text) { return role }
        report(text, at: offset, &findings)
        return nil
    }

    public static func report(_ text: String, at offset: Int, _ findings: inout Findings) {
        findings.report(message(text), at: offset, suggestion: suggestion(for: text, at: offset, in: findings))
    }

    public static func message(_ text: String) -> Message {
        Message("unknown team role `\(text)`", "没有 `\(text)` 这个团队角色", hint: TeamRole.hint(for: text))
    }
}
